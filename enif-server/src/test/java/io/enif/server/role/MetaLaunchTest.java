package io.enif.server.role;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.config.Config;
import io.enif.server.onebox.OneboxHealth;
import io.enif.server.zookeeper.StandaloneZooKeeper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code enif meta -c <ini>}'s code path (load, resolve the address, start) against the standalone ZooKeeper, all on
 * port 0: the meta server leads, creates the bootstrap table and answers query_cfg over its RPC port.
 */
@Timeout(60)
class MetaLaunchTest {
    @TempDir
    Path dir;

    @Test
    void metaServerFromAnIniAnswersQueryConfig() throws Exception {
        try (StandaloneZooKeeper zk = StandaloneZooKeeper.start(dir.resolve("zk"), "127.0.0.1", 0, 500, false)) {
            Path ini = dir.resolve("meta.ini");
            Files.writeString(ini, """
                    [apps.meta]
                    ports = 0
                    [network]
                    primary_interface = 127.0.0.1
                    [zookeeper]
                    hosts_list = %{zk}
                    timeout_ms = 6000
                    [meta_server]
                    cluster_root = /pegasus/launch-test
                    [meta_server.apps.temp]
                    partition_count = 4
                    max_replica_count = 3
                    """);
            Config config = ServerLauncher.loadConfig(ini, Map.of("zk", zk.connectString()), List.of());
            assertThat(ServerAddress.of(config, new MetaRole())).isEqualTo(new ServerAddress("127.0.0.1", 0));
            try (RunningServer meta = ServerLauncher.launch(new MetaRole(), config);
                    OneboxHealth health = new OneboxHealth(List.of(meta.address()), Duration.ofSeconds(2))) {
                assertThat(meta.address().host()).isEqualTo("127.0.0.1");
                assertThat(meta.address().port()).isPositive();
                OneboxHealth.Status status = awaitTable(health);
                assertThat(status.leader()).contains(meta.address());
                assertThat(status.partitions()).isEqualTo(4);
                assertThat(status.healthyPartitions())
                        .as("no replica server runs")
                        .isZero();
                assertThat(meta.fatal()).isNotDone();
            }
        }
    }

    private static OneboxHealth.Status awaitTable(OneboxHealth health) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        OneboxHealth.Status status = health.probe("temp");
        while (!status.metasReady() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            status = health.probe("temp");
        }
        assertThat(status.metasReady()).as(status.describe("temp", false)).isTrue();
        return status;
    }

    @Test
    void addressDefaultsToTheRolePort() throws Exception {
        Path ini = dir.resolve("empty.ini");
        Files.writeString(ini, "[network]\nprimary_interface = 10.1.2.3\n");
        Config config = ServerLauncher.loadConfig(ini, Map.of(), List.of());
        assertThat(ServerAddress.of(config, new MetaRole())).isEqualTo(new ServerAddress("10.1.2.3", 34601));
        Config overridden = ServerLauncher.loadConfig(ini, Map.of(), List.of("apps.meta.ports=34605"));
        assertThat(ServerAddress.of(overridden, new MetaRole()).port()).isEqualTo(34605);
    }
}
