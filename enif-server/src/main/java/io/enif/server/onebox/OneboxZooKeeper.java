package io.enif.server.onebox;

import io.enif.common.HostPort;
import io.enif.server.zookeeper.FourLetterWord;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Starts the onebox's ZooKeeper in its own process ({@code enif zookeeper}, DESIGN §10), or finds it running; waits
 * until it answers {@code ruok} as Pegasus's {@code start_zk.sh} does.
 */
final class OneboxZooKeeper {
    /** The ZooKeeper process's heap. */
    static final String HEAP = "128m";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

    private OneboxZooKeeper() {}

    /** Makes sure the onebox ZooKeeper runs and answers; returns false (having said why on {@code err}) if not. */
    static boolean ensureRunning(OneboxLayout layout, PrintWriter out, PrintWriter err) throws IOException {
        OneboxInstance instance = layout.zookeeperInstance();
        HostPort address = layout.zookeeper();
        Optional<ProcessHandle> running = OneboxProcesses.running(instance);
        if (running.isPresent()) {
            if (FourLetterWord.isOk(address.host(), address.port(), PROBE_TIMEOUT)) {
                out.println("Zookeeper is running at port " + address.port());
                return true;
            }
            err.println("ERROR: the onebox ZooKeeper (pid " + running.get().pid() + ") does not answer on port "
                    + address.port() + "; was it started with another --base-port? `enif onebox clear` starts afresh");
            return false;
        }
        if (Ports.inUse(address)) {
            err.println("ERROR: port " + address.port() + " is in use by another process, so the onebox ZooKeeper"
                    + " cannot start there; stop that process or use --base-port");
            return false;
        }
        JavaCommand command = JavaCommand.enif(
                instance.dir(),
                HEAP,
                List.of(
                        "zookeeper",
                        "--data-dir",
                        instance.dir().toString(),
                        "--host",
                        address.host(),
                        "--port",
                        Integer.toString(address.port())));
        ProcessHandle process = OneboxProcesses.start(instance, command, address.toString());
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                break;
            }
            if (FourLetterWord.isOk(address.host(), address.port(), PROBE_TIMEOUT)) {
                out.println("Zookeeper started at port " + address.port());
                return true;
            }
            Pause.between(Duration.ofMillis(200));
        }
        err.println("ERROR: unable to setup onebox because zookeeper can not be started (see " + instance.resultFile()
                + ")");
        OneboxProcesses.stop(instance, Duration.ofSeconds(5));
        return false;
    }
}
