package io.enif.server.onebox;

import io.enif.common.HostPort;
import io.enif.server.role.ServerRole;
import io.enif.server.role.ServerRoles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The onebox subcommands other than {@code start}: {@code stop} (servers only, ZooKeeper keeps running), {@code list},
 * {@code clear} (everything, ZooKeeper's data included), and {@code start-instance}, {@code stop-instance}, {@code
 * restart-instance} acting on one process through its existing directory. Each returns the exit status and prints with
 * the words of Pegasus's {@code run.sh}.
 */
public final class OneboxControl {
    /** How long a process has to exit after SIGTERM before it is killed. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private final ServerRoles roles;
    private final Path root;
    private final PrintWriter out;
    private final PrintWriter err;

    /** The onebox in directory {@code root}. */
    public OneboxControl(ServerRoles roles, Path root, PrintWriter out, PrintWriter err) {
        this.roles = Objects.requireNonNull(roles, "roles");
        this.root = root.toAbsolutePath().normalize();
        this.out = out;
        this.err = err;
    }

    /** Stops every meta and replica server; ZooKeeper and all data stay, so {@code start} resumes the cluster. */
    public int stop() throws IOException {
        List<OneboxInstance> servers = new ArrayList<>();
        for (OneboxInstance instance : OneboxProcesses.instances(root)) {
            if (!instance.role().equals(OneboxLayout.ZOOKEEPER)) {
                servers.add(instance);
            }
        }
        List<OneboxInstance> stopped = stopAll(servers);
        if (stopped.isEmpty()) {
            out.println("INFO: no onebox server is running");
        }
        return 0;
    }

    /** Lists the running onebox processes. */
    public int list() throws IOException {
        int metas = 0;
        int replicas = 0;
        boolean zookeeper = false;
        for (OneboxInstance instance : OneboxProcesses.instances(root)) {
            Optional<ProcessHandle> process = OneboxProcesses.running(instance);
            if (process.isEmpty()) {
                continue;
            }
            out.printf(
                    "%-12s pid %-8d %-21s %s%n",
                    instance.label(),
                    process.get().pid(),
                    OneboxProcesses.address(instance).orElse("-"),
                    instance.dir());
            switch (instance.role()) {
                case OneboxLayout.ZOOKEEPER -> zookeeper = true;
                case ServerRoles.META -> metas++;
                case ServerRoles.REPLICA -> replicas++;
                default -> {}
            }
        }
        out.println(metas + " meta server(s), " + replicas + " replica server(s) running; ZooKeeper "
                + (zookeeper ? "running" : "not running"));
        if (roles.find(ServerRoles.REPLICA).isEmpty()) {
            out.println("NOTE: " + Onebox.NO_REPLICA_ROLE);
        }
        return 0;
    }

    /** Stops everything and deletes the onebox's directories: every byte of the onebox's data is lost. */
    public int clear() throws IOException {
        List<OneboxInstance> all = OneboxProcesses.instances(root);
        List<OneboxInstance> servers = new ArrayList<>();
        Optional<OneboxInstance> zookeeper = Optional.empty();
        for (OneboxInstance instance : all) {
            if (instance.role().equals(OneboxLayout.ZOOKEEPER)) {
                zookeeper = Optional.of(instance);
            } else {
                servers.add(instance);
            }
        }
        stopAll(servers);
        if (zookeeper.isPresent()) {
            OneboxProcesses.stop(zookeeper.get(), STOP_GRACE);
            deleteRecursively(zookeeper.get().dir());
            out.println("Clearing zookeeper ... CLEARED");
        }
        for (OneboxInstance instance : servers) {
            deleteRecursively(instance.dir());
        }
        if (Files.isDirectory(root)) {
            try (DirectoryStream<Path> left = Files.newDirectoryStream(root)) {
                if (left.iterator().hasNext()) {
                    out.println("INFO: " + root + " still holds files that are not the onebox's; left in place");
                    return 0;
                }
            }
            Files.delete(root);
        }
        out.println("Clearing onebox ... CLEARED");
        return 0;
    }

