package io.enif.server.cli;

import io.enif.server.onebox.Onebox;
import io.enif.server.onebox.OneboxControl;
import io.enif.server.onebox.OneboxLayout;
import io.enif.server.role.ServerRoles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code enif onebox start|stop|list|clear|start-instance|stop-instance|restart-instance}: a local cluster as real
 * processes under {@code ./onebox} (docs/onebox.md). Flags keep the names of Pegasus's {@code run.sh}.
 */
@Command(
        mixinStandardHelpOptions = true,
        description = "Run a local cluster: ZooKeeper, meta servers and replica servers as processes under ./onebox")
final class OneboxCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return spec.exitCodeOnInvalidInput();
    }

    /** The onebox command and its subcommands. */
    static CommandLine commandLine(ServerRoles roles) {
        return new CommandLine(new OneboxCommand())
                .addSubcommand("start", new Start(roles))
                .addSubcommand(
                        "stop",
                        described(
                                new Simple(roles, "stop"),
                                "Stop the meta and replica servers;" + " ZooKeeper and all data stay"))
                .addSubcommand("list", described(new Simple(roles, "list"), "List the running onebox processes"))
                .addSubcommand(
                        "clear",
                        described(
                                new Simple(roles, "clear"),
                                "Stop everything, ZooKeeper included," + " and delete the onebox's data"))
                .addSubcommand(
                        "start-instance",
                        described(new Instance(roles, "start"), "Start one server from its onebox directory"))
                .addSubcommand("stop-instance", described(new Instance(roles, "stop"), "Stop one server"))
                .addSubcommand(
                        "restart-instance",
                        described(new Instance(roles, "restart"), "Stop one server, pause, start it again"));
    }

    private static CommandLine described(Object command, String description) {
        CommandLine line = new CommandLine(command);
        line.getCommandSpec().usageMessage().description(description);
        return line;
    }

    /** {@code --dir}: where the onebox lives; {@code $ENIF_HOME/onebox} (the repository's) by default. */
    static final class DirOption {
        @Option(
                names = "--dir",
                paramLabel = "<dir>",
                description = "The onebox directory (default: <enif home>/onebox, else ./onebox)")
        Path dir;

        Path root() {
            if (dir != null) {
                return dir;
            }
            String home = System.getProperty("enif.home");
            return home != null ? Path.of(home, "onebox") : Path.of("onebox");
        }
    }

    @Command(
            name = "start",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {
                "Start ZooKeeper (22181), meta servers (34601..) and replica servers (34801..), and create table temp.",
                "Refuses to start while onebox servers run; data is kept between stop and start."
            })
    static final class Start implements Callable<Integer> {
        private final ServerRoles roles;

        @Spec
        CommandSpec spec;

        @Mixin
        DirOption dir = new DirOption();

        @Option(
                names = {"-m", "--meta_count"},
                paramLabel = "<num>",
                defaultValue = "3",
                description = "Meta servers (default: ${DEFAULT-VALUE})")
        int metaCount;

        @Option(
                names = {"-r", "--replica_count"},
                paramLabel = "<num>",
                defaultValue = "3",
                description = "Replica servers (default: ${DEFAULT-VALUE})")
        int replicaCount;

        @Option(
                names = {"-p", "--partition_count"},
                paramLabel = "<num>",
                defaultValue = "8",
                description = "Partitions of the bootstrap table (default: ${DEFAULT-VALUE})")
        int partitionCount;

        @Option(
                names = {"-a", "--app_name"},
                paramLabel = "<name>",
                defaultValue = "temp",
                description = "The bootstrap table (default: ${DEFAULT-VALUE})")
        String appName;

        @Option(
                names = {"-w", "--wait_healthy"},
                description = "Wait until the meta servers answer and every partition is fully healthy")
        boolean waitHealthy;

        @Option(
                names = "--timeout",
                paramLabel = "<seconds>",
                defaultValue = "180",
                description = "How long -w waits at most (default: ${DEFAULT-VALUE})")
        int timeoutSeconds;

        @Option(
                names = "--base-port",
                paramLabel = "<port>",
                defaultValue = "34600",
                description = "Shift every port: meta i on <port>+i, replica j on <port>+200+j, ZooKeeper on"
                        + " 22181+(<port>-34600) (default: ${DEFAULT-VALUE})")
        int basePort;

        @Option(
                names = "--set",
                paramLabel = "<section.key=value>",
                description = "Set a key in every process's config (repeatable), e.g."
                        + " --set replication.fd_lease_seconds=6")
        List<String> settings = new ArrayList<>();

        Start(ServerRoles roles) {
            this.roles = roles;
        }

        @Override
        public Integer call() throws Exception {
            if (basePort < OneboxLayout.lowestBase() || basePort > OneboxLayout.highestBase()) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--base-port " + basePort + " is not in " + OneboxLayout.lowestBase() + ".."
                                + OneboxLayout.highestBase());
            }
            if (timeoutSeconds < 1) {
                throw new ParameterException(spec.commandLine(), "--timeout must be positive");
            }
            Onebox.StartOptions options;
            try {
                options = new Onebox.StartOptions(
                        metaCount,
                        replicaCount,
                        partitionCount,
                        appName,
                        waitHealthy,
                        Duration.ofSeconds(timeoutSeconds),
                        basePort,
                        settings);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            return new Onebox(roles, dir.root(), out, err).start(options);
        }
    }

    @Command(mixinStandardHelpOptions = true)
    static final class Simple implements Callable<Integer> {
        private final ServerRoles roles;
        private final String action;

        @Spec
        CommandSpec spec;

        @Mixin
        DirOption dir = new DirOption();

        Simple(ServerRoles roles, String action) {
            this.roles = roles;
            this.action = action;
        }

        @Override
        public Integer call() throws Exception {
            OneboxControl control = new OneboxControl(
                    roles,
                    dir.root(),
                    spec.commandLine().getOut(),
                    spec.commandLine().getErr());
            return switch (action) {
                case "stop" -> control.stop();
                case "list" -> control.list();
                case "clear" -> control.clear();
                default -> throw new IllegalStateException("unknown onebox action " + action);
            };
        }
    }

    /** {@code -m N} or {@code -r N}: exactly one. */
    static final class Target {
        @Option(
                names = {"-m", "--meta_id"},
                paramLabel = "<num>",
                required = true,
                description = "The meta server")
        Integer metaId;

        @Option(
                names = {"-r", "--replica_id"},
                paramLabel = "<num>",
                required = true,
                description = "The replica server")
        Integer replicaId;
    }

    @Command(mixinStandardHelpOptions = true, sortOptions = false)
    static final class Instance implements Callable<Integer> {
        private final ServerRoles roles;
        private final String action;

        @Spec
        CommandSpec spec;

        @Mixin
        DirOption dir = new DirOption();

        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;

        @Option(
                names = {"-s", "--sleep"},
                paramLabel = "<seconds>",
                defaultValue = "1",
                description = "restart-instance: seconds between stop and start (default: ${DEFAULT-VALUE})")
        int sleepSeconds;

        Instance(ServerRoles roles, String action) {
            this.roles = roles;
            this.action = action;
        }

        @Override
        public Integer call() throws Exception {
            String role = target.metaId != null ? ServerRoles.META : ServerRoles.REPLICA;
            int index = target.metaId != null ? target.metaId : target.replicaId;
            if (index < 1 || index > OneboxLayout.MAX_INSTANCES) {
                throw new ParameterException(
                        spec.commandLine(), "the id " + index + " is not in 1.." + OneboxLayout.MAX_INSTANCES);
            }
            if (sleepSeconds < 0) {
                throw new ParameterException(spec.commandLine(), "--sleep must not be negative");
            }
            OneboxControl control = new OneboxControl(
                    roles,
                    dir.root(),
                    spec.commandLine().getOut(),
                    spec.commandLine().getErr());
            return switch (action) {
                case "start" -> control.startInstance(role, index);
                case "stop" -> control.stopInstance(role, index);
                case "restart" -> control.restartInstance(role, index, Duration.ofSeconds(sleepSeconds));
                default -> throw new IllegalStateException("unknown onebox action " + action);
            };
        }
    }
}
