package io.enif.test.minicluster;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4's acceptance scenario ({@link ReplicaFailoverScenario}) with the mini-cluster's timers (beacon 1 s, lease
 * 5 s, grace 6 s): 3 meta servers, 3 replica servers, 8 partitions × 3 under a steady writer; kill, failover, no lost
 * write, restart by cache or log learning.
 */
@Timeout(150)
class ReplicaFailoverTest {

    @TempDir
    Path dir;

    @Test
    void killingAReplicaServerLosesNoAcknowledgedWriteAndItsRestartLearnsWithoutACopy() throws Exception {
        try (MiniCluster cluster =
                MiniCluster.builder(dir).metaServers(3).replicaServers(3).start()) {
            ReplicaFailoverScenario.run(cluster, "acc", Duration.ofSeconds(45));
        }
    }
}
