package io.enif.server.cli;

import io.enif.server.zookeeper.StandaloneZooKeeper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code enif zookeeper}: a standalone ZooKeeper server in its own process, as the onebox runs it; stops on SIGTERM.
 * Production clusters use a real ZooKeeper ensemble instead (docs/deployment.md).
 */
@Command(
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Run a standalone ZooKeeper server (the onebox's; use a ZooKeeper ensemble in production)")
final class ZooKeeperCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ZooKeeperCommand.class);

    @Spec
    CommandSpec spec;

    @Option(
            names = {"-d", "--data-dir"},
            paramLabel = "<dir>",
            defaultValue = "zookeeper",
            description = "The server's directory; its data goes to <dir>/data (default: ${DEFAULT-VALUE})")
    Path dir;

    @Option(
            names = {"-p", "--port"},
            paramLabel = "<port>",
            defaultValue = "22181",
            description = "The client port, 0 for any free one (default: ${DEFAULT-VALUE}, the onebox's)")
    int port;

    @Option(
            names = "--host",
            paramLabel = "<address>",
            defaultValue = "0.0.0.0",
            description = "The address to bind (default: ${DEFAULT-VALUE})")
    String host;

    @Option(
            names = "--tick-ms",
            paramLabel = "<ms>",
            defaultValue = "2000",
            description = "ZooKeeper's tick; sessions may last 2 to 20 ticks (default: ${DEFAULT-VALUE})")
    int tickMs;

    /** Starts the server this command describes (without waiting for the end). */
    StandaloneZooKeeper startServer(boolean exitOnFailure) throws IOException {
        if (port < 0 || port > 65_535) {
            throw new ParameterException(spec.commandLine(), "--port " + port + " is not in 0..65535");
        }
        if (tickMs < 1) {
            throw new ParameterException(spec.commandLine(), "--tick-ms " + tickMs + " is not positive");
        }
        StandaloneZooKeeper server = StandaloneZooKeeper.start(dir, host, port, tickMs, exitOnFailure);
        LOG.info(
                "ZooKeeper listening on {}:{} (data in {})",
                host,
                server.port(),
                server.dir().resolve("data"));
        return server;
    }

    @Override
    public Integer call() throws IOException {
        StandaloneZooKeeper server = startServer(true);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "enif-shutdown"));
        spec.commandLine().getOut().println("Zookeeper started at port " + server.port());
        spec.commandLine().getOut().flush();
        new CompletableFuture<Void>().join();
        return 0;
    }
}
