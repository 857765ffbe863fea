package io.enif.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.completer.StringsCompleter;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The interactive mode's input: a JLine line reader on the process's terminal, with line editing, command-name
 * completion and a history kept in {@code ~/.enif_shell_history} across runs. Ctrl-C drops the line being typed;
 * Ctrl-D (on an empty line) ends the shell.
 */
final class TerminalLines implements LineSource {
    private static final Logger LOG = LoggerFactory.getLogger(TerminalLines.class);

    /** The history file's name in the user's home directory. */
    static final String HISTORY_FILE = ".enif_shell_history";

    private final Terminal terminal;
    private final LineReader reader;

    private TerminalLines(Terminal terminal, LineReader reader) {
        this.terminal = terminal;
        this.reader = reader;
    }

    /** A reader on the system terminal, or null (with a note on {@code err}) when there is none to be had. */
    static LineSource open(PrintWriter err) {
        try {
            Terminal terminal =
                    TerminalBuilder.builder().system(true).dumb(false).build();
            List<String> names = new ArrayList<>();
            for (String line : Usage.LINES) {
                names.add(line.split(" ", 2)[0]);
            }
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("enif-shell")
                    .completer(new StringsCompleter(names))
                    .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), HISTORY_FILE))
                    .variable(LineReader.HISTORY_FILE_SIZE, 10_000)
                    .build();
            return new TerminalLines(terminal, reader);
        } catch (IOException | RuntimeException e) {
            LOG.debug("no terminal for line editing", e);
            err.println("(no line editing: " + e.getMessage() + "; reading plain lines)");
            err.flush();
            return null;
        }
    }

    @Override
    public String readLine(String prompt) {
        while (true) {
            try {
                return reader.readLine(prompt);
            } catch (UserInterruptException e) {
                // Ctrl-C: forget the line being typed, prompt again
            } catch (EndOfFileException e) {
                return null;
            }
        }
    }

    @Override
    public void close() {
        try {
            reader.getHistory().save();
            terminal.close();
        } catch (IOException e) {
            LOG.debug("closing the terminal failed", e);
        }
    }
}
