package io.enif.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** batchGet, batchSet, batchDel and their {@code …2} forms. */
@Timeout(60)
class BatchOpsTest extends ClientTestBase {

    @Test
    void batchSetThenBatchGetAcrossPartitions() {
        List<SetItem> items = new ArrayList<>();
        List<FullKey> keys = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            items.add(new SetItem(b("bh" + i), b("s"), b("v" + i)));
            keys.add(new FullKey(b("bh" + i), b("s")));
        }
        keys.add(new FullKey(b("bh-absent"), b("s")));
        keys.add(new FullKey(null, b("empty-hash-key")));
        table.set(null, b("empty-hash-key"), b("by sort key"), TIMEOUT);
        int batchGetsBefore = replicaRequests("RPC_RRDB_RRDB_BATCH_GET");

        table.batchSet(items, TIMEOUT);
        List<byte[]> values = table.batchGet(keys, TIMEOUT);

        assertThat(values).hasSize(22);
        for (int i = 0; i < 20; i++) {
            assertThat(s(values.get(i))).isEqualTo("v" + i);
        }
        assertThat(values.get(20)).isNull();
        assertThat(s(values.get(21))).isEqualTo("by sort key");
        // One batch_get per partition at most, not one per key.
        assertThat(replicaRequests("RPC_RRDB_RRDB_BATCH_GET") - batchGetsBefore).isBetween(2, 8);
    }

    @Test
    void batchDelDeletesEveryKey() {
        table.batchSet(List.of(new SetItem(b("bd1"), b("s"), b("1")), new SetItem(b("bd2"), b("s"), b("2"))), TIMEOUT);

        table.batchDel(List.of(new FullKey(b("bd1"), b("s")), new FullKey(b("bd2"), b("s"))), TIMEOUT);

        assertThat(table.batchGet(List.of(new FullKey(b("bd1"), b("s")), new FullKey(b("bd2"), b("s"))), TIMEOUT))
                .containsOnlyNulls();
    }

    @Test
    void secondFormsReportEachItemsOwnOutcome() {
        List<ItemResult<Void>> sets = table.batchSet2(
                Arrays.asList(new SetItem(b("b2a"), b("s"), b("ok")), new SetItem(b("b2b"), b("s"), null), null),
                TIMEOUT);
        assertThat(ItemResult.successCount(sets)).isEqualTo(1);
        assertThat(sets.get(1).error()).isInstanceOf(EnifInvalidArgumentException.class);
        assertThat(sets.get(1).error()).hasMessageContaining("value must not be null");
        assertThat(sets.get(2).error()).hasMessageContaining("null");

        List<ItemResult<byte[]>> gets = table.batchGet2(
                Arrays.asList(new FullKey(b("b2a"), b("s")), new FullKey(b("x".repeat(70000)), b("s"))), TIMEOUT);
        assertThat(gets.get(0).isOk()).isTrue();
        assertThat(s(gets.get(0).value())).isEqualTo("ok");
        assertThat(gets.get(1).error()).hasMessageContaining("shorter than 65535 bytes");

        List<ItemResult<Void>> dels = table.batchDel2(List.of(new FullKey(b("b2a"), b("s"))), TIMEOUT);
        assertThat(ItemResult.successCount(dels)).isEqualTo(1);
        assertThat(table.get(b("b2a"), b("s"), TIMEOUT)).isNull();
    }

    @Test
    void plainFormsThrowTheFirstFailure() {
        assertThatThrownBy(() -> table.batchSet(
                        List.of(new SetItem(b("b3"), b("s"), b("v")), new SetItem(b("b3"), b("t"), b("v"), -1)),
                        TIMEOUT))
                .isInstanceOf(EnifInvalidArgumentException.class)
                .hasMessageContaining("ttl seconds must not be negative");
    }
}
