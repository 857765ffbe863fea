package io.enif.rpc.command;

import io.enif.common.config.Config;
import io.enif.common.config.ConfigException;
import io.enif.common.config.ConfigKey;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Builds the commands of runtime knobs ({@code spec/ops-cluster.md} §4.2 conventions): with no argument the command
 * prints the current value ({@code {"error":"ok","<name>":"<value>"}}); with one it sets it ({@code
 * {"error":"ok"}}); the literal {@code DEFAULT} (any case) restores the configured value; a bad value is answered
 * with an error and changes nothing. Values live in memory only: a restart brings the configured value back.
 *
 * @param <T> the knob's value type
 */
public final class KnobCommand<T> {
    private final String name;
    private final String usage;
    private final String help;
    private final Function<String, T> parser;
    private final Function<T, String> formatter;
    private final Supplier<T> current;
    private final Consumer<T> setter;
    private final Supplier<T> configured;

    private KnobCommand(
            String name,
            String usage,
            String help,
            Function<String, T> parser,
            Function<T, String> formatter,
            Supplier<T> current,
            Consumer<T> setter,
            Supplier<T> configured) {
        this.name = Objects.requireNonNull(name, "name");
        this.usage = usage;
        this.help = help;
        this.parser = parser;
        this.formatter = formatter;
        this.current = current;
        this.setter = setter;
        this.configured = configured;
    }

    /**
     * A knob over any value.
     *
     * @param parser reads an argument; throws {@link IllegalArgumentException} (whose message says why) to refuse it
     * @param configured the value {@code DEFAULT} restores
     */
    public static <T> RemoteCommand of(
            String name,
            String usage,
            String help,
            Function<String, T> parser,
            Function<T, String> formatter,
            Supplier<T> current,
            Consumer<T> setter,
            Supplier<T> configured) {
        return new KnobCommand<>(name, usage, help, parser, formatter, current, setter, configured).command();
    }

    /** A {@code long} knob accepting values in {@code [min, max]}. */
    public static RemoteCommand ofLong(
            String name,
            String help,
            long min,
            long max,
            Supplier<Long> current,
            Consumer<Long> setter,
            Supplier<Long> configured) {
        return of(
                name,
                "[" + min + ".." + (max == Long.MAX_VALUE ? "" : String.valueOf(max)) + " | DEFAULT]",
                help,
                text -> parseLong(text, min, max),
                String::valueOf,
                current,
                setter,
                configured);
    }

    /** A boolean knob ({@code true} or {@code false}). */
    public static RemoteCommand ofBoolean(
            String name,
            String help,
            Supplier<Boolean> current,
            Consumer<Boolean> setter,
            Supplier<Boolean> configured) {
        return of(
                name,
                "[true|false|DEFAULT]",
                help,
                KnobCommand::parseBoolean,
                String::valueOf,
                current,
                setter,
                configured);
    }

    /**
     * A knob over a mutable config key: setting it is {@link Config#update(ConfigKey, String)} (validated, logged,
     * passed to the key's listeners) and {@code DEFAULT} is {@link Config#reset(ConfigKey)}.
     */
    public static <T> RemoteCommand ofConfig(String name, String help, Config config, ConfigKey<T> key) {
        if (!key.isMutable()) {
            throw new IllegalArgumentException(key + " is not mutable; a knob needs a mutable key");
        }
        return new RemoteCommand(name, List.of(), "[value | DEFAULT]", help, args -> {
            if (args.isEmpty()) {
                return CommandReplies.ok(name, config.text(key));
            }
            if (args.size() > 1) {
                return CommandReplies.error(name + " takes at most one argument");
            }
            try {
                if (args.get(0).equalsIgnoreCase("DEFAULT")) {
                    config.reset(key);
                } else {
                    config.update(key, args.get(0));
                }
                return CommandReplies.ok();
            } catch (ConfigException e) {
                return CommandReplies.error(e.getMessage());
            }
        });
    }

    private RemoteCommand command() {
        return new RemoteCommand(name, List.of(), usage, help, this::run);
    }

    private String run(List<String> args) {
        if (args.isEmpty()) {
            return CommandReplies.ok(name, formatter.apply(current.get()));
        }
        if (args.size() > 1) {
            return CommandReplies.error(name + " takes at most one argument, usage: " + name + " " + usage);
        }
        String arg = args.get(0).trim();
        T value;
        if (arg.equalsIgnoreCase("DEFAULT")) {
            value = configured.get();
        } else {
            try {
                value = parser.apply(arg);
            } catch (IllegalArgumentException e) {
                return CommandReplies.error("invalid argument '" + arg + "' of " + name + ": " + e.getMessage());
            }
        }
        setter.accept(value);
        return CommandReplies.ok();
    }

    /** Reads a decimal integer in {@code [min, max]}. */
    public static long parseLong(String text, long min, long max) {
        long value;
        try {
            value = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an integer");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException("out of range [" + min + ", " + max + "]");
        }
        return value;
    }

    /** Reads {@code true} or {@code false} (any case). */
    public static boolean parseBoolean(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("not true or false");
        };
    }
}
