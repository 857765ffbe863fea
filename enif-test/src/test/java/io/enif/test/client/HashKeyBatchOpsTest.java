package io.enif.test.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enif.client.EnifInvalidArgumentException;
import io.enif.client.EnifTable;
import io.enif.client.FullKey;
import io.enif.client.HashKeyData;
import io.enif.client.HashKeySortKeys;
import io.enif.client.ItemResult;
import io.enif.client.SetItem;
import io.enif.client.SortKeyValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The batch calls over whole hash keys ({@code batchMultiGet}, {@code batchMultiSet}, {@code batchMultiDel} and their
 * {@code …2} forms) and the async form of every batch call, on real servers: one cluster for the class.
 */
@Timeout(180)
class HashKeyBatchOpsTest extends ClientClusterBase {

    static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    static List<SortKeyValue> rows(int count, String valuePrefix) {
        List<SortKeyValue> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new SortKeyValue(b(String.format("s%03d", i)), b(valuePrefix + i)));
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

    @Test
    void batchMultiSetGetAndDelAcrossEveryPartition() {
        List<HashKeyData> items = new ArrayList<>();
        List<HashKeySortKeys> all = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            items.add(new HashKeyData(b("hkb-" + i), rows(3, "v" + i + "-")));
            all.add(HashKeySortKeys.all(b("hkb-" + i)));
        }
        table.batchMultiSet(items, 0, TIMEOUT_MS);

        List<HashKeyData> read = table.batchMultiGet(all, TIMEOUT_MS);
        assertThat(read).hasSize(24).allMatch(HashKeyData::allFetched);
        for (int i = 0; i < 24; i++) {
            assertThat(s(read.get(i).hashKey())).isEqualTo("hkb-" + i);
            assertThat(text(read.get(i).values()))
                    .containsExactly("s000=v" + i + "-0", "s001=v" + i + "-1", "s002=v" + i + "-2");
        }
        assertThat(text(table.multiGet(b("hkb-5"), null, TIMEOUT_MS).values())).hasSize(3);

