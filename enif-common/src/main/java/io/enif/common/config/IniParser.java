package io.enif.common.config;

import io.enif.common.error.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the ini dialect of Pegasus config files (rDSN's {@code configuration::load}).
 *
 * <ul>
 *   <li>{@code [section]} headers; a section may appear only once.
 *   <li>{@code key = value} lines, key and value trimmed; a line without {@code =} is a key with an empty value.
 *   <li>{@code ;} and {@code #} start a comment anywhere on a line, unless escaped as {@code ^;} or {@code ^#}.
 *   <li>A key defined twice in a section keeps its first value, with a warning (rDSN does the same).
 * </ul>
 *
 * <p>Syntax errors are collected and reported together as one {@link ConfigException}, each naming the source and
 * line.
 */
public final class IniParser {
    private IniParser() {}

    /**
     * Parses a file.
     *
     * @throws ConfigException if the file cannot be read or has syntax errors
     */
    public static IniFile parse(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(
                    ErrorCode.ERR_FILE_OPERATION_FAILED, "cannot read config file " + file + ": " + e, e);
        }
        return parse(file.toString(), text);
    }

    /**
     * Parses ini text.
     *
     * @param source the name used in messages, usually the file name
     * @throws ConfigException if the text has syntax errors
     */
    public static IniFile parse(String source, String text) {
        List<IniFile.Section> sections = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        String sectionName = null;
        int sectionLine = 0;
        Map<String, IniFile.Entry> entries = new LinkedHashMap<>();

        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = stripComment(lines[i]).strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = source + ":" + lineNo + ": ";
            if (line.startsWith("[")) {
                String name = line.endsWith("]")
                        ? line.substring(1, line.length() - 1).strip()
                        : "";
                if (name.isEmpty() || name.contains("[") || name.contains("]")) {
                    errors.add(where + "malformed section header '" + line + "'");
                    continue;
                }
                if (sectionName != null) {
                    sections.add(new IniFile.Section(sectionName, sectionLine, entries));
                }
                if (sections.stream().anyMatch(s -> s.name().equals(name))) {
                    errors.add(where + "section [" + name + "] is defined twice");
                }
                sectionName = name;
                sectionLine = lineNo;
                entries = new LinkedHashMap<>();
                continue;
            }
            int eq = line.indexOf('=');
            String key = (eq < 0 ? line : line.substring(0, eq)).strip();
            String value = eq < 0 ? "" : line.substring(eq + 1).strip();
            if (sectionName == null) {
                errors.add(where + "'" + line + "' is outside any [section]");
            } else if (key.isEmpty()) {
                errors.add(where + "missing key name in '" + line + "'");
            } else if (entries.containsKey(key)) {
                warnings.add(where + "[" + sectionName + "] " + key + " is defined again; the first definition (line "
                        + entries.get(key).line() + ") wins");
            } else {
                entries.put(key, new IniFile.Entry(key, value, lineNo));
            }
        }
        if (sectionName != null) {
            sections.add(new IniFile.Section(sectionName, sectionLine, entries));
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(ErrorCode.ERR_INVALID_PARAMETERS, errors);
        }
        return new IniFile(source, sections, warnings);
    }

    /**
     * Escapes a value so that the parser reads it back unchanged: {@code ;} and {@code #} become {@code ^;} and
     * {@code ^#}.
     */
    public static String escape(String value) {
        return value.replace(";", "^;").replace("#", "^#");
    }

    /** Drops the comment from a line and unescapes {@code ^;} and {@code ^#}. */
    static String stripComment(String line) {
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ';' || c == '#') {
                if (i > 0 && line.charAt(i - 1) == '^') {
                    out.setCharAt(out.length() - 1, c);
                    continue;
                }
                break;
            }
            out.append(c);
        }
        return out.toString();
    }
}
