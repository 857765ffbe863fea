package io.enif.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits shell input: a line into statements at {@code ;} and a statement into words at blanks. Single or double
 * quotes group a word (and protect {@code ;}); inside double quotes {@code \"} and {@code \\} escape.
 */
final class Tokenizer {
    private Tokenizer() {}

    /** The statements of a line, each as its words; empty statements are left out. */
    static List<List<String>> statements(String line) {
        List<List<String>> statements = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\'
                        && quote == '"'
                        && i + 1 < line.length()
                        && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                if (word == null) {
                    word = new StringBuilder();
                }
            } else if (c == ';') {
                word = flush(word, words);
                if (!words.isEmpty()) {
                    statements.add(words);
                }
                words = new ArrayList<>();
            } else if (Character.isWhitespace(c)) {
                word = flush(word, words);
            } else {
                if (word == null) {
                    word = new StringBuilder();
                }
                word.append(c);
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unterminated quote " + quote);
        }
        flush(word, words);
        if (!words.isEmpty()) {
            statements.add(words);
        }
        return statements;
    }

    private static StringBuilder flush(StringBuilder word, List<String> words) {
        if (word != null) {
            words.add(word.toString());
        }
        return null;
    }
}
