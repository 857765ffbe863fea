package io.enif.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.server.zookeeper.FourLetterWord;
import io.enif.server.zookeeper.StandaloneZooKeeper;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code enif zookeeper}'s flags reach the server: parsed by picocli, started in this JVM on port 0. */
@Timeout(60)
class ZooKeeperCommandTest {
    @TempDir
    Path dir;

    @Test
    void flagsChooseDirectoryHostAndPort() throws Exception {
        ZooKeeperCommand command = new ZooKeeperCommand();
        new CommandLine(command)
                .parseArgs("-d", dir.toString(), "--port", "0", "--host", "127.0.0.1", "--tick-ms", "300");
        try (StandaloneZooKeeper zk = command.startServer(false)) {
            assertThat(zk.dir()).isEqualTo(dir.toAbsolutePath());
            assertThat(FourLetterWord.isOk("127.0.0.1", zk.port(), Duration.ofSeconds(2)))
                    .isTrue();
            assertThat(FourLetterWord.ask("127.0.0.1", zk.port(), "srvr", Duration.ofSeconds(2)))
                    .contains("Zookeeper version");
        }
    }

    @Test
    void defaultsAreTheOneboxPortAndAllAddresses() {
        ZooKeeperCommand command = new ZooKeeperCommand();
        new CommandLine(command).parseArgs();
        assertThat(command.port).isEqualTo(22181);
        assertThat(command.host).isEqualTo("0.0.0.0");
        assertThat(command.dir).isEqualTo(Path.of("zookeeper"));
        assertThat(command.tickMs).isEqualTo(StandaloneZooKeeper.DEFAULT_TICK_MS);
    }
}
