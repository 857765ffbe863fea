package io.enif.test.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.client.EnifClient;
import io.enif.client.EnifScanner;
import io.enif.client.EnifTable;
import io.enif.client.FilterType;
import io.enif.client.FullKey;
import io.enif.client.ScanOptions;
import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.proto.key.KeyCodec;
import io.enif.test.minicluster.MiniMetaCluster;
import io.enif.test.minicluster.ReplicaNodeHandle;
import io.enif.test.minicluster.TableRoutes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The client under a primary that moves: a writer on one hash key runs set, incr and check_and_set in a loop while the
 * replica server holding that partition's primary is killed. The meta server makes a secondary the primary after the
 * failure-detector grace period; the client refreshes its route on its own and carries on. Every acknowledged write is
 * readable afterwards, idempotent writes never fail, and the non-idempotent ones were retried only when they provably
 * had not been applied: no check_and_set finds its own fresh key already set, and the counter holds the acknowledged
 * increments plus at most the ones reported with an unknown outcome. A second client, idle through the move with
 * every partition's old route cached, then reads, batch-reads, writes and scans as if nothing happened.
 */
@Timeout(240)
class RerouteAfterPrimaryMoveTest extends ClientClusterBase {
    private static final int WRITE_TIMEOUT_MS = 30_000;

    @Test
    void theClientFollowsThePrimaryWhenItsServerIsKilled() throws Exception {
        byte[] hashKey = b("moving");
        TableRoutes before = cluster.routes(TABLE);
        Gpid gpid = before.gpidOf(KeyCodec.encode(hashKey, new byte[0]));
        HostPort oldPrimary = before.primary(gpid);
        ReplicaNodeHandle victim = cluster.replica(oldPrimary);

        // A second client that routes every partition before the kill and is idle during it: its cache is stale
        // afterwards, and its first calls must find the new primary by themselves.
        List<byte[]> spread = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            spread.add(b("spread-" + i));
            table.set(spread.get(i), b("s"), b("v" + i), TIMEOUT_MS);
        }
        EnifClient idle = EnifClient.create(clientConfig(cluster));
        EnifTable idleTable = idle.openTable(TABLE);
        for (byte[] key : spread) {
            assertThat(idleTable.exist(key, b("s"), TIMEOUT_MS)).isTrue();
        }

        PrimaryMoveWriter writer = new PrimaryMoveWriter(table, hashKey, WRITE_TIMEOUT_MS).start();
        try {
            assertThat(MiniMetaCluster.await(WAIT, () -> writer.round.get() >= 20))
                    .as("the writer gets going")
                    .isTrue();
            victim.kill();
            int roundAtKill = writer.round.get();

            TableRoutes after = cluster.awaitRoutes(
                    TABLE,
                    "with a new primary for " + gpid,
                    WAIT,
                    r -> r.primary(gpid) != null && !r.primary(gpid).equals(oldPrimary));
            HostPort newPrimary = after.primary(gpid);
            assertThat(newPrimary).isNotEqualTo(oldPrimary);
            assertThat(MiniMetaCluster.await(WAIT, () -> writer.round.get() >= roundAtKill + 30))
                    .as("writes go on through the new primary %s", newPrimary)
                    .isTrue();
        } finally {
            writer.stop();
        }

        assertThat(writer.failures).as("no write failed outright").isEmpty();

        try (idle) {
            for (int i = 0; i < spread.size(); i++) {
                assertThat(s(idleTable.get(spread.get(i), b("s"), WRITE_TIMEOUT_MS)))
                        .as("a stale route is refreshed for %s", s(spread.get(i)))
                        .isEqualTo("v" + i);
            }
            List<FullKey> keys =
                    spread.stream().map(k -> new FullKey(k, b("s"))).toList();
            assertThat(idleTable.batchGet(keys, WRITE_TIMEOUT_MS)).doesNotContainNull();
            assertThat(idleTable
                            .multiGet(hashKey, List.of(PrimaryMoveWriter.setKey(0)), WRITE_TIMEOUT_MS)
                            .values())
                    .hasSize(1);
            idleTable.set(spread.get(0), b("after"), b("x"), WRITE_TIMEOUT_MS);
            int scanned = 0;
            for (EnifScanner scanner : idleTable.getUnorderedScanners(
                    4, ScanOptions.defaults().withHashKeyFilter(FilterType.MATCH_PREFIX, b("spread-")))) {
                try (scanner) {
                    while (scanner.next() != null) {
                        scanned++;
                    }
                }
            }
            assertThat(scanned).isEqualTo(spread.size() + 1);
        }
        assertThat(writer.casFoundExisting)
                .as("no check_and_set was applied twice (retried after it had been applied)")
                .isEmpty();

        // Read everything back through a fresh client, which knows only the meta server.
        try (EnifClient reader = EnifClient.create(clientConfig(cluster))) {
            EnifTable readTable = reader.openTable(TABLE);
            for (int i : writer.ackedSets) {
                assertThat(s(readTable.get(hashKey, PrimaryMoveWriter.setKey(i), TIMEOUT_MS)))
                        .as("acknowledged set %d", i)
                        .isEqualTo("v" + i);
            }
            for (int i : writer.ackedCas) {
                assertThat(s(readTable.get(hashKey, PrimaryMoveWriter.casKey(i), TIMEOUT_MS)))
                        .as("acknowledged check_and_set %d", i)
                        .isEqualTo("v" + i);
            }
            Set<Integer> decided = new HashSet<>(writer.ackedCas);
            decided.addAll(writer.unknownCas);
            for (int i = 0; i <= writer.round.get(); i++) {
                if (!decided.contains(i) && !writer.casFoundExisting.contains(i)) {
                    assertThat(readTable.exist(hashKey, PrimaryMoveWriter.casKey(i), TIMEOUT_MS))
                            .as("check_and_set %d failed outright, so it must not be applied", i)
                            .isFalse();
                }
            }
            long counter = Long.parseLong(s(readTable.get(hashKey, PrimaryMoveWriter.COUNTER, TIMEOUT_MS)));
            assertThat(counter)
                    .as("acked %s, unknown %s", writer.ackedIncrs, writer.unknownIncrs)
                    .isBetween(
                            (long) writer.ackedIncrs.get(), (long) writer.ackedIncrs.get() + writer.unknownIncrs.get());
        }
        List<Integer> acked = writer.ackedSets;
        assertThat(acked.get(acked.size() - 1)).isGreaterThan(30);
    }
}
