package io.enif.server.onebox;

import io.enif.common.HostPort;
import io.enif.common.config.ConfigLoader;
import io.enif.common.config.ConfigRegistry;
import io.enif.server.role.ServerRole;
import io.enif.server.role.ServerRoles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code enif onebox start}: a whole cluster on this machine as real processes ({@code spec/client-and-shell.md} §D,
 * DESIGN §10). ZooKeeper runs in its own process and is kept by {@code stop}; meta servers (and replica servers, once
 * the replica role exists) each run in {@code <root>/<role><n>/} with a generated {@code config.ini}, their output in
 * {@code result} and a {@code pid} file. The other subcommands are in {@link OneboxControl}.
 *
 * <p>Output uses the words of Pegasus's {@code run.sh} ({@code starting server}, {@code INFO: meta@1 started},
 * {@code Wait cluster to become healthy...}, {@code Cluster becomes healthy.}) so its docs read the same.
 */
public final class Onebox {
    /** What {@code enif onebox start} prints when the replica server is not wired into the launcher yet. */
    public static final String NO_REPLICA_ROLE =
            "the replica server is not wired into the launcher yet (no `enif replica` command)";

    private static final Duration POLL = Duration.ofSeconds(1);

    /**
     * The options of {@code enif onebox start}.
     *
     * @param metaCount meta servers (3)
     * @param replicaCount replica servers (3)
     * @param partitionCount partitions of the bootstrap table (8)
     * @param appName the bootstrap table ({@code temp})
     * @param waitHealthy whether to wait until the cluster is healthy
     * @param waitTimeout how long to wait at most
     * @param basePort the base port ({@link OneboxLayout#DEFAULT_BASE_PORT})
     * @param settings {@code section.key=value} overrides of every process's config
     */
    public record StartOptions(
            int metaCount,
            int replicaCount,
            int partitionCount,
            String appName,
            boolean waitHealthy,
            Duration waitTimeout,
            int basePort,
            List<String> settings) {
        public StartOptions {
            if (metaCount < 1 || metaCount > OneboxLayout.MAX_INSTANCES) {
                throw new IllegalArgumentException(
                        "meta count " + metaCount + " is not in 1.." + OneboxLayout.MAX_INSTANCES);
            }
            if (replicaCount < 0 || replicaCount > OneboxLayout.MAX_INSTANCES) {
                throw new IllegalArgumentException(
                        "replica count " + replicaCount + " is not in 0.." + OneboxLayout.MAX_INSTANCES);
            }
            if (partitionCount < 1) {
                throw new IllegalArgumentException("partition count " + partitionCount + " is not positive");
            }
            Objects.requireNonNull(appName, "appName");
            Objects.requireNonNull(waitTimeout, "waitTimeout");
            settings = List.copyOf(settings);
        }
    }

    /** One process to start. */
    private record Planned(ServerRole role, OneboxInstance instance, HostPort address) {}

    private final ServerRoles roles;
    private final Path root;
    private final PrintWriter out;
    private final PrintWriter err;

    /** A onebox in directory {@code root}, printing progress on {@code out} and errors on {@code err}. */
    public Onebox(ServerRoles roles, Path root, PrintWriter out, PrintWriter err) {
        this.roles = Objects.requireNonNull(roles, "roles");
        this.root = root.toAbsolutePath().normalize();
        this.out = out;
        this.err = err;
    }

