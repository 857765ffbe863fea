package io.enif.server.cli;

import io.enif.common.config.Config;
import io.enif.server.role.RunningServer;
import io.enif.server.role.ServerLauncher;
import io.enif.server.role.ServerRole;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code enif <role> -c <ini>}: runs one server until SIGTERM (or SIGINT), which stops it gracefully through a
 * shutdown hook (a meta leader releases its lock at once). A fatal inconsistency found by the server stops it with
 * status 1.
 */
@Command(mixinStandardHelpOptions = true, sortOptions = false)
final class RoleCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RoleCommand.class);

    private final ServerRole role;

    @Spec
    CommandSpec spec;

    @Option(
            names = {"-c", "--config"},
            required = true,
            paramLabel = "<ini>",
            description = "The config file, e.g. conf/enif.ini")
    Path config;

    @Option(
            names = {"-o", "--override"},
            paramLabel = "<section.key=value>",
            description = "Overrides one key of the file (repeatable), e.g. -o replication.lb_interval_ms=5000")
    List<String> overrides = new ArrayList<>();

    @Option(
            names = "--var",
            paramLabel = "<name=value>",
            description = "A value for the %{name} and ${name} placeholders of the file (repeatable), on top of the"
                    + " environment")
    Map<String, String> variables = new LinkedHashMap<>();

    RoleCommand(ServerRole role) {
        this.role = role;
    }

    @Override
    public Integer call() throws Exception {
        Config loaded = ServerLauncher.loadConfig(config, variables, overrides);
        RunningServer server = ServerLauncher.launch(role, loaded);
        Thread hook = new Thread(
                () -> {
                    LOG.info("{} server {} stopping (signal)", role.name(), server.address());
                    server.close();
                },
                "enif-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        spec.commandLine().getOut().println(role.name() + " server listening on " + server.address());
        spec.commandLine().getOut().flush();
        Throwable fatal = server.fatal().join();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            return EnifCommandLine.FAILED;
        }
        LOG.error("{} server {} stops on a fatal inconsistency", role.name(), server.address(), fatal);
        server.close();
        spec.commandLine()
                .getErr()
                .println("ERROR: " + role.name() + " server " + server.address() + " stopped: "
                        + EnifCommandLine.describe(fatal));
        return EnifCommandLine.FAILED;
    }
}
