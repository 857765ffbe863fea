package io.enif.shell;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Output helpers: Pegasus-style escaped values, aligned tables and a small JSON writer. */
final class Format {
    private Format() {}

    /**
     * The bytes of a user-typed word: UTF-8, except the marker characters {@link Tokenizer} made of {@code \xNN}
     * escapes, which are their raw bytes.
     */
    static byte[] bytes(String word) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(word.length());
        int start = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c >= Tokenizer.RAW_BYTE_BASE && c < Tokenizer.RAW_BYTE_BASE + 0x80) {
                out.writeBytes(word.substring(start, i).getBytes(StandardCharsets.UTF_8));
                out.write(0x80 + (c - Tokenizer.RAW_BYTE_BASE));
                start = i + 1;
            }
        }
        out.writeBytes(word.substring(start).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** A value quoted and escaped: printable ASCII as is, {@code "} and {@code \} escaped, other bytes as \xNN. */
    static String quoted(byte[] value) {
        return quoted(value, false);
    }

    /** As {@link #quoted(byte[])}; with {@code escapeAll} every byte is written as \xNN ({@code escape_all true}). */
    static String quoted(byte[] value, boolean escapeAll) {
        return '"' + escaped(value, escapeAll) + '"';
    }

    /** The escaped text of {@link #quoted(byte[], boolean)} without the quotes (for JSON strings). */
    static String escaped(byte[] value, boolean escapeAll) {
        StringBuilder out = new StringBuilder(value.length + 2);
        for (byte b : value) {
            int c = b & 0xFF;
            if (escapeAll) {
                out.append(String.format("\\x%02X", c));
            } else if (c == '"' || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c >= 0x20 && c < 0x7F) {
                out.append((char) c);
            } else {
                out.append(String.format("\\x%02X", c));
            }
        }
        return out.toString();
    }

    /** Prints rows (the first is the header) as left-aligned columns. */
    static void table(PrintWriter out, List<List<String>> rows) {
        List<Integer> widths = new ArrayList<>();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                int w = row.get(i).length();
                if (i >= widths.size()) {
                    widths.add(w);
                } else if (w > widths.get(i)) {
                    widths.set(i, w);
                }
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(row.get(i));
                if (i + 1 < row.size()) {
                    line.append(" ".repeat(widths.get(i) - row.get(i).length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** Prints {@code key : value} lines with the colons aligned. */
    static void pairs(PrintWriter out, Map<String, String> pairs) {
        int width = pairs.keySet().stream().mapToInt(String::length).max().orElse(0);
        pairs.forEach((k, v) -> out.println(k + " ".repeat(width - k.length()) + " : " + v));
    }

    /** A JSON value: maps, lists, numbers, booleans, null and strings. */
    static String json(Object value) {
        StringBuilder out = new StringBuilder();
        writeJson(out, value);
        return out.toString();
    }

    private static void writeJson(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                writeJson(out, String.valueOf(e.getKey()));
                out.append(':');
                writeJson(out, e.getValue());
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                writeJson(out, list.get(i));
            }
            out.append(']');
        } else {
            out.append('"');
            for (char c : value.toString().toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            out.append('"');
        }
    }
}