    /** Starts instance {@code index} of {@code roleName} from its directory. */
    public int startInstance(String roleName, int index) throws IOException {
        Optional<ServerRole> role = role(roleName);
        Optional<OneboxInstance> instance = role.isEmpty() ? Optional.empty() : existing(roleName, index);
        if (instance.isEmpty()) {
            return 1;
        }
        if (OneboxProcesses.running(instance.get()).isPresent()) {
            out.println("INFO: " + instance.get().label() + " already running");
            return 1;
        }
        Optional<String> address = OneboxProcesses.address(instance.get());
        if (address.isEmpty()) {
            err.println("ERROR: " + instance.get().addressFile() + " is missing; run `enif onebox start` again");
            return 1;
        }
        return spawn(role.get(), instance.get(), HostPort.parse(address.get()), out, err) ? 0 : 1;
    }

    /** Stops instance {@code index} of {@code roleName}. */
    public int stopInstance(String roleName, int index) {
        Optional<OneboxInstance> instance = existing(roleName, index);
        if (instance.isEmpty()) {
            return 1;
        }
        if (!OneboxProcesses.stop(instance.get(), STOP_GRACE)) {
            out.println("INFO: " + instance.get().label() + " is not running");
            return 1;
        }
        out.println("INFO: " + instance.get().label() + " stopped");
        return 0;
    }

    /** Stops (if running) and starts instance {@code index} of {@code roleName}, pausing {@code pause} between. */
    public int restartInstance(String roleName, int index, Duration pause) throws IOException {
        if (role(roleName).isEmpty() || existing(roleName, index).isEmpty()) {
            return 1;
        }
        stopInstance(roleName, index);
        out.println("sleep " + pause.toSeconds());
        Pause.between(pause);
        return startInstance(roleName, index);
    }

    /** Starts the server of {@code instance} from its config file; prints what it did. */
    static boolean spawn(ServerRole role, OneboxInstance instance, HostPort address, PrintWriter out, PrintWriter err)
            throws IOException {
        if (Ports.inUse(address)) {
            err.println("ERROR: port " + address.port() + " of " + instance.label() + " is in use by another process");
            return false;
        }
        JavaCommand command = JavaCommand.enif(
                instance.dir(),
                role.oneboxHeap(),
                List.of(role.name(), "-c", instance.configFile().toString()));
        ProcessHandle process = OneboxProcesses.start(instance, command, address.toString());
        out.println("INFO: " + instance.label() + " started on " + address + " (pid " + process.pid() + ", output in "
                + instance.resultFile() + ")");
        return true;
    }

    /** SIGTERM to all first (so they stop together), then waits for each. */
    private List<OneboxInstance> stopAll(List<OneboxInstance> instances) {
        List<OneboxInstance> stopped = new ArrayList<>();
        List<ProcessHandle> handles = new ArrayList<>();
        for (OneboxInstance instance : instances) {
            Optional<ProcessHandle> process = OneboxProcesses.running(instance);
            if (process.isPresent()) {
                process.get().destroy();
                stopped.add(instance);
                handles.add(process.get());
            }
        }
        for (int i = 0; i < stopped.size(); i++) {
            ProcessHandle handle = handles.get(i);
            if (!OneboxProcesses.awaitExit(handle, STOP_GRACE)) {
                handle.destroyForcibly();
                OneboxProcesses.awaitExit(handle, Duration.ofSeconds(10));
            }
            OneboxProcesses.stop(stopped.get(i), Duration.ZERO); // forgets the pid file
            out.println("INFO: " + stopped.get(i).label() + " stopped");
        }
        return stopped;
    }

    private Optional<ServerRole> role(String roleName) {
        Optional<ServerRole> role = roles.find(roleName);
        if (role.isEmpty()) {
            err.println("ERROR: "
                    + (roleName.equals(ServerRoles.REPLICA) ? Onebox.NO_REPLICA_ROLE : "no server role " + roleName));
        }
        return role;
    }

    private Optional<OneboxInstance> existing(String roleName, int index) {
        OneboxInstance instance = OneboxLayout.of(root).instance(roleName, index);
        if (!Files.isRegularFile(instance.configFile())) {
            err.println("ERROR: invalid " + roleName + "_id " + index + " (no " + instance.configFile()
                    + "; `enif onebox start` creates it)");
            return Optional.empty();
        }
        return Optional.of(instance);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
