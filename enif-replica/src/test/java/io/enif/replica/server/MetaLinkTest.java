package io.enif.replica.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.replica.partition.PartitionRunner;
import io.enif.replica.testing.Await;
import io.enif.replica.testing.FakeMetaServer;
import io.enif.replica.testing.MiniReplicaCluster;
import io.enif.replication.PartitionConfiguration;
import io.enif.replication.PartitionStatus;
import io.enif.rpc.RpcException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The replica servers' link to the meta server: the lease, and finding the leader among the meta servers. */
@Timeout(120)
class MetaLinkTest {
    private static final Gpid GPID = new Gpid(1, 0);

    @TempDir
    Path tmp;

    private static String putError(MiniReplicaCluster cluster, HostPort to) {
        try {
            cluster.put(to, GPID, "k", "v".getBytes(StandardCharsets.UTF_8));
            return "ERR_OK";
        } catch (ExecutionException e) {
            return e.getCause() instanceof RpcException rpc
                    ? rpc.errorName()
                    : e.getCause().toString();
        } catch (Exception e) {
            return e.toString();
        }
    }

    @Test
    void withoutALeaseNoReplicaServesAndWithItBackTheGroupResumes() throws Exception {
        // the meta server's grace (8 s) is well above the replicas' lease (1.5 s): it does not declare them dead
        try (MiniReplicaCluster cluster = MiniReplicaCluster.start(tmp, 3, new FakeMetaServer(1, 1, 3, 8000), c -> c)) {
            PartitionConfiguration pc = cluster.awaitGroup(GPID, 2);
            PartitionRunner primary = cluster.runner(cluster.indexOf(pc.primary()), GPID);
            assertThat(putError(cluster, pc.primary())).isEqualTo("ERR_OK");
            // Every server must hold a lease before the meta server goes silent: a server whose acks came too late
            // (a loaded machine) never had one, so it has nothing to lose and its replicas' status says nothing.
            Await.until("every replica server holds a lease", () -> {
                for (int i = 0; i < 3; i++) {
                    if (cluster.server(i).metaLink().leaseUntilMs() == Long.MIN_VALUE) {
                        return false;
                    }
                }
                return true;
            });

            cluster.meta().pauseBeacons(true);
            Await.until("every replica inactive", () -> {
                for (int i = 0; i < 3; i++) {
                    if (cluster.runner(i, GPID).snapshot().status() != PartitionStatus.INACTIVE) {
                        return false;
                    }
                }
                return true;
            });
            assertThat(primary.canServeReads()).isFalse();
            assertThat(putError(cluster, pc.primary())).isEqualTo("ERR_INVALID_STATE");
            assertThat(readError(cluster, pc.primary())).isEqualTo("ERR_INVALID_STATE");

            cluster.meta().pauseBeacons(false);
            Await.until("the primary serves again", Duration.ofSeconds(30), primary::canServeReads);
            assertThat(putError(cluster, cluster.meta().config(GPID).primary())).isEqualTo("ERR_OK");
            assertThat(cluster.meta().config(GPID).ballot()).isGreaterThan(pc.ballot());
        }
    }

    private static String readError(MiniReplicaCluster cluster, HostPort to) {
        try {
            cluster.get(to, GPID, "k");
            return "ERR_OK";
        } catch (ExecutionException e) {
            return e.getCause() instanceof RpcException rpc
                    ? rpc.errorName()
                    : e.getCause().toString();
        } catch (Exception e) {
            return e.toString();
        }
    }

    @Test
    void aStandbyMetaServerSendsTheReplicaServersToTheLeader() throws Exception {
        FakeMetaServer leader = new FakeMetaServer(1, 1, 3, 2000);
        try (FakeMetaServer standby = new FakeMetaServer(1, 1, 3, 2000).start()) {
            try (MiniReplicaCluster cluster = MiniReplicaCluster.start(tmp, 3, leader, c -> c)) {
                // the cluster is up; now make a fourth server that knows the standby first
                standby.standbyOf(leader.address());
                ReplicaServer extra = new ReplicaServer(
                                ReplicaServerConfig.defaults(
                                                "127.0.0.1",
                                                0,
                                                List.of(standby.address(), leader.address()),
                                                List.of(new DataDir("x", tmp.resolve("extra"))))
                                        .withTimers(new ReplicaServerConfig.FdConfig(200, 100, 1500, false), 1000),
                                io.enif.replica.testing.FakePrivateLog::open)
                        .start();
                try {
                    Await.until("the extra server found the leader", () -> leader.isAlive(extra.address()));
                    assertThat(extra.metaLink().leader()).isEqualTo(leader.address());
                    Await.until(
                            "the extra server holds a lease",
                            () -> extra.metaLink().leaseUntilMs() > 0);
                    assertThat(cluster.awaitGroup(GPID, 2).primary()).isNotNull();
                } finally {
                    extra.close();
                }
            }
        }
    }
}
