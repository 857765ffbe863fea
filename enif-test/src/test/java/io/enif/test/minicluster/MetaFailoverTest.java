package io.enif.test.minicluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.HostPort;
import io.enif.proto.admin.query_cfg_response;
import io.enif.proto.layer2.partition_configuration;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance of the meta server's failover (issue 3): three meta servers on an embedded ZooKeeper and three
 * scripted replica servers that make every partition healthy.
 */
@Timeout(120)
class MetaFailoverTest {
    private static final Duration LEADER_WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private final LeaderActivityRecorder recorder = new LeaderActivityRecorder();
    private final List<FakeReplicaServer> replicas = new ArrayList<>();
    private MiniMetaCluster cluster;
    private MetaAdmin admin;

    @BeforeEach
    void setUp() throws Exception {
        cluster = MiniMetaCluster.builder(dir).metaServers(3).listener(recorder).start();
        admin = new MetaAdmin();
        for (int i = 0; i < 3; i++) {
            replicas.add(new FakeReplicaServer(cluster.addresses(), Duration.ofMillis(500)));
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        replicas.forEach(FakeReplicaServer::close);
        admin.close();
        cluster.close();
    }

    private boolean healthy(HostPort meta, String table, int replicaCount) {
        query_cfg_response cfg = admin.queryConfig(meta, table);
        if (!"ERR_OK".equals(cfg.getErr().name()) || cfg.getPartitions().size() != cfg.getPartition_count()) {
            return false;
        }
        for (partition_configuration pc : cfg.getPartitions()) {
            if (!pc.getHp_primary().isValid() || pc.getHp_secondaries().size() + 1 < replicaCount) {
                return false;
            }
        }
        return true;
    }

    private MetaNodeHandle leaderWithHealthyTable() {
        MetaNodeHandle leader = cluster.awaitLeader(LEADER_WAIT);
        assertThat(admin.awaitAliveNodes(leader.address(), 3, Duration.ofSeconds(10)))
                .isTrue();
        assertThat(admin.createApp(leader.address(), "temp", 4, 3, Map.of())
                        .getErr()
                        .name())
                .isEqualTo("ERR_OK");
        assertThat(MiniMetaCluster.await(Duration.ofSeconds(20), () -> healthy(leader.address(), "temp", 3)))
                .as("every partition gets a primary and two secondaries")
                .isTrue();
        return leader;
    }

    @Test
    void aKilledLeaderIsReplacedWithinTheSessionTimeoutAndNothingIsLost() throws Exception {
        MetaNodeHandle leader = leaderWithHealthyTable();
        String before = admin.dump(leader.address());
        var storedBefore = cluster.storedState();
        MetaNodeHandle standby =
                cluster.metas().stream().filter(m -> m != leader).findFirst().orElseThrow();
        assertThat(MiniMetaCluster.await(
                        Duration.ofSeconds(5),
                        () -> !admin.queryConfig(standby.address(), "temp")
                                .getPartitions()
                                .isEmpty()))
                .as("a standby learns who leads")
                .isTrue();
        query_cfg_response forward = admin.queryConfig(standby.address(), "temp");
        assertThat(forward.getErr().name()).isEqualTo("ERR_FORWARD_TO_OTHERS");
        assertThat(forward.getPartitions().get(0).getPrimary().toHostPort()).isEqualTo(leader.address());

        long killedAt = System.nanoTime();
        leader.kill();
        MetaNodeHandle next = cluster.awaitLeader(cluster.sessionTimeout().plusSeconds(10));
        Duration failover = Duration.ofNanos(System.nanoTime() - killedAt);

        assertThat(next).isNotSameAs(leader);
        assertThat(failover)
                .as("a killed leader keeps the lock until its session expires, then is replaced")
                .isGreaterThan(cluster.sessionTimeout().dividedBy(2))
                .isLessThan(cluster.sessionTimeout().plusSeconds(10));
        assertThat(admin.dump(next.address())).isEqualTo(before);
        assertThat(cluster.storedState()).isEqualTo(storedBefore);
        assertThat(MiniMetaCluster.await(
                        Duration.ofSeconds(10),
                        () -> replicas.stream().allMatch(r -> next.address().equals(r.master()))))
                .as("replica servers follow the new leader")
                .isTrue();
        leader.restart();
        assertThat(admin.queryConfig(leader.address(), "temp").getErr().name()).isEqualTo("ERR_FORWARD_TO_OTHERS");
        assertThat(recorder.interleaving()).isEmpty();
    }

    @Test
    void restartingEveryMetaServerLosesNothing() throws Exception {
        MetaNodeHandle leader = leaderWithHealthyTable();
        assertThat(admin.createApp(leader.address(), "gone", 2, 3, Map.of())
                        .getErr()
                        .name())
                .isEqualTo("ERR_OK");
        assertThat(admin.dropApp(leader.address(), "gone").getErr().name()).isEqualTo("ERR_OK");
        assertThat(MiniMetaCluster.await(Duration.ofSeconds(20), () -> healthy(leader.address(), "temp", 3)))
                .isTrue();
        String before = admin.dump(leader.address());

        for (MetaNodeHandle meta : cluster.metas()) {
            meta.kill();
        }
        for (MetaNodeHandle meta : cluster.metas()) {
            meta.restart();
        }
        MetaNodeHandle next = cluster.awaitLeader(cluster.sessionTimeout().plusSeconds(10));

        assertThat(admin.dump(next.address())).isEqualTo(before).contains("gone AS_DROPPED");
        assertThat(admin.recallApp(next.address(), 2, "").getErr().name()).isEqualTo("ERR_OK");
        assertThat(recorder.interleaving()).isEmpty();
    }

    @Test
    void aGracefulStopHandsOverAtOnce() {
        MetaNodeHandle leader = cluster.awaitLeader(LEADER_WAIT);

        long stoppedAt = System.nanoTime();
        leader.stop();
        MetaNodeHandle next = cluster.awaitLeader(LEADER_WAIT);

        assertThat(next).isNotSameAs(leader);
        assertThat(Duration.ofNanos(System.nanoTime() - stoppedAt)).isLessThan(cluster.sessionTimeout());
    }
}
