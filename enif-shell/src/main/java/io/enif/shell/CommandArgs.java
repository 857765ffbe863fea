package io.enif.shell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's words split into positional arguments and flags. Each command names the flags it accepts: switches
 * ({@code -d}) and flags with a value ({@code -p 8}); anything else starting with {@code -} is a usage error (a
 * lone {@code -} or a negative number is positional).
 */
final class CommandArgs {
    private final String command;
    private final List<String> positional = new ArrayList<>();
    private final Set<String> switches = new HashSet<>();
    private final Map<String, String> values = new HashMap<>();

    private CommandArgs(String command) {
        this.command = command;
    }

    /**
     * Parses {@code words} (the command's arguments) against {@code switchNames} and {@code valueNames}.
     *
     * @throws UsageException for an unknown flag or a flag without its value
     */
    static CommandArgs parse(String command, List<String> words, Set<String> switchNames, Set<String> valueNames) {
        CommandArgs args = new CommandArgs(command);
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (!isFlag(word)) {
                args.positional.add(word);
            } else if (switchNames.contains(word)) {
                args.switches.add(word);
            } else if (valueNames.contains(word)) {
                if (i + 1 >= words.size()) {
                    throw new UsageException(command + ": option " + word + " needs a value");
                }
                args.values.put(word, words.get(++i));
            } else {
                throw new UsageException(command + ": unknown option " + word);
            }
        }
        return args;
    }

    private static boolean isFlag(String word) {
        return word.length() > 1 && word.charAt(0) == '-' && !Character.isDigit(word.charAt(1));
    }

    /** The positional arguments. */
    List<String> positional() {
        return positional;
    }

    /** Whether the switch was given. */
    boolean has(String name) {
        return switches.contains(name);
    }

    /** A flag's value, or {@code fallback}. */
    String value(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /** A flag's value as an int, or {@code fallback}. */
    int intValue(String name, int fallback) {
        String value = values.get(name);
        return value == null ? fallback : toInt(command, name, value);
    }

    /** Parses an int argument, or fails with a usage message. */
    static int toInt(String command, String what, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new UsageException(command + ": " + what + " must be an integer, got '" + value + "'");
        }
    }

    /** A flag's value as a boolean ({@code true}/{@code false}), or {@code fallback}. */
    boolean boolValue(String name, boolean fallback) {
        String value = values.get(name);
        return value == null ? fallback : toBool(command, name, value);
    }

    /** A flag's value as a long, or {@code fallback}. */
    long longValue(String name, long fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new UsageException(command + ": " + name + " must be an integer, got '" + value + "'");
        }
    }

    /** Whether the flag was given with a value. */
    boolean hasValue(String name) {
        return values.containsKey(name);
    }

    /** Parses {@code true} or {@code false}, or fails with a usage message. */
    static boolean toBool(String command, String what, String value) {
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new UsageException(command + ": " + what + " must be true or false, got '" + value + "'");
    }

    /** Requires between {@code min} and {@code max} positional arguments. */
    CommandArgs expect(int min, int max, String usage) {
        if (positional.size() < min || positional.size() > max) {
            throw new UsageException("USAGE: " + command + " " + usage);
        }
        return this;
    }

    /** A positional argument. */
    String get(int index) {
        return positional.get(index);
    }
}
