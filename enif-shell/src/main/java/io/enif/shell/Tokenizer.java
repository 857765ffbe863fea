package io.enif.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits shell input: a line into statements at {@code ;} and a statement into words at blanks. Single or double
 * quotes group a word (and protect {@code ;}). Inside double quotes, as in Pegasus's shell (Redis's argument rules),
 * {@code \xNN} is the byte NN, {@code \n \r \t \a \b} the control characters, and {@code \} followed by any other
 * character that character ({@code \"}, {@code \\}); inside single quotes only {@code \'} escapes. Outside quotes a
 * backslash is an ordinary character. A byte from {@code \xNN} that is not ASCII is kept as a marker character that
 * {@link Format#bytes} turns back into that byte, so keys and values can hold any bytes.
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
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
                    i = unescape(line, i + 1, word);
                } else if (c == '\\' && quote == '\'' && i + 1 < line.length() && line.charAt(i + 1) == '\'') {
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

    /** The first char of the private-use block that stands for the raw bytes 0x80-0xFF. */
    static final char RAW_BYTE_BASE = '\uF700';

    /** Decodes the escape starting at {@code line[at]} (just after the backslash); returns the last index used. */
    private static int unescape(String line, int at, StringBuilder word) {
        char e = line.charAt(at);
        switch (e) {
            case 'n' -> word.append('\n');
            case 'r' -> word.append('\r');
            case 't' -> word.append('\t');
            case 'a' -> word.append('\u0007');
            case 'b' -> word.append('\b');
            case 'x' -> {
                if (at + 2 < line.length() && isHex(line.charAt(at + 1)) && isHex(line.charAt(at + 2))) {
                    int b = Integer.parseInt(line.substring(at + 1, at + 3), 16);
                    word.append(b < 0x80 ? (char) b : (char) (RAW_BYTE_BASE + b - 0x80));
                    return at + 2;
                }
                word.append('x');
            }
            default -> word.append(e);
        }
        return at;
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    private static StringBuilder flush(StringBuilder word, List<String> words) {
        if (word != null) {
            words.add(word.toString());
        }
        return null;
    }
}
