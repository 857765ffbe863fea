package io.enif.test.minicluster;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4's acceptance scenario ({@link ReplicaFailoverScenario}) with the shipped timers (DESIGN §10: beacon 3 s,
 * check 2 s, lease 20 s, grace 22 s, ZooKeeper session 10 s, cure every 10 s, group check 100 s) and the onebox's
 * freeze threshold. Takes over a minute, so it runs only on request: {@code mvn test -pl enif-test
 * -Denif.measure.failover=true -Dtest=ReplicaFailoverTimingTest}; the measured gap is logged.
 */
@Timeout(300)
@EnabledIfSystemProperty(named = "enif.measure.failover", matches = "true")
class ReplicaFailoverTimingTest {

    @TempDir
    Path dir;

    @Test
    void failoverWithShippedTimers() throws Exception {
        try (MiniCluster cluster = MiniCluster.builder(dir)
                .metaServers(3)
                .replicaServers(3)
                .override("replication.fd_beacon_interval_seconds=3")
                .override("replication.fd_check_interval_seconds=2")
                .override("replication.fd_lease_seconds=20")
                .override("replication.fd_grace_seconds=22")
                .override("replication.lb_interval_ms=10000")
                .override("replication.config_sync_interval_ms=30000")
                .override("replication.group_check_interval_ms=100000")
                .override("zookeeper.timeout_ms=10000")
                .start()) {
            ReplicaFailoverScenario.run(cluster, "acc", Duration.ofSeconds(60));
        }
    }
}
