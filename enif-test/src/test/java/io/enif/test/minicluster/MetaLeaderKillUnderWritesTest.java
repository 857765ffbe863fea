package io.enif.test.minicluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.HostPort;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The meta leader is killed (its ZooKeeper session abandoned) while a steady writer writes a table of 8 × 3 on real
 * replica servers: a standby takes over within the ZooKeeper session timeout (3 s), well within the replicas' lease
 * (8 s here), so the replica servers find the new leader and keep their leases — no partition changes its
 * configuration, writes go on, and no acknowledged write is lost.
 */
@Timeout(120)
class MetaLeaderKillUnderWritesTest {
    private static final Logger LOG = LoggerFactory.getLogger(MetaLeaderKillUnderWritesTest.class);
    private static final Duration WAIT = Duration.ofSeconds(45);

    @TempDir
    Path dir;

    @Test
    void replicasFollowTheNewLeaderWithoutLosingTheirLeaseOrAnyWrite() throws Exception {
        // A replica server drops its lease when no beacon was acknowledged for lease - check; give it room for the
        // ZooKeeper session (3 s), the election and finding the new leader among the standbys (a beacon a second).
        try (MiniCluster cluster = MiniCluster.builder(dir)
                .metaServers(3)
                .replicaServers(3)
                .override("replication.fd_lease_seconds=8")
                .override("replication.fd_grace_seconds=9")
                .start()) {
            TableRoutes before = cluster.createTable("metakill", 8, 3, WAIT);
            SteadyWriter writer = new SteadyWriter(cluster, "metakill", 100).start();
            try {
                assertThat(MiniMetaCluster.await(WAIT, () -> writer.acked() >= 200 && writer.everyPartitionAcked()))
                        .isTrue();
                MetaNodeHandle oldLeader = cluster.metas().awaitLeader(WAIT);
                writer.mark();
                long killed = System.nanoTime();
                oldLeader.kill();

                MetaNodeHandle newLeader = cluster.metas().awaitNewLeader(oldLeader, WAIT);
                Duration takeover = Duration.ofNanos(System.nanoTime() - killed);
                HostPort leaderAddress = newLeader.address();
                assertThat(MiniMetaCluster.await(
                                WAIT,
                                () -> cluster.replicas().stream()
                                        .allMatch(r -> leaderAddress.equals(
                                                r.server().metaLink().leader()))))
                        .as("every replica server beacons the new leader")
                        .isTrue();
                long ackedAtTakeover = writer.acked();
                assertThat(MiniMetaCluster.await(
                                WAIT, () -> writer.resumedEverywhere() && writer.acked() >= ackedAtTakeover + 200))
                        .isTrue();
                List<Long> gaps = writer.gaps().stream().map(Duration::toMillis).toList();
                LOG.info(
                        "meta leader {} killed: {} leads after {} ms; write gaps per partition {} ms; errors {}",
                        oldLeader.address(),
                        leaderAddress,
                        takeover.toMillis(),
                        gaps,
                        writer.errors());

                TableRoutes after = cluster.awaitHealthy("metakill", 3, WAIT);
                List<String> changed = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    if (after.config(after.gpid(i)).getBallot()
                            != before.config(before.gpid(i)).getBallot()) {
                        changed.add(after.gpid(i) + " ballot "
                                + before.config(before.gpid(i)).getBallot() + " -> "
                                + after.config(after.gpid(i)).getBallot());
                    }
                }
                assertThat(changed)
                        .as("partitions reconfigured by a meta failover")
                        .isEmpty();
            } finally {
                writer.stop();
            }
            assertThat(writer.check(WAIT)).as("acknowledged writes lost").isEmpty();
        }
    }
}
