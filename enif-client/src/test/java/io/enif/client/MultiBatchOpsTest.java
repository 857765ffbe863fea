package io.enif.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enif.client.fake.FakeReplica;
import io.enif.client.fake.Fault;
import io.enif.client.ops.Target;
import io.enif.common.error.ErrorCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** batchMultiGet, batchMultiSet, batchMultiDel and their {@code …2} forms, sync. */
@Timeout(60)
class MultiBatchOpsTest extends ClientTestBase {
    private static final String MULTI_GET = "RPC_RRDB_RRDB_MULTI_GET";
    private static final String MULTI_PUT = "RPC_RRDB_RRDB_MULTI_PUT";

    static List<SortKeyValue> rows(String... sortKeysAndValues) {
        List<SortKeyValue> rows = new ArrayList<>();
        for (int i = 0; i < sortKeysAndValues.length; i += 2) {
            rows.add(new SortKeyValue(b(sortKeysAndValues[i]), b(sortKeysAndValues[i + 1])));
        }
        return rows;
    }

    static List<String> text(List<SortKeyValue> rows) {
        List<String> out = new ArrayList<>();
        for (SortKeyValue row : rows) {
            out.add(s(row.sortKey()) + "=" + s(row.value()));
        }
        return out;
    }

    private FakeReplica primaryOf(String hashKey) {
        return cluster.replica(
                cluster.table("temp").primaryOf(Target.ofHashKey(b(hashKey)).partitionIndex(8)));
    }

    @Test
    void batchMultiSetThenBatchMultiGetAcrossPartitions() {
        List<HashKeyData> items = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            items.add(new HashKeyData(b("mb" + i), rows("a", "1-" + i, "b", "2-" + i, "c", "3-" + i)));
        }
        int multiPutsBefore = replicaRequests(MULTI_PUT);

        table.batchMultiSet(items, 0, TIMEOUT);

