package io.enif.meta.election;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.HostPort;
import io.enif.meta.ZkTestServer;
import io.enif.meta.state.TableInfo;
import io.enif.meta.state.TableState;
import io.enif.meta.store.LeaderFence;
import io.enif.meta.store.MetaPaths;
import io.enif.meta.store.MetaStoreException;
import io.enif.meta.store.StoreBatch;
import io.enif.meta.store.ZkMetaStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.KillSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ZkLeaderElectionTest {
    private static final int SESSION_MS = 2000;
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private ZkTestServer zk;
    private final MetaPaths paths = MetaPaths.of("/enif/election", "");
    private final List<ZkLeaderElection> elections = new ArrayList<>();
    private final List<String> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        zk = new ZkTestServer(dir.toFile());
    }

    @AfterEach
    void tearDown() throws Exception {
        elections.forEach(ZkLeaderElection::halt);
        zk.close();
    }

    private record Candidate(ZkLeaderElection election, CuratorFramework client, ZkMetaStore store) {}

    private Candidate candidate(int port) throws Exception {
        CuratorFramework client = zk.client(SESSION_MS);
        ZkMetaStore store = new ZkMetaStore(client, paths);
        store.ensureLayout();
        HostPort self = new HostPort("127.0.0.1", port);
        ZkLeaderElection election = new ZkLeaderElection(client, paths, self, SESSION_MS, new ElectionListener() {
            @Override
            public void onElected(LeaderFence fence) {
                events.add(port + " elected " + fence.epoch());
            }

            @Override
            public void onDeposed(LeaderFence fence, String reason) {
                events.add(port + " deposed " + fence.epoch());
            }
        });
        elections.add(election);
        election.start();
        return new Candidate(election, client, store);
    }

    private static long epoch(Candidate c) {
        return c.election().fence().orElseThrow().epoch();
    }

    @Test
    void oneLeadsAndTheOtherKnowsIt() throws Exception {
        Candidate a = candidate(1001);
        assertThat(ZkTestServer.await(WAIT, a.election()::isLeading)).isTrue();
        Candidate b = candidate(1002);

        assertThat(ZkTestServer.await(WAIT, () -> b.election().leader().isPresent()))
                .isTrue();
        assertThat(b.election().isLeading()).isFalse();
        assertThat(b.election().leader()).contains(new HostPort("127.0.0.1", 1001));
        assertThat(a.election().leader()).contains(new HostPort("127.0.0.1", 1001));
        assertThat(epoch(a)).isPositive();
        assertThat(events).containsExactly("1001 elected " + epoch(a));
    }

    @Test
    void aGracefulCloseHandsOverAtOnceWithAHigherEpoch() throws Exception {
        Candidate a = candidate(1001);
        assertThat(ZkTestServer.await(WAIT, a.election()::isLeading)).isTrue();
        long first = epoch(a);
        Candidate b = candidate(1002);

        long closedAt = System.nanoTime();
        a.election().close();

        assertThat(ZkTestServer.await(WAIT, b.election()::isLeading)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - closedAt)).isLessThan(Duration.ofMillis(SESSION_MS));
        assertThat(epoch(b)).isGreaterThan(first);
        assertThat(events).containsSubsequence("1001 elected " + first, "1001 deposed " + first);
    }

    @Test
    void anExpiredSessionDeposesTheLeaderAtOnceAndFencesItsWrites() throws Exception {
        Candidate a = candidate(1001);
        assertThat(ZkTestServer.await(WAIT, a.election()::isLeading)).isTrue();
        LeaderFence old = a.election().fence().orElseThrow();
        Candidate b = candidate(1002);

        KillSession.kill(a.client().getZookeeperClient().getZooKeeper());

        assertThat(ZkTestServer.await(
                        Duration.ofMillis(1500), () -> !a.election().isLeading()))
                .isTrue();
        assertThat(ZkTestServer.await(
                        WAIT, () -> b.election().isLeading() || a.election().isLeading()))
                .isTrue();
        Candidate next = b.election().isLeading() ? b : a;
        assertThat(epoch(next)).isGreaterThan(old.epoch());
        TableState table = TableState.created(TableInfo.available(1, "t", 1, 3, 0));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> a.store().write(old, StoreBatch.createTable(table)))
                .isInstanceOfSatisfying(
                        MetaStoreException.class, e -> assertThat(e.fenced()).isTrue());
        assertThat(events).contains("1001 deposed " + old.epoch());
    }

    @Test
    void aPausedLeaderStopsActingWhenItsLeaseRunsOut() throws Exception {
        Candidate a = candidate(1001);
        assertThat(ZkTestServer.await(WAIT, a.election()::isLeading)).isTrue();
        long epoch = epoch(a);

        a.election().pause();

        assertThat(ZkTestServer.await(
                        Duration.ofMillis(SESSION_MS), () -> !a.election().isLeading()))
                .isTrue();
        a.election().resume();
        assertThat(ZkTestServer.await(WAIT, a.election()::isLeading)).isTrue();
        assertThat(epoch(a)).isEqualTo(epoch);
    }

    @Test
    void theLeaseIsShorterThanTheSession() {
        LeadershipLease lease = LeadershipLease.forSessionTimeout(10_000);
        assertThat(lease.leaseMs()).isEqualTo(5_000);
        assertThat(lease.isValid(0)).isFalse();
        lease.renew(0);
        assertThat(lease.isValid(4_999_000_000L)).isTrue();
        assertThat(lease.isValid(5_000_000_000L)).isFalse();
        lease.renew(-1_000_000_000L);
        assertThat(lease.isValid(4_999_000_000L)).isTrue();
        lease.invalidate();
        assertThat(lease.isValid(1)).isFalse();
    }
}
