package io.enif.shell;

import io.enif.client.EnifClientException;
import io.enif.client.EnifTableNotFoundException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and runs shell commands: a one-shot script ({@code -e "cmd; cmd"}) or lines from a reader, with the
 * {@code >>>} prompt when interactive. A failed command prints one {@code ERROR:} line on the error output and makes
 * the run's status 1; the run goes on with the next command.
 */
public final class Shell {
    private static final Logger LOG = LoggerFactory.getLogger(Shell.class);

    /** The prompt of the interactive mode. */
    public static final String PROMPT = ">>> ";

    /** Exit status when at least one command failed. */
    public static final int FAILED = 1;

    /** One command: runs on the session with its argument words. */
    @FunctionalInterface
    interface Command {
        void run(Session session, List<String> words);
    }

    private final Session session;
    private final Map<String, Command> commands = new TreeMap<>();
    private boolean failed;
    private boolean exited;

    /**
     * A shell on {@code backend}, printing results on {@code out} and errors on {@code err}; {@code pause} waits
     * between two polls of create and recall.
     */
    public Shell(ShellBackend backend, PrintWriter out, PrintWriter err, Runnable pause) {
        this.session = new Session(backend, out, err, pause);
        DataCommands.register(commands);
        TableCommands.register(commands);
        ClusterCommands.register(commands);
        RemoteCommands.register(commands);
        commands.put("help", (s, w) -> help());
        commands.put("version", (s, w) -> s.out.println("Enif Shell " + version()));
        commands.put("exit", (s, w) -> exited = true);
        commands.put("quit", (s, w) -> exited = true);
        commands.put("timeout", Shell::timeout);
        commands.put("escape_all", (s, w) -> s.out.println("escape_all is always false in Enif"));
    }

    /** A pause of one second (for create and recall progress). */
    public static Runnable oneSecondPause() {
        return () -> CompletableFuture.runAsync(() -> {}, CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS))
                .join();
    }

    /** Runs the statements of {@code script} (separated by {@code ;} or new lines); returns the exit status. */
    public int runScript(String script) {
        for (String line : script.split("\n")) {
            if (!runLine(line)) {
                break;
            }
        }
        return status();
    }

    /** Runs lines from {@code in} until EOF or {@code exit}; prints the prompt when interactive. */
    public int runLines(BufferedReader in, boolean interactive) throws IOException {
        while (true) {
            if (interactive) {
                session.out.print(PROMPT);
                session.out.flush();
            }
            String line = in.readLine();
            if (line == null || !runLine(line)) {
                break;
            }
        }
        return status();
    }

    /** 0 when every command succeeded, {@link #FAILED} otherwise. */
    public int status() {
        return failed ? FAILED : 0;
    }

    /** Runs one line; false once {@code exit} was run. */
    boolean runLine(String line) {
        List<List<String>> statements;
        try {
            statements = Tokenizer.statements(line);
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return true;
        }
        for (List<String> words : statements) {
            if (words.get(0).startsWith("#")) {
                break;
            }
            run(words);
            session.out.flush();
            session.err.flush();
            if (exited) {
                return false;
            }
        }
        return true;
    }

    private void run(List<String> words) {
        String name = words.get(0);
        Command command = commands.get(name);
        if (command == null) {
            fail("unknown command '" + name + "'; type 'help' for the list");
            return;
        }
        List<String> args = words.subList(1, words.size());
        if (args.contains("-h") || args.contains("--help")) {
            session.out.println("see 'help' for the usage of " + name);
            return;
        }
        try {
            command.run(session, args);
        } catch (UsageException | IllegalArgumentException e) {
            fail(e.getMessage());
        } catch (EnifTableNotFoundException e) {
            fail("app " + e.tableName() + " not found: " + e.getMessage());
        } catch (EnifClientException e) {
            LOG.debug("{} failed", name, e);
            fail(name + " failed: " + e.getMessage() + " (meta servers " + session.backend.metaServers() + ")");
        } catch (RuntimeException e) {
            LOG.debug("{} failed", name, e);
            fail(name + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private void fail(String message) {
        failed = true;
        session.out.flush();
        session.err.println("ERROR: " + message);
        session.err.flush();
    }

    private static void timeout(Session s, List<String> words) {
        CommandArgs a = CommandArgs.parse("timeout", words, java.util.Set.of(), java.util.Set.of())
                .expect(0, 1, "[time_in_ms]");
        if (!a.positional().isEmpty()) {
            int ms = CommandArgs.toInt("timeout", "time_in_ms", a.get(0));
            if (ms <= 0) {
                throw new UsageException("timeout: must be positive");
            }
            s.timeoutMillis = ms;
        }
        s.out.println("Current timeout: " + s.timeoutMillis + " ms");
    }

    private void help() {
        session.out.println("Usage:");
        for (String line : Usage.LINES) {
            session.out.println("\t" + line);
        }
    }

    private static String version() {
        String v = Shell.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }
}