        assertThat(replicaRequests(MULTI_PUT) - multiPutsBefore)
                .as("one multi_put per item")
                .isEqualTo(12);
        List<HashKeyData> read = table.batchMultiGet(
                List.of(
                        new HashKeySortKeys(b("mb3"), List.of(b("c"), b("absent"), b("a"))),
                        HashKeySortKeys.all(b("mb7")),
                        new HashKeySortKeys(b("mb11"), null),
                        HashKeySortKeys.all(b("mb-absent"))),
                TIMEOUT);
        assertThat(read).hasSize(4);
        assertThat(s(read.get(0).hashKey())).isEqualTo("mb3");
        assertThat(text(read.get(0).values())).containsExactlyInAnyOrder("a=1-3", "c=3-3");
        assertThat(text(read.get(1).values())).containsExactly("a=1-7", "b=2-7", "c=3-7");
        assertThat(text(read.get(2).values())).containsExactly("a=1-11", "b=2-11", "c=3-11");
        assertThat(read.get(3).values()).isEmpty();
        assertThat(read).allMatch(HashKeyData::allFetched);
    }

    @Test
    void batchMultiGetUsesMultiGetsDefaultLimits() {
        List<SortKeyValue> many = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            many.add(new SortKeyValue(b(String.format("s%03d", i)), b("v")));
        }
        table.multiSet(b("mb-large"), many, 0, TIMEOUT);

        HashKeyData read = table.batchMultiGet(List.of(HashKeySortKeys.all(b("mb-large"))), TIMEOUT)
                .get(0);

        assertThat(read.values()).hasSize(EnifTable.DEFAULT_MAX_FETCH_COUNT);
        assertThat(read.allFetched()).isFalse();
        assertThat(s(read.values().get(99).sortKey())).isEqualTo("s099");
    }

    @Test
    void batchMultiSetAppliesItsTtlToEveryItem() {
        table.batchMultiSet(
                List.of(new HashKeyData(b("mb-ttl1"), rows("a", "1")), new HashKeyData(b("mb-ttl2"), rows("b", "2"))),
                100,
                TIMEOUT);

        assertThat(table.ttl(b("mb-ttl1"), b("a"), TIMEOUT)).isBetween(90, 100);
        assertThat(table.ttl(b("mb-ttl2"), b("b"), TIMEOUT)).isBetween(90, 100);
    }

    @Test
    void batchMultiDelDeletesOnlyTheListedSortKeys() {
        table.batchMultiSet(
                List.of(
                        new HashKeyData(b("mbd1"), rows("a", "1", "b", "2")),
                        new HashKeyData(b("mbd2"), rows("a", "1", "b", "2"))),
                0,
                TIMEOUT);

        table.batchMultiDel(
                List.of(
                        new HashKeySortKeys(b("mbd1"), List.of(b("a"))),
                        new HashKeySortKeys(b("mbd2"), List.of(b("a"), b("b")))),
                TIMEOUT);

        List<HashKeyData> left =
                table.batchMultiGet(List.of(HashKeySortKeys.all(b("mbd1")), HashKeySortKeys.all(b("mbd2"))), TIMEOUT);
        assertThat(text(left.get(0).values())).containsExactly("b=2");
        assertThat(left.get(1).values()).isEmpty();
    }

    @Test
    void secondFormsReportEachItemsOwnOutcome() {
        List<ItemResult<Void>> sets = table.batchMultiSet2(
                Arrays.asList(
                        new HashKeyData(b("mb2a"), rows("s", "ok")),
                        null,
                        new HashKeyData(b(""), rows("s", "v")),
                        new HashKeyData(b("mb2b"), List.of())),
                0,
                TIMEOUT);
        assertThat(sets).hasSize(4);
        assertThat(ItemResult.successCount(sets)).isEqualTo(1);
        assertThat(sets.get(1).error())
                .isInstanceOf(EnifInvalidArgumentException.class)
                .hasMessageContaining("batchMultiSet: an item of the list is null");
        assertThat(sets.get(2).error()).hasMessageContaining("hash key must not be null or empty");
        assertThat(sets.get(3).error()).hasMessageContaining("values must not be null or empty");

        List<ItemResult<HashKeyData>> gets = table.batchMultiGet2(
                Arrays.asList(HashKeySortKeys.all(b("mb2a")), null, HashKeySortKeys.all(null)), TIMEOUT);
        assertThat(ItemResult.successCount(gets)).isEqualTo(1);
        assertThat(text(gets.get(0).value().values())).containsExactly("s=ok");
        assertThat(gets.get(1).error()).isInstanceOf(EnifInvalidArgumentException.class);
        assertThat(gets.get(2).error()).hasMessageContaining("hash key must not be null or empty");

        List<ItemResult<Void>> dels = table.batchMultiDel2(
                List.of(new HashKeySortKeys(b("mb2a"), List.of(b("s"))), new HashKeySortKeys(b("mb2a"), List.of())),
                TIMEOUT);
        assertThat(ItemResult.successCount(dels)).isEqualTo(1);
        assertThat(dels.get(1).error()).hasMessageContaining("sort keys must not be null or empty");
        assertThat(table.get(b("mb2a"), b("s"), TIMEOUT)).isNull();
    }

    @Test
    void aServerErrorFailsOnlyTheItemsItServed() {
        String busy = "mb-busy";
        String other = "mb-other0";
        for (int i = 0; primaryOf(other) == primaryOf(busy); i++) {
            other = "mb-other" + i;
        }
        table.multiSet(b(other), rows("s", "v"), 0, TIMEOUT);
        primaryOf(busy).faults().always(MULTI_GET, Fault.error(ErrorCode.ERR_BUSY));
        List<HashKeySortKeys> keys = List.of(HashKeySortKeys.all(b(busy)), HashKeySortKeys.all(b(other)));

        List<ItemResult<HashKeyData>> results = table.batchMultiGet2(keys, TIMEOUT);

        assertThat(results.get(0).error())
                .isInstanceOf(EnifServerException.class)
                .hasMessageContaining("ERR_BUSY");
        assertThat(results.get(1).isOk()).isTrue();
        assertThat(text(results.get(1).value().values())).containsExactly("s=v");
        assertThatThrownBy(() -> table.batchMultiGet(keys, TIMEOUT))
                .isInstanceOf(EnifServerException.class)
                .hasMessageContaining("ERR_BUSY");
    }

    @Test
    void eachItemHasItsSingleCallsRetries() {
        table.multiSet(b("mb-retry"), rows("s", "v"), 0, TIMEOUT);
        FakeReplica primary = primaryOf("mb-retry");
        primary.faults()
                .next(MULTI_GET, Fault.error(ErrorCode.ERR_NOT_ENOUGH_MEMBER))
                .next(MULTI_PUT, Fault.error(ErrorCode.ERR_SPLITTING));

        List<HashKeyData> read = table.batchMultiGet(List.of(HashKeySortKeys.all(b("mb-retry"))), TIMEOUT);
        table.batchMultiSet(List.of(new HashKeyData(b("mb-retry"), rows("t", "w"))), 0, TIMEOUT);

        assertThat(text(read.get(0).values())).containsExactly("s=v");
        assertThat(primary.faults().count(MULTI_GET))
                .as("refused once, then retried")
                .isEqualTo(2);
        assertThat(primary.faults().count(MULTI_PUT))
                .as("the first multiSet, then the batch's twice")
                .isEqualTo(3);
        assertThat(s(table.get(b("mb-retry"), b("t"), TIMEOUT))).isEqualTo("w");
    }

    @Test
    void plainFormsThrowTheFirstFailureInListOrderButApplyTheRest() {
        assertThatThrownBy(() -> table.batchMultiSet(
                        Arrays.asList(
                                new HashKeyData(b("mb-first"), rows("s", "applied")),
                                new HashKeyData(b("mb-second"), Arrays.asList(new SortKeyValue(b("s"), null))),
                                null),
                        0,
                        TIMEOUT))
                .isInstanceOf(EnifInvalidArgumentException.class)
                .hasMessageContaining("multiSet: a value must not be null");
        assertThat(s(table.get(b("mb-first"), b("s"), TIMEOUT)))
                .as("not atomic")
                .isEqualTo("applied");

        assertThatThrownBy(() -> table.batchMultiDel(
                        List.of(new HashKeySortKeys(b("mb-first"), List.of(b("s"))), HashKeySortKeys.all(b("x"))),
                        TIMEOUT))
                .isInstanceOf(EnifInvalidArgumentException.class)
                .hasMessageContaining("multiDel: sort keys must not be null or empty");
        assertThat(table.get(b("mb-first"), b("s"), TIMEOUT)).isNull();

        assertThatThrownBy(() -> table.batchMultiSet(List.of(new HashKeyData(b("h"), rows("s", "v"))), -1, TIMEOUT))
                .hasMessageContaining("ttl seconds must not be negative");
        assertThatThrownBy(() -> table.batchMultiGet(null, TIMEOUT))
                .isInstanceOf(EnifInvalidArgumentException.class)
                .hasMessageContaining("batchMultiGet: items must not be null");
        assertThat(table.batchMultiDel2(List.of(), TIMEOUT)).isEmpty();
    }
}
