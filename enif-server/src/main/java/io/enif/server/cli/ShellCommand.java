package io.enif.server.cli;

import io.enif.shell.ClusterBackend;
import io.enif.shell.Shell;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code enif shell}: the admin and data shell. Runs {@code -e "cmd; cmd"}, else the commands read from stdin
 * (with the {@code >>>} prompt when stdin is a terminal); the status is 1 when any command failed.
 */
@Command(
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "The admin and data shell (Pegasus's command surface)")
final class ShellCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--cluster",
            paramLabel = "<host:port,...>",
            defaultValue = "127.0.0.1:34601,127.0.0.1:34602,127.0.0.1:34603",
            description = "The meta servers (default: ${DEFAULT-VALUE}, the onebox's)")
    String cluster;

    @Option(
            names = {"-e", "--execute"},
            paramLabel = "<commands>",
            description = "Run these commands (separated by ';') and exit")
    String execute;

    @Option(
            names = "--timeout-ms",
            paramLabel = "<ms>",
            defaultValue = "5000",
            description = "The data operations' timeout (default: ${DEFAULT-VALUE})")
    long timeoutMs;

    @Override
    public Integer call() throws IOException {
        try (ClusterBackend backend = ClusterBackend.connect(cluster, timeoutMs)) {
            Shell shell = new Shell(
                    backend, spec.commandLine().getOut(), spec.commandLine().getErr(), Shell.oneSecondPause());
            if (execute != null) {
                return shell.runScript(execute);
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            return shell.runLines(in, System.console() != null);
        }
    }
}
