package io.enif.replica.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.replica.partition.PartitionRunner;
import io.enif.replica.testing.Await;
import io.enif.replica.testing.MiniReplicaCluster;
import io.enif.replication.PartitionConfiguration;
import io.enif.replication.learn.LearnType;
import io.enif.storage.StoreOptions;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Learning beyond the primary's cache (spec §6.9): a secondary that missed more decrees than the prepare list holds
 * comes back through the private log ({@code LT_LOG}) when the log still covers them, or through a copied checkpoint
 * ({@code LT_APP}) when checkpoints let the log go; the files travel over {@code RPC_NFS_COPY}.
 */
@Timeout(120)
class ReplicaLearningTest {
    private static final Gpid GPID = new Gpid(1, 0);

    @TempDir
    Path tmp;

    /** Kills a secondary, writes more than the prepare list holds, restarts it; returns its runner once back. */
    private PartitionRunner missAndComeBack(MiniReplicaCluster cluster, boolean checkpoints) throws Exception {
        PartitionConfiguration pc = cluster.awaitGroup(GPID, 2);
        for (int i = 0; i < 5; i++) {
            assertThat(cluster.put(GPID, "early" + i, "e" + i).getError()).isZero();
        }
        int victim = cluster.indexOf(pc.secondaries().get(0));
        HostPort victimAddress = cluster.address(victim);
        Await.until("the victim has the early writes", () -> "e4".equals(cluster.stored(victim, GPID, "early4")));
        cluster.kill(victim);
        for (int i = 0; i < 150; i++) {
            assertThat(cluster.put(GPID, "late" + i, "l" + i).getError()).isZero();
        }
        if (checkpoints) {
            PartitionRunner primary = cluster.runner(cluster.indexOf(pc.primary()), GPID);
            Await.until(
                    "the primary's log no longer reaches back to the victim's decrees",
                    () -> primary.snapshot().firstLogDecree() > 100);
        }
        cluster.restart(victim);
        Await.until("the victim is a secondary again", Duration.ofSeconds(30), () -> {
            PartitionConfiguration now = cluster.meta().config(GPID);
            return now.isMember(victimAddress) && now.secondaries().size() == 2;
        });
        assertThat(cluster.put(GPID, "after", "a").getError()).isZero();
        Await.until("the victim has every write", () -> "a".equals(cluster.stored(victim, GPID, "after")));
        assertThat(cluster.stored(victim, GPID, "late0")).isEqualTo("l0");
        assertThat(cluster.stored(victim, GPID, "late149")).isEqualTo("l149");
        assertThat(cluster.stored(victim, GPID, "early0")).isEqualTo("e0");
        return cluster.runner(victim, GPID);
    }

    @Test
    void aSecondaryBehindTheCacheLearnsFromTheLog() throws Exception {
        try (MiniReplicaCluster cluster = MiniReplicaCluster.start(tmp, 3, 1, 1, 3, c -> c)) {
            PartitionRunner learner = missAndComeBack(cluster, false);
            assertThat(learner.learnCount(LearnType.LT_LOG)).isPositive();
            assertThat(learner.learnCount(LearnType.LT_APP)).isZero();
        }
    }

    @Test
    void aSecondaryBehindTheLogLearnsFromACheckpoint() throws Exception {
        // checkpoints every 200 ms flush the store, and the log is collected up to what was flushed
        try (MiniReplicaCluster cluster = MiniReplicaCluster.start(
                tmp,
                3,
                1,
                1,
                3,
                c -> c.withStorage(StoreOptions.builder().flushOnClose(false).build(), 200))) {
            PartitionRunner learner = missAndComeBack(cluster, true);
            assertThat(learner.learnCount(LearnType.LT_APP)).isPositive();
        }
    }
}