    /**
     * Starts the onebox; returns the exit status.
     *
     * @throws IllegalArgumentException when the options give an impossible layout (ports out of range)
     * @throws io.enif.common.config.ConfigException when a {@code --set} makes a config unusable
     */
    public int start(StartOptions options) throws IOException {
        OneboxLayout layout = new OneboxLayout(root, OneboxLayout.LOOPBACK, options.basePort());
        ServerRole meta = roles.find(ServerRoles.META)
                .orElseThrow(() -> new IllegalStateException("the launcher has no meta role"));
        Optional<ServerRole> replica = roles.find(ServerRoles.REPLICA);
        List<String> busy = new ArrayList<>();
        for (OneboxInstance instance : OneboxProcesses.instances(root)) {
            if (!instance.role().equals(OneboxLayout.ZOOKEEPER)
                    && OneboxProcesses.running(instance).isPresent()) {
                busy.add(instance.label());
            }
        }
        if (!busy.isEmpty()) {
            err.println("ERROR: some onebox processes are running, start failed (" + String.join(", ", busy)
                    + "; run `enif onebox stop` first)");
            return 1;
        }
        int replicaCount = replica.isPresent() ? options.replicaCount() : 0;
        OneboxConfig.Spec spec = new OneboxConfig.Spec(
                layout.addresses(meta, options.metaCount()),
                replicaCount,
                options.appName(),
                options.partitionCount(),
                options.settings());
        List<Planned> plan = new ArrayList<>();
        for (int i = 1; i <= options.metaCount(); i++) {
            plan.add(new Planned(meta, layout.instance(meta.name(), i), layout.address(meta, i)));
        }
        for (int j = 1; j <= replicaCount; j++) {
            ServerRole role = replica.orElseThrow();
            plan.add(new Planned(role, layout.instance(role.name(), j), layout.address(role, j)));
        }
        List<String> texts = new ArrayList<>();
        for (Planned planned : plan) {
            String text = OneboxConfig.render(
                    layout, spec, planned.role(), planned.instance().index());
            check(planned.instance(), text);
            texts.add(text);
        }
        if (!OneboxZooKeeper.ensureRunning(layout, out, err)) {
            return 1;
        }
        out.println("starting server");
        List<OneboxInstance> started = new ArrayList<>();
        for (int k = 0; k < plan.size(); k++) {
            Planned planned = plan.get(k);
            Files.createDirectories(planned.instance().dir());
            Files.writeString(planned.instance().configFile(), texts.get(k), StandardCharsets.UTF_8);
            if (!OneboxControl.spawn(planned.role(), planned.instance(), planned.address(), out, err)) {
                return 1;
            }
            started.add(planned.instance());
        }
        if (replica.isEmpty() && options.replicaCount() > 0) {
            out.println("NOTE: " + NO_REPLICA_ROLE + ": no replica server started, so the " + options.partitionCount()
                    + " partitions of " + options.appName() + " stay unassigned");
        }
        if (options.waitHealthy()) {
            return awaitHealthy(spec, started, replicaCount > 0, options.waitTimeout());
        }
        out.println("Onebox started: ZooKeeper " + layout.zookeeper() + ", meta servers " + join(spec.metas())
                + "; `enif onebox list` shows the processes, their logs are in " + root + "/<role><n>/result");
        return 0;
    }

    /** Refuses a generated config the process would refuse (e.g. a bad {@code --set}); logs unknown keys. */
    private static void check(OneboxInstance instance, String text) {
        ConfigLoader.forRegistry(ConfigRegistry.discover())
                .text(instance.configFile().toString(), text)
                .load();
    }

    private int awaitHealthy(
            OneboxConfig.Spec spec, List<OneboxInstance> started, boolean withReplicas, Duration timeout) {
        out.println("Wait cluster to become healthy...");
        long begin = System.nanoTime();
        long deadline = begin + timeout.toNanos();
        try (OneboxHealth health = new OneboxHealth(spec.metas(), POLL)) {
            while (true) {
                OneboxHealth.Status status = health.probe(spec.appName());
                if (withReplicas ? status.healthy() : status.metasReady()) {
                    out.println(
                            withReplicas
                                    ? "Cluster becomes healthy."
                                    : "Meta servers are ready (" + status.describe(spec.appName(), false)
                                            + "); no replica server runs, so no partition is served yet.");
                    return 0;
                }
                for (OneboxInstance instance : started) {
                    if (OneboxProcesses.running(instance).isEmpty()) {
                        err.println("ERROR: " + instance.label() + " exited; see " + instance.resultFile());
                        return 1;
                    }
                }
                if (System.nanoTime() > deadline) {
                    err.println("ERROR: the cluster did not become healthy in " + timeout.toSeconds() + " seconds ("
                            + status.describe(spec.appName(), withReplicas) + ")");
                    return 1;
                }
                Pause.between(POLL);
                long seconds = Duration.ofNanos(System.nanoTime() - begin).toSeconds();
                out.println("Sleeped for " + seconds + " seconds: " + status.describe(spec.appName(), withReplicas));
                out.flush();
            }
        }
    }

    private static String join(List<HostPort> addresses) {
        return String.join(",", addresses.stream().map(HostPort::toString).toList());
    }
}
