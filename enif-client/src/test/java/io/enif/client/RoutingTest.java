package io.enif.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.client.ops.Target;
import io.enif.common.hash.Crc64;
import io.enif.proto.base.blob;
import io.enif.proto.key.KeyCodec;
import io.enif.storage.PartitionStore;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Keys reach the partition their hash names, on the replica that is its primary. */
@Timeout(60)
class RoutingTest extends ClientTestBase {

    private PartitionStore storeOf(int partitionIndex) {
        return cluster.partition(gpid(partitionIndex)).store();
    }

    private static int partitionOf(byte[] hashKey, byte[] sortKey) {
        return KeyCodec.partitionIndex(KeyCodec.partitionHash(KeyCodec.encode(hashKey, sortKey)), 8);
    }

    @Test
    void eachKeyLandsInThePartitionOfItsHashKeyOnBothReplicas() {
        int putsOn0 = cluster.replica(0).faults().count("RPC_RRDB_RRDB_PUT");
        int putsOn1 = cluster.replica(1).faults().count("RPC_RRDB_RRDB_PUT");
        Set<Integer> partitions = new HashSet<>();

        for (int i = 0; i < 64; i++) {
            byte[] hashKey = b("route" + i);
            table.set(hashKey, b("s"), b("v" + i), TIMEOUT);
            int expected = (int) Long.remainderUnsigned(Crc64.compute(hashKey), 8);
            partitions.add(expected);
            blob key = new blob(KeyCodec.encode(hashKey, b("s")));
            assertThat(storeOf(expected).get(key).error)
                    .as("in partition %d", expected)
                    .isZero();
            assertThat(storeOf((expected + 1) % 8).get(key).error).isEqualTo(1);
        }

        assertThat(partitions).hasSize(8);
        assertThat(cluster.replica(0).faults().count("RPC_RRDB_RRDB_PUT") - putsOn0)
                .isPositive();
        assertThat(cluster.replica(1).faults().count("RPC_RRDB_RRDB_PUT") - putsOn1)
                .isPositive();
    }

    @Test
    void anEmptyHashKeyIsPlacedByItsSortKey() {
        for (int i = 0; i < 16; i++) {
            byte[] sortKey = b("only-sort-" + i);
            table.set(null, sortKey, b("v"), TIMEOUT);
            int expected = (int) Long.remainderUnsigned(Crc64.compute(sortKey), 8);
            assertThat(partitionOf(new byte[0], sortKey)).isEqualTo(expected);
            assertThat(storeOf(expected).get(new blob(KeyCodec.encode(new byte[0], sortKey))).error)
                    .isZero();
        }
    }

    @Test
    void multiKeyOperationsGoToTheHashKeysPartition() {
        String hashKey = hashKeyIn("multi", 5);
        table.multiSet(b(hashKey), java.util.List.of(new SortKeyValue(b("a"), b("1"))), 0, TIMEOUT);

        assertThat(Target.ofHashKey(b(hashKey)).partitionIndex(8)).isEqualTo(5);
        assertThat(storeOf(5).sortkeyCount(new blob(b(hashKey))).count).isEqualTo(1);
        assertThat(storeOf(4).sortkeyCount(new blob(b(hashKey))).count).isZero();
    }
}
