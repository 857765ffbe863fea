package io.enif.replica.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.proto.rrdb.update_response;
import io.enif.replica.partition.PartitionRunner;
import io.enif.replica.testing.Await;
import io.enif.replica.testing.MiniReplicaCluster;
import io.enif.replication.ConfigType;
import io.enif.replication.PartitionConfiguration;
import io.enif.replication.PartitionStatus;
import io.enif.replication.learn.LearnType;
import io.enif.rpc.RpcException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three replica servers on loopback and a fake meta server that assigns one partition (primary + 2 secondaries):
 * writes over RPC commit on all three, reads return them, the RPC-level errors of spec/protocol.md §11 come back,
 * a killed secondary is downgraded through the meta server while writes go on, and the restarted node replays its
 * log and learns its way back into the group from the primary's cache.
 */
@Timeout(120)
class ReplicaClusterTest {
    private static final int APP_ID = 1;
    private static final Gpid GPID = new Gpid(APP_ID, 0);

    @TempDir
    Path tmp;

    private MiniReplicaCluster cluster;

    @BeforeEach
    void start() throws Exception {
        cluster = MiniReplicaCluster.start(tmp, 3, APP_ID, 1, 3, c -> c);
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @FunctionalInterface
    private interface Call {
        void run() throws Exception;
    }

    private static String rpcError(Call call) {
        try {
            call.run();
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
    void writesCommitOnEveryReplicaAndReadsReturnThem() throws Exception {
        PartitionConfiguration pc = cluster.awaitGroup(GPID, 2);
        for (int i = 0; i < 30; i++) {
            update_response r = cluster.put(GPID, "k" + i, "v" + i);
            assertThat(r.getError()).isZero();
            assertThat(r.getDecree()).isPositive();
            assertThat(r.getApp_id()).isEqualTo(APP_ID);
        }
        for (int i = 0; i < 30; i++) {
            byte[] value = cluster.get(pc.primary(), GPID, "k" + i).getValue().data();
            assertThat(new String(value, StandardCharsets.UTF_8)).isEqualTo("v" + i);
        }
        for (int s = 0; s < 3; s++) {
            int node = s;
            Await.until("replica " + s + " applied every write", () -> "v29".equals(cluster.stored(node, GPID, "k29")));
            assertThat(cluster.stored(node, GPID, "k0")).isEqualTo("v0");
        }
        for (HostPort secondary : pc.secondaries()) {
            PartitionRunner runner = cluster.runner(cluster.indexOf(secondary), GPID);
            assertThat(runner.snapshot().status()).isEqualTo(PartitionStatus.SECONDARY);
            assertThat(runner.learnCount(LearnType.LT_CACHE)).isPositive();
        }
    }

    @Test
    void rpcErrorsAreThoseTheClientExpects() throws Exception {
        PartitionConfiguration pc = cluster.awaitGroup(GPID, 2);
        HostPort primary = pc.primary();
        HostPort secondary = pc.secondaries().get(0);
        byte[] one = {1};
        assertThat(rpcError(() -> cluster.put(secondary, GPID, "k", one))).isEqualTo("ERR_INVALID_STATE");
        assertThat(rpcError(() -> cluster.get(secondary, GPID, "k"))).isEqualTo("ERR_INVALID_STATE");
        assertThat(rpcError(() -> cluster.put(primary, new Gpid(APP_ID, 7), "k", one)))
                .isEqualTo("ERR_OBJECT_NOT_FOUND");
        assertThat(rpcError(() -> cluster.get(primary, new Gpid(9, 0), "k"))).isEqualTo("ERR_OBJECT_NOT_FOUND");
        assertThat(rpcError(() -> cluster.put(primary, GPID, "big", new byte[70 << 10])))
                .isEqualTo("ERR_INVALID_DATA");
        assertThat(cluster.get(primary, GPID, "big").getError()).isEqualTo(1); // not found: nothing was written
        assertThat(rpcError(() -> cluster.put(primary, GPID, "k", one))).isEqualTo("ERR_OK");
    }

    @Test
    void aKilledSecondaryIsDowngradedAndComesBackByReplayAndLearning() throws Exception {
        PartitionConfiguration pc = cluster.awaitGroup(GPID, 2);
        for (int i = 0; i < 10; i++) {
            assertThat(cluster.put(GPID, "a" + i, "x" + i).getError()).isZero();
        }
        int victim = cluster.indexOf(pc.secondaries().get(0));
        HostPort victimAddress = cluster.address(victim);
        Await.until("the victim applied the writes", () -> "x9".equals(cluster.stored(victim, GPID, "a9")));
        long victimApplied = cluster.runner(victim, GPID).snapshot().lastAppliedDecree();

        cluster.kill(victim); // no flush: its store loses the memtable, its log keeps everything
        for (int i = 0; i < 10; i++) {
            // Two members are enough; while the primary downgrades the dead member it refuses writes for a moment.
            assertThat(cluster.put(GPID, "b" + i, "y" + i).getError()).isZero();
        }
        Await.until(
                "the meta server removed the victim",
                () -> !cluster.meta().config(GPID).isMember(victimAddress));
        assertThat(cluster.meta().history())
                .anyMatch(c -> c.type() == ConfigType.CT_DOWNGRADE_TO_INACTIVE
                        && c.node().equals(victimAddress));

        cluster.restart(victim);
        PartitionRunner replayed = cluster.runner(victim, GPID);
        assertThat(replayed).isNotNull();
        Await.until("the log replayed", () -> replayed.snapshot().lastAppliedDecree() >= victimApplied - 1);

        Await.until("the victim is a secondary again", Duration.ofSeconds(30), () -> {
            PartitionConfiguration now = cluster.meta().config(GPID);
            return now.isMember(victimAddress) && now.secondaries().size() == 2;
        });
        assertThat(replayed.learnCount(LearnType.LT_CACHE)).isPositive();
        assertThat(replayed.learnCount(LearnType.LT_APP)).isZero();
        for (int i = 10; i < 15; i++) {
            assertThat(cluster.put(GPID, "b" + i, "y" + i).getError()).isZero();
        }
        Await.until("the victim has the writes it missed", () -> "y14".equals(cluster.stored(victim, GPID, "b14")));
        assertThat(cluster.stored(victim, GPID, "b0")).isEqualTo("y0");
        assertThat(cluster.stored(victim, GPID, "a0")).isEqualTo("x0");
    }
}
