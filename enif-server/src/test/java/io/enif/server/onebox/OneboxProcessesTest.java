package io.enif.server.onebox;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.server.role.MetaRole;
import io.enif.server.role.ServerRoles;
import io.enif.server.zookeeper.FourLetterWord;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real child processes started the way the onebox starts them ({@code enif zookeeper} on port 0, {@code enif version}):
 * pid files, output in {@code result}, found while running, stopped by SIGTERM, cleared. Every process is destroyed
 * after each test.
 */
@Timeout(90)
class OneboxProcessesTest {
    private static final Pattern STARTED = Pattern.compile("Zookeeper started at port (\\d+)");

    @TempDir
    Path root;

    @AfterEach
    void killLeftovers() throws Exception {
        for (OneboxInstance instance : OneboxProcesses.instances(root)) {
            OneboxProcesses.running(instance).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void shortLivedChildWritesItsResultAndIsNotRunningAfterwards() throws Exception {
        OneboxInstance instance = OneboxLayout.of(root).instance("tool", 1);
        ProcessHandle process = OneboxProcesses.start(
                instance, JavaCommand.enif(instance.dir(), "64m", List.of("version")), "127.0.0.1:1");
        assertThat(OneboxProcesses.awaitExit(process, Duration.ofSeconds(30))).isTrue();
        assertThat(Files.readString(instance.resultFile(), StandardCharsets.UTF_8))
                .contains("starting tool@1")
                .contains("-D" + JavaCommand.INSTANCE_PROPERTY + "=")
                .contains("Enif Server ");
        assertThat(Files.readString(instance.pidFile()).strip()).isEqualTo(Long.toString(process.pid()));
        assertThat(OneboxProcesses.address(instance)).contains("127.0.0.1:1");
        assertThat(OneboxProcesses.running(instance)).isEmpty();
        assertThat(OneboxProcesses.stop(instance, Duration.ofSeconds(1))).isFalse();
        assertThat(instance.pidFile()).doesNotExist();
    }

    @Test
    void zookeeperChildIsListedStoppedAndCleared() throws Exception {
        OneboxInstance zk = OneboxLayout.of(root).zookeeperInstance();
        JavaCommand command = JavaCommand.enif(
                zk.dir(), "128m", List.of("zookeeper", "-d", zk.dir().toString(), "--host", "127.0.0.1", "-p", "0"));
        assertThat(command.argv()).doesNotContain("-cp");
        assertThat(command.environment()).containsKey("CLASSPATH");
        ProcessHandle process = OneboxProcesses.start(zk, command, "127.0.0.1:0");
        int port = awaitPort(zk, process);
        assertThat(FourLetterWord.isOk("127.0.0.1", port, Duration.ofSeconds(2)))
                .isTrue();
        assertThat(OneboxProcesses.running(zk)).map(ProcessHandle::pid).contains(process.pid());
        Files.createDirectories(root.resolve("meta1"));
        Files.writeString(root.resolve("notes.txt"), "not the onebox's");
        assertThat(OneboxProcesses.instances(root))
                .extracting(OneboxInstance::label)
                .containsExactly("zookeeper", "meta@1");

        StringWriter out = new StringWriter();
        OneboxControl control = new OneboxControl(
                ServerRoles.of(new MetaRole()), root, new PrintWriter(out, true), new PrintWriter(out, true));
        assertThat(control.list()).isZero();
        assertThat(out.toString())
                .contains("zookeeper    pid " + process.pid())
                .contains("0 meta server(s), 0 replica server(s) running; ZooKeeper running");

        assertThat(control.stop()).isZero();
        assertThat(process.isAlive()).as("stop keeps ZooKeeper").isTrue();

        assertThat(control.clear()).isZero();
        assertThat(OneboxProcesses.awaitExit(process, Duration.ofSeconds(20))).isTrue();
        assertThat(out.toString()).contains("Clearing zookeeper ... CLEARED");
        assertThat(zk.dir()).doesNotExist();
        assertThat(root.resolve("meta1")).doesNotExist();
        assertThat(root.resolve("notes.txt"))
                .as("clear deletes only the onebox's directories")
                .exists();
    }

    @Test
    void stopSendsSigtermAndForgetsThePid() throws Exception {
        OneboxInstance zk = OneboxLayout.of(root).zookeeperInstance();
        ProcessHandle process = OneboxProcesses.start(
                zk,
                JavaCommand.enif(
                        zk.dir(), "128m", List.of("zookeeper", "-d", zk.dir().toString(), "-p", "0")),
                "127.0.0.1:0");
        awaitPort(zk, process);
        assertThat(OneboxProcesses.stop(zk, Duration.ofSeconds(20))).isTrue();
        assertThat(process.isAlive()).isFalse();
        assertThat(zk.pidFile()).doesNotExist();
        assertThat(OneboxProcesses.running(zk)).isEmpty();
    }

    @Test
    void aReusedPidOfAnotherProcessIsNotTheInstance() throws Exception {
        OneboxInstance instance = OneboxLayout.of(root).instance("meta", 1);
        Files.createDirectories(instance.dir());
        Files.writeString(instance.pidFile(), ProcessHandle.current().pid() + "\n");
        assertThat(OneboxProcesses.running(instance)).isEmpty();
    }

    /** Reads the bound port from the child's output, polling until it appears or the child dies. */
    private static int awaitPort(OneboxInstance instance, ProcessHandle process) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Integer> port = port(instance);
            if (port.isPresent()) {
                return port.get();
            }
            assertThat(process.isAlive())
                    .as(Files.readString(instance.resultFile(), StandardCharsets.UTF_8))
                    .isTrue();
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        throw new AssertionError("ZooKeeper did not start: " + Files.readString(instance.resultFile()));
    }

    private static Optional<Integer> port(OneboxInstance instance) throws Exception {
        Matcher m = STARTED.matcher(Files.readString(instance.resultFile(), StandardCharsets.UTF_8));
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }
}
