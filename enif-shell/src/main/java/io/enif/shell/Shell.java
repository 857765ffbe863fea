package io.enif.shell;

import io.enif.client.EnifClientException;
import io.enif.client.EnifInvalidArgumentException;
import io.enif.client.EnifTableNotFoundException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and runs shell commands: a one-shot script ({@code -e "cmd; cmd"}), lines from a reader, or an interactive
 * terminal with line editing and history ({@link TerminalLines}). A failed command prints one {@code ERROR:} line on
 * the error output and makes the run's status 1; the run goes on with the next command.
 */
public final class Shell {
    private static final Logger LOG = LoggerFactory.getLogger(Shell.class);

    /** The prompt of the interactive mode. */
    public static final String PROMPT = ">>> ";

    /** Exit status when at least one command failed. */
    public static final int FAILED = 1;

    /** The listing commands whose {@code -o <file>} writes the output to a file instead of the screen. */
    private static final Set<String> FILE_OUTPUT = Set.of("ls", "nodes", "app", "cluster_info");

    /** One command: runs on the session with its argument words. */
    @FunctionalInterface
    interface Command {
        void run(Session session, List<String> words);
    }

    private final Session session;
    private final Map<String, Command> commands = new TreeMap<>();
    private final Deque<List<String>> pending = new ArrayDeque<>();
    private LineSource source = prompt -> null;
    private boolean failed;
    private boolean exited;

    /**
     * A shell on {@code backend}, printing results on {@code out} and errors on {@code err}; {@code pause} waits
     * between two polls of create and recall.
     */
    public Shell(ShellBackend backend, PrintWriter out, PrintWriter err, Runnable pause) {
        this.session = new Session(backend, out, err, pause);
        this.session.nextStatement = this::nextStatement;
        DataCommands.register(commands);
        TableCommands.register(commands);
        ClusterCommands.register(commands);
        RangeCommands.register(commands);
        ScanCommands.register(commands);
        CasCommands.register(commands);
        EnvCommands.register(commands);
        SessionCommands.register(commands);
        TableStatCommands.register(commands);
        ServerStatCommands.register(commands);
        RemoteCommands.register(commands);
        commands.put("help", (s, w) -> help());
        commands.put("exit", (s, w) -> exited = true);
        commands.put("quit", (s, w) -> exited = true);
    }

    /** A pause of one second (for create and recall progress). */
    public static Runnable oneSecondPause() {
        return () -> CompletableFuture.runAsync(() -> {}, CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS))
                .join();
    }

    /** Runs the statements of {@code script} (separated by {@code ;} or new lines); returns the exit status. */
    public int runScript(String script) {
        BufferedReader lines = new BufferedReader(new java.io.StringReader(script));
        return run(LineSource.of(lines, session.out, false));
    }

    /**
     * Runs lines from {@code in} until EOF or {@code exit}. When {@code interactive} and the process has a terminal,
     * reads from the terminal with line editing and a history file ({@code ~/.enif_shell_history}) instead; when
     * interactive without a terminal, prints the prompt before each line.
     */
    public int runLines(BufferedReader in, boolean interactive) throws IOException {
        if (interactive && System.console() != null) {
            LineSource terminal = TerminalLines.open(session.err);
            if (terminal != null) {
                try (terminal) {
                    return run(terminal);
                }
            }
        }
        try {
            return run(LineSource.of(in, session.out, interactive));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private int run(LineSource lines) {
        source = lines;
        while (!exited) {
            List<String> words = nextStatement(PROMPT);
            if (words == null) {
                break;
            }
            run(words);
            session.out.flush();
            session.err.flush();
        }
        return status();
    }

    /** 0 when every command succeeded, {@link #FAILED} otherwise. */
    public int status() {
        return failed ? FAILED : 0;
    }

    /** The next statement: the rest of the current line first, then new lines; null at the end of the input. */
    private List<String> nextStatement(String prompt) {
        while (pending.isEmpty()) {
            String line = source.readLine(prompt);
            if (line == null) {
                return null;
            }
            try {
                for (List<String> words : Tokenizer.statements(line)) {
                    if (words.get(0).startsWith("#")) {
                        break;
                    }
                    pending.add(words);
                }
            } catch (IllegalArgumentException e) {
                fail(e.getMessage());
            }
        }
        return pending.poll();
    }

    private void run(List<String> words) {
        String name = words.get(0);
        Command command = commands.get(name);
        if (command == null) {
            fail("unknown command '" + name + "'; type 'help' for the list");
            return;
        }
        List<String> args = new ArrayList<>(words.subList(1, words.size()));
        // -h alone asks for help; with other words it may be a flag (full_scan's hash-key filter type)
        if (args.equals(List.of("-h")) || args.contains("--help")) {
            session.out.println("USAGE: " + Usage.of(name));
            return;
        }
        PrintWriter screen = session.out;
        try {
            if (FILE_OUTPUT.contains(name) && args.contains("-o")) {
                session.out = fileOutput(name, args);
            }
            command.run(session, args);
        } catch (UsageException | IllegalArgumentException e) {
            fail(e.getMessage());
        } catch (EnifTableNotFoundException e) {
            fail("app " + e.tableName() + " not found: " + e.getMessage());
        } catch (EnifInvalidArgumentException e) {
            fail(name + " failed: " + e.getMessage());
        } catch (EnifClientException e) {
            LOG.debug("{} failed", name, e);
            fail(name + " failed: " + e.getMessage() + " (meta servers " + session.backend.metaServers() + ")");
        } catch (UncheckedIOException e) {
            fail(name + " failed: " + e.getCause().getMessage());
        } catch (RuntimeException e) {
            LOG.debug("{} failed", name, e);
            fail(name + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } finally {
            if (session.out != screen) {
                session.out.close();
                session.out = screen;
            }
        }
    }

    /** Takes {@code -o <file>} out of {@code args} and opens the file for the command's output. */
    private static PrintWriter fileOutput(String name, List<String> args) {
        int at = args.indexOf("-o");
        if (at + 1 >= args.size()) {
            throw new UsageException(name + ": option -o needs a value");
        }
        String file = args.get(at + 1);
        args.subList(at, at + 2).clear();
        try {
            return new PrintWriter(Files.newBufferedWriter(Path.of(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UsageException(name + ": cannot write " + file + ": " + e.getMessage());
        }
    }

    private void fail(String message) {
        failed = true;
        session.out.flush();
        session.err.println("ERROR: " + message);
        session.err.flush();
    }

    private void help() {
        session.out.println("Usage:");
        for (String line : Usage.LINES) {
            session.out.println("\t" + line);
        }
    }
}