        List<HashKeySortKeys> dels = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            dels.add(new HashKeySortKeys(b("hkb-" + i), List.of(b("s000"), b("s002"))));
        }
        table.batchMultiDel(dels, TIMEOUT_MS);
        List<HashKeyData> left = table.batchMultiGet(
                List.of(
                        new HashKeySortKeys(b("hkb-0"), List.of(b("s000"), b("s001"))),
                        HashKeySortKeys.all(b("hkb-23")),
                        HashKeySortKeys.all(b("hkb-absent"))),
                TIMEOUT_MS);
        assertThat(text(left.get(0).values())).containsExactly("s001=v0-1");
        assertThat(text(left.get(1).values())).containsExactly("s001=v23-1");
        assertThat(left.get(2).values()).isEmpty();
    }

    @Test
    void ttlLimitsAndItemOutcomes() {
        table.batchMultiSet(List.of(new HashKeyData(b("hkb-ttl"), rows(2, "t"))), 90, TIMEOUT_MS);
        assertThat(table.ttl(b("hkb-ttl"), b("s001"), TIMEOUT_MS)).isBetween(80, 90);

        table.multiSet(b("hkb-large"), rows(130, "x"), 0, TIMEOUT_MS);
        HashKeyData large = table.batchMultiGet(List.of(HashKeySortKeys.all(b("hkb-large"))), TIMEOUT_MS)
                .get(0);
        assertThat(large.allFetched()).as("multiGet's default 100 rows").isFalse();
        assertThat(large.values()).hasSize(EnifTable.DEFAULT_MAX_FETCH_COUNT);

        List<ItemResult<Void>> sets = table.batchMultiSet2(
                Arrays.asList(new HashKeyData(b("hkb-ok"), rows(1, "o")), null, new HashKeyData(null, rows(1, "n"))),
                0,
                TIMEOUT_MS);
        assertThat(ItemResult.successCount(sets)).isEqualTo(1);
        assertThat(sets.get(1).error()).isInstanceOf(EnifInvalidArgumentException.class);
        assertThat(sets.get(2).error()).hasMessageContaining("hash key must not be null or empty");

        List<ItemResult<HashKeyData>> gets =
                table.batchMultiGet2(List.of(HashKeySortKeys.all(b("hkb-ok")), HashKeySortKeys.all(b(""))), TIMEOUT_MS);
        assertThat(ItemResult.successCount(gets)).isEqualTo(1);
        assertThat(text(gets.get(0).value().values())).containsExactly("s000=o0");

        List<ItemResult<Void>> dels = table.batchMultiDel2(
                List.of(new HashKeySortKeys(b("hkb-ok"), List.of(b("s000"))), HashKeySortKeys.all(b("hkb-ok"))),
                TIMEOUT_MS);
        assertThat(ItemResult.successCount(dels)).isEqualTo(1);
        assertThat(dels.get(1).error()).hasMessageContaining("sort keys must not be null or empty");
        assertThat(table.get(b("hkb-ok"), b("s000"), TIMEOUT_MS)).isNull();

        assertThatThrownBy(() -> table.batchMultiDel(
                        List.of(new HashKeySortKeys(b("hkb-ttl"), List.of(b("s000"))), HashKeySortKeys.all(b("x"))),
                        TIMEOUT_MS))
                .isInstanceOf(EnifInvalidArgumentException.class);
        assertThat(table.get(b("hkb-ttl"), b("s000"), TIMEOUT_MS))
                .as("the valid item was applied: batches are not atomic")
                .isNull();
    }

    @Test
    void everyBatchCallInItsAsyncForm() throws Exception {
        List<FullKey> keys = List.of(new FullKey(b("hkb-a1"), b("s")), new FullKey(b("hkb-a2"), b("s")));
        await(table.asyncBatchSet(
                List.of(new SetItem(b("hkb-a1"), b("s"), b("1")), new SetItem(b("hkb-a2"), b("s"), b("2"))),
                TIMEOUT_MS));
        assertThat(await(table.asyncBatchGet(keys, TIMEOUT_MS)))
                .extracting(ClientClusterBase::s)
                .containsExactly("1", "2");
        assertThat(ItemResult.successCount(
                        await(table.asyncBatchSet2(List.of(new SetItem(b("hkb-a3"), b("s"), b("3"))), TIMEOUT_MS))))
                .isEqualTo(1);
        await(table.asyncBatchDel(keys.subList(0, 1), TIMEOUT_MS));
        assertThat(ItemResult.successCount(await(table.asyncBatchDel2(keys.subList(1, 2), TIMEOUT_MS))))
                .isEqualTo(1);
        List<ItemResult<byte[]>> gets = await(
                table.asyncBatchGet2(List.of(keys.get(0), keys.get(1), new FullKey(b("hkb-a3"), b("s"))), TIMEOUT_MS));
        assertThat(gets).extracting(r -> s(r.value())).containsExactly(null, null, "3");

        await(table.asyncBatchMultiSet(List.of(new HashKeyData(b("hkb-am1"), rows(2, "m"))), 0, TIMEOUT_MS));
        assertThat(ItemResult.successCount(await(table.asyncBatchMultiSet2(
                        List.of(new HashKeyData(b("hkb-am2"), rows(1, "n"))), 0, TIMEOUT_MS))))
                .isEqualTo(1);
        List<HashKeyData> read = await(table.asyncBatchMultiGet(
                List.of(HashKeySortKeys.all(b("hkb-am1")), HashKeySortKeys.all(b("hkb-am2"))), TIMEOUT_MS));
        assertThat(text(read.get(0).values())).containsExactly("s000=m0", "s001=m1");
        assertThat(text(read.get(1).values())).containsExactly("s000=n0");
        await(table.asyncBatchMultiDel(List.of(new HashKeySortKeys(b("hkb-am1"), List.of(b("s000")))), TIMEOUT_MS));
        assertThat(ItemResult.successCount(await(table.asyncBatchMultiDel2(
                        List.of(new HashKeySortKeys(b("hkb-am2"), List.of(b("s000")))), TIMEOUT_MS))))
                .isEqualTo(1);
        List<ItemResult<HashKeyData>> after = await(table.asyncBatchMultiGet2(
                List.of(HashKeySortKeys.all(b("hkb-am1")), HashKeySortKeys.all(b("hkb-am2"))), TIMEOUT_MS));
        assertThat(text(after.get(0).value().values())).containsExactly("s001=m1");
        assertThat(after.get(1).value().values()).isEmpty();

        assertThat(table.asyncBatchMultiSet(Arrays.asList((HashKeyData) null), 0, TIMEOUT_MS))
                .failsWithin(WAIT)
                .withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(EnifInvalidArgumentException.class);
    }
}
