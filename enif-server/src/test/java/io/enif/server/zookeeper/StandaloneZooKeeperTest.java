package io.enif.server.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The standalone ZooKeeper of {@code enif zookeeper}, in this JVM on port 0. */
@Timeout(60)
class StandaloneZooKeeperTest {
    private static final Duration PROBE = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    @Test
    void answersRuokAndKeepsDataAcrossRestarts() throws Exception {
        try (StandaloneZooKeeper zk = StandaloneZooKeeper.start(dir, "127.0.0.1", 0, 500, false)) {
            assertThat(zk.port()).isPositive();
            assertThat(zk.connectString()).isEqualTo("127.0.0.1:" + zk.port());
            assertThat(FourLetterWord.ask("127.0.0.1", zk.port(), "ruok", PROBE))
                    .isEqualTo("imok");
            assertThat(FourLetterWord.ask("127.0.0.1", zk.port(), "srvr", PROBE))
                    .contains("Mode: standalone");
            write(zk.connectString(), "/pegasus", "kept");
        }
        assertThat(Files.isDirectory(dir.resolve("data").resolve("version-2"))).isTrue();
        try (StandaloneZooKeeper again = StandaloneZooKeeper.start(dir, "127.0.0.1", 0, 500, false)) {
            assertThat(read(again.connectString(), "/pegasus")).isEqualTo("kept");
        }
        try (var files = Files.list(dir)) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("zookeeper.configuration")))
                    .as("one generated config file, not one per start")
                    .hasSize(1);
        }
    }

    @Test
    void closedServerNoLongerAnswers() throws Exception {
        int port;
        try (StandaloneZooKeeper zk = StandaloneZooKeeper.start(dir, "127.0.0.1", 0, 500, false)) {
            port = zk.port();
            assertThat(FourLetterWord.isOk("127.0.0.1", port, PROBE)).isTrue();
        }
        assertThat(FourLetterWord.isOk("127.0.0.1", port, PROBE)).isFalse();
    }

    @Test
    void refusesBadArguments() {
        assertThatThrownBy(() -> StandaloneZooKeeper.start(dir, "127.0.0.1", 70_000, 500, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StandaloneZooKeeper.start(dir, "127.0.0.1", 0, 0, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAPortInUse() throws Exception {
        try (StandaloneZooKeeper zk = StandaloneZooKeeper.start(dir.resolve("a"), "127.0.0.1", 0, 500, false)) {
            assertThatThrownBy(() -> StandaloneZooKeeper.start(dir.resolve("b"), "127.0.0.1", zk.port(), 500, false))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("ZooKeeper did not start");
            assertThat(FourLetterWord.isOk("127.0.0.1", zk.port(), PROBE)).isTrue();
        }
    }

    private static void write(String connect, String path, String value) throws Exception {
        try (CuratorFramework client = client(connect)) {
            client.create().forPath(path, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String read(String connect, String path) throws Exception {
        try (CuratorFramework client = client(connect)) {
            return new String(client.getData().forPath(path), StandardCharsets.UTF_8);
        }
    }

    private static CuratorFramework client(String connect) throws InterruptedException {
        CuratorFramework client = CuratorFrameworkFactory.newClient(connect, 5_000, 5_000, new RetryOneTime(100));
        client.start();
        assertThat(client.blockUntilConnected(10, java.util.concurrent.TimeUnit.SECONDS))
                .isTrue();
        return client;
    }
}
