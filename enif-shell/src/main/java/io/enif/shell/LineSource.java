package io.enif.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** Where the shell's input lines come from: a reader (scripts, pipes) or a terminal with line editing. */
interface LineSource extends AutoCloseable {
    /** The next line, showing {@code prompt} first when interactive; null at the end of the input. */
    String readLine(String prompt);

    @Override
    default void close() {}

    /** Lines from a reader; the prompt is printed on {@code out} only when {@code interactive}. */
    static LineSource of(BufferedReader in, PrintWriter out, boolean interactive) {
        return prompt -> {
            if (interactive) {
                out.print(prompt);
                out.flush();
            }
            try {
                return in.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
