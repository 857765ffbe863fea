package io.enif.test.minicluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.proto.base.blob;
import io.enif.proto.key.KeyCodec;
import io.enif.replica.partition.PartitionRunner;
import io.enif.replication.learn.LearnType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 4's acceptance with a fourth node and {@code replica_assign_delay_ms_for_dropouts = 0}: the replicas of a
 * killed server are rebuilt on the servers that had none of their partition, by checkpoint learning (the replicas'
 * prepare lists moved on and their logs were collected past decree 1: 1 MB log files, a checkpoint every second, no
 * log reserve) while writes go on; afterwards all replicas of each partition hold identical data (a digest of the
 * live user records).
 */
@Timeout(150)
class ReplicaRebuildTest {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaRebuildTest.class);
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void aDeadServersReplicasAreRebuiltElsewhereFromCheckpointsAndEndUpIdentical() throws Exception {
        try (MiniCluster cluster = MiniCluster.builder(dir)
                .metaServers(1)
                .replicaServers(4)
                .override("meta_server.replica_assign_delay_ms_for_dropouts=0")
                .override("replication.checkpoint_interval_seconds=1")
                .override("replication.log_private_file_size_mb=1")
                .override("replication.log_private_reserve_max_size_mb=0")
                .override("replication.log_private_reserve_max_time_seconds=0")
                .start()) {
            TableRoutes routes = cluster.createTable("rebuild", 8, 3, WAIT);
            SteadyWriter writer = new SteadyWriter(cluster, "rebuild", 64, 16 << 10).start();
            try {
                assertThat(MiniMetaCluster.await(WAIT, () -> logsCollectedPastTheStart(cluster, routes)))
                        .as("no replica's cache or log reaches decree 1 any more")
                        .isTrue();

                ReplicaNodeHandle victim = cluster.replica(0);
                HostPort victimAddress = victim.address();
                List<Gpid> itsPartitions = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    if (routes.members(routes.gpid(i)).contains(victimAddress)) {
                        itsPartitions.add(routes.gpid(i));
                    }
                }
                long ackedAtKill = writer.acked();
                victim.kill();

                TableRoutes rebuilt = cluster.awaitRoutes(
                        "rebuild",
                        "3/3 again without " + victimAddress,
                        WAIT,
                        r -> r.isHealthy(3) && r.isServedWithout(victimAddress) && cluster.primariesServe(r));
                assertThat(writer.acked()).as("writes went on").isGreaterThan(ackedAtKill);

                Map<Gpid, String> learned = new LinkedHashMap<>();
                for (Gpid gpid : itsPartitions) {
                    HostPort newcomer = rebuilt.members(gpid).stream()
                            .filter(m -> !routes.members(gpid).contains(m))
                            .findFirst()
                            .orElseThrow();
                    PartitionRunner runner = cluster.replica(newcomer).replica(gpid);
                    learned.put(
                            gpid,
                            newcomer + " app=" + runner.learnCount(LearnType.LT_APP) + " log="
                                    + runner.learnCount(LearnType.LT_LOG) + " cache="
                                    + runner.learnCount(LearnType.LT_CACHE));
                    assertThat(runner.learnCount(LearnType.LT_APP))
                            .as("%s rebuilt on %s from a checkpoint", gpid, newcomer)
                            .isPositive();
                }
                LOG.info("rebuilt replicas of {}: {}", victimAddress, learned);
            } finally {
                writer.stop();
            }
            assertThat(writer.check(WAIT)).as("acknowledged writes lost").isEmpty();

            TableRoutes last = cluster.routes("rebuild");
            // One more write per partition commits everything before it on the secondaries; once every member applied
            // it, all of them hold the same user records.
            for (int i = 0; i < 8; i++) {
                Gpid gpid = last.gpid(i);
                assertThat(cluster.data()
                                .put(last.primary(gpid), gpid, fenceKey(gpid), "fence")
                                .getError())
                        .isZero();
            }
            for (int i = 0; i < 8; i++) {
                Gpid gpid = last.gpid(i);
                List<StoreDigest> digests = new ArrayList<>();
                for (HostPort member : last.members(gpid)) {
                    PartitionRunner runner = cluster.replica(member).replica(gpid);
                    assertThat(MiniMetaCluster.await(
                                    WAIT,
                                    () -> runner.store()
                                                    .get(new blob(fenceKey(gpid)))
                                                    .getError()
                                            == 0))
                            .as("%s on %s applied the fence", gpid, member)
                            .isTrue();
                    digests.add(StoreDigest.of(runner.store()));
                }
                LOG.info("{} digests {}", gpid, digests);
                assertThat(digests.get(0).records()).isPositive();
                assertThat(digests).as("%s: the digests of its members", gpid).allMatch(d -> d.equals(digests.get(0)));
            }
        }
    }

    /**
     * Whether no replica can teach decree 1 from its cache or log any more: its log was collected past it and its
     * prepare list (110 decrees) moved on. Every member counts, since a secondary may become the primary.
     */
    private static boolean logsCollectedPastTheStart(MiniCluster cluster, TableRoutes routes) {
        for (int i = 0; i < routes.partitionCount(); i++) {
            Gpid gpid = routes.gpid(i);
            for (HostPort member : routes.members(gpid)) {
                PartitionRunner runner = cluster.replica(member).replica(gpid);
                if (runner == null
                        || runner.snapshot().firstLogDecree() <= 2
                        || runner.snapshot().lastCommittedDecree() < 130) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A key of {@code gpid} (of a table with 8 partitions) that the steady writer does not write. */
    private static byte[] fenceKey(Gpid gpid) {
        for (int n = 0; ; n++) {
            byte[] key = DataClient.key("fence" + n, "s");
            if (KeyCodec.partitionIndex(KeyCodec.partitionHash(key), 8) == gpid.partitionIndex()) {
                return key;
            }
        }
    }
}
