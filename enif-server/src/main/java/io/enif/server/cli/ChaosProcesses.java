package io.enif.server.cli;

import io.enif.server.onebox.OneboxControl;
import io.enif.server.onebox.OneboxInstance;
import io.enif.server.onebox.OneboxProcesses;
import io.enif.server.role.ServerRoles;
import io.enif.test.chaos.ChaosTarget;
import io.enif.test.chaos.ProcessControl;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The chaos run's hold on the onebox's server processes: each is found by its pid file and marker ({@link
 * OneboxProcesses}), killed with SIGKILL, stopped cleanly and started again the way {@code enif onebox stop-instance}
 * and {@code start-instance} do it, and paused and resumed with the {@code kill} command (SIGSTOP, SIGCONT), which the
 * JDK cannot send. ZooKeeper is never touched.
 */
final class ChaosProcesses implements ProcessControl {
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    private final ServerRoles roles;
    private final Path root;

    ChaosProcesses(ServerRoles roles, Path root) {
        this.roles = roles;
        this.root = root.toAbsolutePath().normalize();
    }

    /** The onebox's instances of {@code role}, by index. */
    List<OneboxInstance> instances(ChaosTarget.Role role) {
        List<OneboxInstance> found = new ArrayList<>();
        try {
            for (OneboxInstance instance : OneboxProcesses.instances(root)) {
                if (instance.role().equals(role.oneboxName())) {
                    found.add(instance);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    @Override
    public int count(ChaosTarget.Role role) {
        return instances(role).size();
    }

    private OneboxInstance instance(ChaosTarget target) throws IOException {
        for (OneboxInstance instance : instances(target.role())) {
            if (instance.index() == target.index()) {
                return instance;
            }
        }
        throw new IOException("no onebox directory for " + target + " under " + root);
    }

    private ProcessHandle process(ChaosTarget target) throws IOException {
        Optional<ProcessHandle> process = OneboxProcesses.running(instance(target));
        if (process.isEmpty()) {
            throw new IOException(target + " is not running");
        }
        return process.get();
    }

    @Override
    public Optional<String> address(ChaosTarget target) {
        try {
            return OneboxProcesses.address(instance(target));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean running(ChaosTarget target) {
        try {
            return OneboxProcesses.running(instance(target)).isPresent();
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void kill(ChaosTarget target) throws IOException {
        ProcessHandle handle = process(target);
        handle.destroyForcibly();
        if (!OneboxProcesses.awaitExit(handle, KILL_WAIT)) {
            throw new IOException(target + " (pid " + handle.pid() + ") did not exit after SIGKILL");
        }
    }

    @Override
    public void pause(ChaosTarget target) throws IOException {
        signal("STOP", process(target));
    }

    @Override
    public void resume(ChaosTarget target) throws IOException {
        Optional<ProcessHandle> process = OneboxProcesses.running(instance(target));
        if (process.isPresent()) {
            signal("CONT", process.get());
        }
    }

    @Override
    public void stop(ChaosTarget target) throws IOException {
        StringWriter text = new StringWriter();
        OneboxControl control = control(text);
        if (control.stopInstance(target.role().oneboxName(), target.index()) != 0) {
            throw new IOException("stopping " + target + ": " + text.toString().strip());
        }
    }

    @Override
    public void start(ChaosTarget target) throws IOException {
        StringWriter text = new StringWriter();
        if (control(text).startInstance(target.role().oneboxName(), target.index()) != 0) {
            throw new IOException("starting " + target + ": " + text.toString().strip());
        }
    }

    private OneboxControl control(StringWriter text) {
        PrintWriter writer = new PrintWriter(text, true);
        return new OneboxControl(roles, root, writer, writer);
    }

    private static void signal(String signal, ProcessHandle handle) throws IOException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(handle.pid()))
                .redirectErrorStream(true)
                .start();
        try {
            if (!kill.waitFor(10, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
                throw new IOException("kill -" + signal + " " + handle.pid() + " did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending SIG" + signal, e);
        }
        if (kill.exitValue() != 0) {
            String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            throw new IOException("kill -" + signal + " " + handle.pid() + " failed: " + output.strip());
        }
    }
}
