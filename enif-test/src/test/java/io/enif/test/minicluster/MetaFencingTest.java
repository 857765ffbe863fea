package io.enif.test.minicluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.HostPort;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.curator.test.KillSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A leader that loses its ZooKeeper session, or sleeps past it, stops leading, and no two leaders ever act at once:
 * every metadata write (ordered by zxid) and every beacon ack (ordered by time) carries a non-decreasing epoch.
 */
@Timeout(120)
class MetaFencingTest {
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
            replicas.add(new FakeReplicaServer(cluster.addresses(), Duration.ofMillis(300)));
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        replicas.forEach(FakeReplicaServer::close);
        admin.close();
        cluster.close();
    }

    private MetaNodeHandle leaderWithTable() {
        MetaNodeHandle leader = cluster.awaitLeader(LEADER_WAIT);
        assertThat(createOnceAlive(leader, "temp")).isEqualTo("ERR_OK");
        return leader;
    }

    /** Creates a table once the leader has heard from every replica server (before, it is frozen). */
    private String createOnceAlive(MetaNodeHandle leader, String table) {
        assertThat(admin.awaitAliveNodes(leader.address(), 3, Duration.ofSeconds(10)))
                .isTrue();
        return admin.createApp(leader.address(), table, 2, 3, Map.of()).getErr().name();
    }

    @Test
    void anExpiredSessionMakesTheLeaderStopAtOnce() throws Exception {
        MetaNodeHandle leader = leaderWithTable();
        long epoch = leader.server().epoch().orElseThrow();

        KillSession.kill(leader.server().zkClient().getZookeeperClient().getZooKeeper());

        assertThat(MiniMetaCluster.await(Duration.ofSeconds(1), () -> !leader.isLeader()))
                .as("the leader steps down as soon as its session is gone")
                .isTrue();
        MetaNodeHandle next =
                cluster.awaitNewLeader(leader, cluster.sessionTimeout().plusSeconds(10));
        assertThat(next.server().epoch().orElseThrow()).isGreaterThan(epoch);
        assertThat(createOnceAlive(next, "after")).isEqualTo("ERR_OK");
        assertThat(leader.isRunning())
                .as("it rejoins as a candidate, it does not exit")
                .isTrue();
        assertThat(admin.queryConfig(leader.address(), "after").getErr().name()).isEqualTo("ERR_FORWARD_TO_OTHERS");
        assertThat(recorder.interleaving()).isEmpty();
    }

    @Test
    void aLeaderPausedPastItsSessionNeitherLeadsNorWritesWhenItWakes() throws Exception {
        MetaNodeHandle leader = leaderWithTable();
        HostPort old = leader.address();

        leader.pause();
        MetaNodeHandle next =
                cluster.awaitNewLeader(leader, cluster.sessionTimeout().plusSeconds(10));
        assertThat(createOnceAlive(next, "while_paused")).isEqualTo("ERR_OK");
        int acksBeforeWake = recorder.beaconAcks().size();
        leader.resume();

        assertThat(admin.queryConfig(old, "temp").getErr().name()).isEqualTo("ERR_FORWARD_TO_OTHERS");
        assertThat(admin.createApp(old, "from_old", 2, 3, Map.of()).getErr().name())
                .isEqualTo("ERR_FORWARD_TO_OTHERS");
        assertThat(MiniMetaCluster.await(
                        Duration.ofSeconds(2), () -> recorder.beaconAcks().size() > acksBeforeWake))
                .isTrue();
        assertThat(leader.isLeader()).isFalse();
        assertThat(cluster.leader()).contains(next);
        assertThat(cluster.storedState().allTables())
                .extracting(t -> t.info().appName())
                .containsExactly("temp", "while_paused");
        assertThat(recorder.interleaving()).isEmpty();
        assertThat(recorder.writes()).isNotEmpty();
    }
}
