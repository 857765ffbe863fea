package io.enif.server.config;

import io.enif.common.config.IniParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes ini text: header comments, then sections in the order first named, each key under its comment lines. Setting
 * a key again replaces its value in place, so generated files can be built from a profile plus overrides.
 */
public final class IniBuilder {
    /** Comment lines are wrapped to this width. */
    private static final int WIDTH = 118;

    private record Entry(String value, List<String> comments) {}

    private static final class Section {
        final List<String> comments = new ArrayList<>();
        final Map<String, Entry> entries = new LinkedHashMap<>();
    }

    private final List<String> header = new ArrayList<>();
    private final Map<String, Section> sections = new LinkedHashMap<>();

    /** Adds comment lines at the top of the file. */
    public IniBuilder header(String... lines) {
        header.addAll(List.of(lines));
        return this;
    }

    /** Declares a section (if new) and adds comment lines under its header. */
    public IniBuilder section(String name, String... comments) {
        sections.computeIfAbsent(name, n -> new Section()).comments.addAll(List.of(comments));
        return this;
    }

    /** Sets {@code [section] key = value}, with comment lines above it (kept from before when none are given). */
    public IniBuilder set(String section, String key, String value, String... comments) {
        Section s = sections.computeIfAbsent(section, n -> new Section());
        Entry old = s.entries.get(key);
        List<String> lines = comments.length > 0 || old == null ? List.of(comments) : old.comments();
        s.entries.put(key, new Entry(value, lines));
        return this;
    }

    /**
     * Sets a key from {@code section.key=value} (the section is everything before the last dot of the left side, as
     * command-line overrides are read).
     *
     * @throws IllegalArgumentException when the text is not of that form
     */
    public IniBuilder assign(String assignment, String... comments) {
        int eq = assignment.indexOf('=');
        String left = eq < 0 ? "" : assignment.substring(0, eq).strip();
        int dot = left.lastIndexOf('.');
        if (dot <= 0 || dot == left.length() - 1) {
            throw new IllegalArgumentException("'" + assignment + "' is not of the form section.key=value");
        }
        return set(
                left.substring(0, dot),
                left.substring(dot + 1),
                assignment.substring(eq + 1).strip(),
                comments);
    }

    /** The ini text. */
    public String render() {
        StringBuilder out = new StringBuilder();
        header.forEach(line -> out.append(comment(line)));
        sections.forEach((name, section) -> {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append('[').append(name).append("]\n");
            section.comments.forEach(line -> out.append(comment(line)));
            section.entries.forEach((key, entry) -> {
                entry.comments().forEach(line -> out.append(comment(line)));
                String value = IniParser.escape(entry.value());
                out.append(key).append(value.isEmpty() ? " =" : " = " + value).append('\n');
            });
        });
        return out.toString();
    }

    /** A comment line, wrapped at {@value #WIDTH} columns on spaces. */
    private static String comment(String line) {
        if (line.isEmpty()) {
            return ";\n";
        }
        StringBuilder out = new StringBuilder();
        String rest = line;
        while (rest.length() > WIDTH - 2) {
            int cut = rest.lastIndexOf(' ', WIDTH - 2);
            if (cut <= 0) {
                break;
            }
            out.append("; ").append(rest, 0, cut).append('\n');
            rest = rest.substring(cut + 1);
        }
        return out.append("; ").append(rest).append('\n').toString();
    }
}
