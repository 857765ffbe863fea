package io.enif.test.chaos;

import java.io.IOException;
import java.util.Optional;

/**
 * How the chaos run acts on the cluster's server processes. The launcher implements it for the onebox (pid files,
 * signals, {@code start-instance}); tests use a fake. Every method acts on one process and returns when the signal is
 * sent (or, for {@link #stop}, when the process has exited).
 */
public interface ProcessControl {
    /** How many instances of {@code role} the cluster has (numbered from 1). */
    int count(ChaosTarget.Role role);

    /** The {@code host:port} the target serves, when known. */
    Optional<String> address(ChaosTarget target);

    /** Whether the target's process is alive (a paused process is alive). */
    boolean running(ChaosTarget target);

    /** SIGKILL. */
    void kill(ChaosTarget target) throws IOException;

    /** SIGSTOP. */
    void pause(ChaosTarget target) throws IOException;

    /** SIGCONT; harmless on a process that is not stopped. */
    void resume(ChaosTarget target) throws IOException;

    /** SIGTERM, then waits for the process to exit. */
    void stop(ChaosTarget target) throws IOException;

    /** Starts the server again from its existing directory and config. */
    void start(ChaosTarget target) throws IOException;
}
