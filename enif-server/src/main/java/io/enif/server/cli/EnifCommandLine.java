package io.enif.server.cli;

import io.enif.common.config.ConfigException;
import io.enif.server.role.ServerRole;
import io.enif.server.role.ServerRoles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Builds the {@code enif} command line: one subcommand per server role, then {@code zookeeper}, {@code onebox}, {@code
 * shell}, {@code bench}, {@code sim}, {@code chaos} and {@code version}. Bad usage prints one {@code ERROR:} line and a hint (status 2); a failing command prints one
 * {@code ERROR:} line (status 1); stack traces go only to the debug log.
 */
public final class EnifCommandLine {
    private static final Logger LOG = LoggerFactory.getLogger(EnifCommandLine.class);

    /** Exit status of a command that failed. */
    public static final int FAILED = 1;

    private EnifCommandLine() {}

    /** The command line for these roles, printing on {@code out} and {@code err}. */
    public static CommandLine create(ServerRoles roles, PrintWriter out, PrintWriter err) {
        CommandLine line = new CommandLine(new EnifCommand());
        for (ServerRole role : roles.all()) {
            CommandLine sub = new CommandLine(new RoleCommand(role));
            sub.getCommandSpec().usageMessage().description(role.description());
            line.addSubcommand(role.name(), sub);
        }
        line.addSubcommand("zookeeper", new ZooKeeperCommand());
        line.addSubcommand("onebox", OneboxCommand.commandLine(roles));
        line.addSubcommand("shell", new ShellCommand());
        line.addSubcommand("bench", new BenchCommand());
        line.addSubcommand("sim", new SimCommand());
        line.addSubcommand("chaos", new ChaosCommand(roles));
        line.addSubcommand("version", new VersionCommand());
        line.setOut(out);
        line.setErr(err);
        line.setParameterExceptionHandler(EnifCommandLine::usageError);
        line.setExecutionExceptionHandler((e, commandLine, parseResult) -> failure(e, commandLine.getErr()));
        return line;
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        String message = String.valueOf(e.getMessage());
        err.println("ERROR: " + (message.startsWith("Error: ") ? message.substring("Error: ".length()) : message));
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** Prints one line for a failed command; the stack trace goes to the debug log only. */
    static int failure(Exception e, PrintWriter err) {
        LOG.debug("command failed", e);
        err.println("ERROR: " + describe(e));
        err.flush();
        return FAILED;
    }

    /** A message for a user: the exception's own message when it has one meant for users. */
    static String describe(Throwable e) {
        if (e instanceof UncheckedIOException && e.getCause() != null) {
            return describe(e.getCause());
        }
        String message = e.getMessage();
        if (e instanceof ConfigException || e instanceof IllegalArgumentException) {
            return message;
        }
        if (e instanceof IOException) {
            return message != null ? message : e.getClass().getSimpleName();
        }
        return e.getClass().getSimpleName() + (message != null ? ": " + message : "");
    }
}
