package io.enif.server.onebox;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts, finds and stops the onebox's processes. A process is known by the pid file in its directory, and it counts
 * as running only while that pid is alive and its command line carries the directory's marker ({@link
 * JavaCommand#marker}), so a reused pid is not mistaken for it. Processes outlive the {@code enif} command that started them.
 */
public final class OneboxProcesses {
    private static final Pattern SERVER_DIR = Pattern.compile("([a-z]+)(\\d+)");
    private static final File DEV_NULL = new File("/dev/null");

    private OneboxProcesses() {}

    /**
     * Starts {@code command} in the instance's directory, appending its output to {@code result}, and records its pid
     * and the address it will serve.
     *
     * @return the new process
     */
    public static ProcessHandle start(OneboxInstance instance, JavaCommand command, String address) throws IOException {
        Files.createDirectories(instance.dir());
        Files.writeString(
                instance.resultFile(),
                "=== " + Instant.now() + " starting " + instance.label() + ": " + String.join(" ", command.argv())
                        + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(command.argv())
                .directory(instance.dir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(instance.resultFile().toFile()));
        builder.environment().putAll(command.environment());
        if (DEV_NULL.exists()) {
            builder.redirectInput(Redirect.from(DEV_NULL));
        }
        Process process = builder.start();
        Files.writeString(instance.pidFile(), process.pid() + "\n", StandardCharsets.UTF_8);
        Files.writeString(instance.addressFile(), address + "\n", StandardCharsets.UTF_8);
        return process.toHandle();
    }

    /** The instance's process, if it runs. */
    public static Optional<ProcessHandle> running(OneboxInstance instance) {
        Optional<Long> pid = readPid(instance);
        if (pid.isEmpty()) {
            return Optional.empty();
        }
        String marker = JavaCommand.marker(instance.dir());
        return ProcessHandle.of(pid.get())
                .filter(ProcessHandle::isAlive)
                .filter(h -> h.info().commandLine().map(c -> c.contains(marker)).orElse(true));
    }

    /** The {@code host:port} the instance serves, as recorded when it was started. */
    public static Optional<String> address(OneboxInstance instance) {
        try {
            return Optional.of(Files.readString(instance.addressFile(), StandardCharsets.UTF_8)
                            .strip())
                    .filter(s -> !s.isEmpty());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Stops the instance's process: SIGTERM, then SIGKILL if it has not exited within {@code grace}.
     *
     * @return whether it was running
     */
    public static boolean stop(OneboxInstance instance, Duration grace) {
        Optional<ProcessHandle> process = running(instance);
        if (process.isEmpty()) {
            deletePid(instance);
            return false;
        }
        ProcessHandle handle = process.get();
        handle.destroy();
        if (!awaitExit(handle, grace)) {
            handle.destroyForcibly();
            awaitExit(handle, Duration.ofSeconds(10));
        }
        deletePid(instance);
        return true;
    }

    /** Waits up to {@code timeout} for {@code handle} to exit; returns whether it did. */
    public static boolean awaitExit(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !handle.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        } catch (ExecutionException e) {
            return !handle.isAlive();
        }
    }

    /**
     * Every instance directory under {@code root}: ZooKeeper first, then {@code <role><n>} directories by role name
     * and index.
     */
    public static List<OneboxInstance> instances(Path root) throws IOException {
        List<OneboxInstance> found = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return found;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path dir : dirs) {
                String name = dir.getFileName().toString();
                Matcher m = SERVER_DIR.matcher(name);
                if (name.equals(OneboxLayout.ZOOKEEPER)) {
                    found.add(new OneboxInstance(OneboxLayout.ZOOKEEPER, 0, dir));
                } else if (m.matches() && m.group(2).length() <= 2 && Integer.parseInt(m.group(2)) > 0) {
                    found.add(new OneboxInstance(m.group(1), Integer.parseInt(m.group(2)), dir));
                }
            }
        }
        found.sort(Comparator.comparing((OneboxInstance i) -> !i.role().equals(OneboxLayout.ZOOKEEPER))
                .thenComparing(OneboxInstance::role)
                .thenComparingInt(OneboxInstance::index));
        return found;
    }

    private static Optional<Long> readPid(OneboxInstance instance) {
        try {
            return Optional.of(Long.parseLong(
                    Files.readString(instance.pidFile(), StandardCharsets.UTF_8).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void deletePid(OneboxInstance instance) {
        try {
            Files.deleteIfExists(instance.pidFile());
        } catch (IOException e) {
            // a stale pid file is harmless: running() checks the process
        }
    }
}
