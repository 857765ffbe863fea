package io.enif.shell;

import io.enif.client.EnifClientException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** {@code -o file}: a command's output goes to a file instead of the terminal, as Pegasus's shell does. */
final class OutputFile {
    private OutputFile() {}

    /** The command with {@code -o file} taken off its words and applied to its output. */
    static Shell.Command wrap(String name, Shell.Command command) {
        return (s, words) -> {
            List<String> rest = new ArrayList<>();
            String file = null;
            for (int i = 0; i < words.size(); i++) {
                if (words.get(i).equals("-o")) {
                    if (i + 1 >= words.size()) {
                        throw new UsageException(name + ": option -o needs a value");
                    }
                    file = words.get(++i);
                } else {
                    rest.add(words.get(i));
                }
            }
            run(s, file, session -> command.run(session, rest));
        };
    }

    /** Runs {@code body} on {@code s}, or on a session printing into {@code file} when it is not null. */
    static void run(Session s, String file, Consumer<Session> body) {
        if (file == null) {
            body.accept(s);
            return;
        }
        StringWriter text = new StringWriter();
        Session toFile = new Session(s.backend, new PrintWriter(text), s.err, s.pause);
        toFile.timeoutMillis = s.timeoutMillis;
        body.accept(toFile);
        toFile.out.flush();
        try {
            Files.writeString(Path.of(file), text.toString());
        } catch (IOException e) {
            throw new EnifClientException("cannot write " + file + ": " + e.getMessage(), e);
        }
        s.out.println("output to file " + file);
    }
}
