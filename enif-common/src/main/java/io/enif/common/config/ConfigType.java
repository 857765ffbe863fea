package io.enif.common.config;

import java.math.BigInteger;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The type of a {@link ConfigKey}: how its ini text is parsed and written back, and which Pegasus {@link FlagType} it
 * reports.
 *
 * <p>{@link #parse} throws {@link IllegalArgumentException} whose message is a phrase completing the sentence
 * {@code <value> ...}, such as {@code "is not an integer"}; the loader prefixes the file, section, key and value.
 *
 * @param <T> the Java type of the value
 */
public final class ConfigType<T> {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /** {@code true} or {@code false}, in any case. */
    public static final ConfigType<Boolean> BOOL =
            new ConfigType<>("bool", Boolean.class, FlagType.FV_BOOL, ConfigType::parseBool, String::valueOf, null);
    /** A signed 32-bit integer. */
    public static final ConfigType<Integer> INT32 = new ConfigType<>(
            "int32",
            Integer.class,
            FlagType.FV_INT32,
            text -> (int) parseInteger(text, Integer.MIN_VALUE, Integer.MAX_VALUE),
            String::valueOf,
            v -> v);
    /** A non-negative 32-bit integer (Pegasus's uint32 flags; values above {@code 2^31-1} are not supported). */
    public static final ConfigType<Integer> UINT32 = new ConfigType<>(
            "uint32",
            Integer.class,
            FlagType.FV_UINT32,
            text -> (int) parseInteger(text, 0, Integer.MAX_VALUE),
            String::valueOf,
            v -> v);
    /** A signed 64-bit integer. */
    public static final ConfigType<Long> INT64 = new ConfigType<>(
            "int64",
            Long.class,
            FlagType.FV_INT64,
            text -> parseInteger(text, Long.MIN_VALUE, Long.MAX_VALUE),
            String::valueOf,
            v -> v);
    /** A non-negative 64-bit integer (Pegasus's uint64 flags; values above {@code 2^63-1} are not supported). */
    public static final ConfigType<Long> UINT64 = new ConfigType<>(
            "uint64",
            Long.class,
            FlagType.FV_UINT64,
            text -> parseInteger(text, 0, Long.MAX_VALUE),
            String::valueOf,
            v -> v);
    /** A finite decimal number. */
    public static final ConfigType<Double> DOUBLE = new ConfigType<>(
            "double", Double.class, FlagType.FV_DOUBLE, ConfigType::parseDouble, String::valueOf, v -> v);
    /** Free text, taken as written (the ini parser has already trimmed it). */
    public static final ConfigType<String> STRING =
            new ConfigType<>("string", String.class, FlagType.FV_STRING, text -> text, text -> text, null);
    /** A comma-separated list; items are trimmed and empty items dropped. */
    public static final ConfigType<List<String>> STRING_LIST = new ConfigType<>(
            "string list",
            listClass(),
            FlagType.FV_STRING,
            ConfigType::parseList,
            list -> String.join(",", list),
            null);
    /** A duration written as a whole number of milliseconds (keys named {@code *_ms}). */
    public static final ConfigType<Duration> MILLIS = duration(ChronoUnit.MILLIS, FlagType.FV_INT64);
    /** A duration written as a whole number of seconds (keys named {@code *_seconds}). */
    public static final ConfigType<Duration> SECONDS = duration(ChronoUnit.SECONDS, FlagType.FV_INT32);

    private final String name;
    private final Class<T> javaType;
    private final FlagType flagType;
    private final Function<String, T> parser;
    private final Function<? super T, String> formatter;
    private final Function<? super T, Number> magnitude;

    private ConfigType(
            String name,
            Class<T> javaType,
            FlagType flagType,
            Function<String, T> parser,
            Function<? super T, String> formatter,
            Function<? super T, Number> magnitude) {
        this.name = name;
        this.javaType = javaType;
        this.flagType = flagType;
        this.parser = parser;
        this.formatter = formatter;
        this.magnitude = magnitude;
    }

    /**
     * An enum written by its constants' {@code toString()} (parsed ignoring case, by {@code toString()} or by
     * {@code name()}); reported as {@link FlagType#FV_STRING}.
     */
    public static <E extends Enum<E>> ConfigType<E> enumType(Class<E> enumClass) {
        E[] constants = enumClass.getEnumConstants();
        String choices = Arrays.stream(constants).map(Object::toString).collect(Collectors.joining(", "));
        Function<String, E> parser = text -> {
            String trimmed = text.trim();
            for (E constant : constants) {
                if (constant.toString().equalsIgnoreCase(trimmed)
                        || constant.name().equalsIgnoreCase(trimmed)) {
                    return constant;
                }
            }
            throw new IllegalArgumentException("is not one of " + choices);
        };
        return new ConfigType<>(
                "enum (" + choices.replace(", ", "|") + ")",
                enumClass,
                FlagType.FV_STRING,
                parser,
                Object::toString,
                null);
    }

    /**
     * A duration written as a whole, non-negative number of {@code unit}s, reported as {@code flagType} (one of the
     * integer flag types; its range bounds the count).
     */
    public static ConfigType<Duration> duration(ChronoUnit unit, FlagType flagType) {
        long max = switch (flagType) {
            case FV_INT32, FV_UINT32 -> Integer.MAX_VALUE;
            case FV_INT64, FV_UINT64 -> Long.MAX_VALUE;
            default -> throw new IllegalArgumentException("not an integer flag type: " + flagType);
        };
        String unitName = switch (unit) {
            case NANOS -> "nanoseconds";
            case MICROS -> "microseconds";
            case MILLIS -> "milliseconds";
            default -> unit.toString().toLowerCase(Locale.ROOT);
        };
        Function<String, Duration> parser = text -> {
            try {
                return Duration.of(parseInteger(text, 0, max), unit);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage() + " (a number of " + unitName + ")");
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("is too large a number of " + unitName);
            }
        };
        Function<Duration, Number> count = value -> value.dividedBy(unit.getDuration());
        return new ConfigType<>(
                "duration (" + unitName + ")",
                Duration.class,
                flagType,
                parser,
                value -> String.valueOf(count.apply(value)),
                count);
    }

    /** A short name for documentation, such as {@code int32} or {@code duration (millis)}. */
    public String name() {
        return name;
    }

    /** The Java class of the values. */
    public Class<T> javaType() {
        return javaType;
    }

    /** What Pegasus's {@code /config} calls this type. */
    public FlagType flagType() {
        return flagType;
    }

    /**
     * Parses ini text.
     *
     * @throws IllegalArgumentException whose message completes {@code <value> ...}, e.g. {@code is not an integer}
     */
    public T parse(String text) {
        Objects.requireNonNull(text, "text");
        return parser.apply(text);
    }

    /** Writes a value as ini text that {@link #parse} reads back to an equal value. */
    public String format(T value) {
        return formatter.apply(value);
    }

    /** Whether values have a magnitude that {@link ConfigKey#min}/{@link ConfigKey#max} can bound. */
    public boolean isNumeric() {
        return magnitude != null;
    }

    /** The value as a number (the count of units for durations); only for {@link #isNumeric()} types. */
    Number magnitude(T value) {
        if (magnitude == null) {
            throw new IllegalStateException(name + " values have no magnitude");
        }
        return magnitude.apply(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfigType<?> other
                && name.equals(other.name)
                && javaType.equals(other.javaType)
                && flagType == other.flagType;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, javaType, flagType);
    }

    @Override
    public String toString() {
        return name;
    }

    private static Boolean parseBool(String text) {
        String trimmed = text.trim();
        if (trimmed.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (trimmed.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException("is not a boolean (true or false)");
    }

    private static long parseInteger(String text, long min, long max) {
        BigInteger value;
        try {
            value = new BigInteger(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("is not an integer");
        }
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new IllegalArgumentException("is not an integer between " + min + " and " + max);
        }
        return value.longValue();
    }

    private static Double parseDouble(String text) {
        String trimmed = text.trim();
        if (!DECIMAL.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("is not a number");
        }
        double value = Double.parseDouble(trimmed);
        if (Double.isInfinite(value)) {
            throw new IllegalArgumentException("is out of the range of a double");
        }
        return value;
    }

    private static List<String> parseList(String text) {
        return Arrays.stream(text.split(",", -1))
                .map(String::trim)
                .filter(item -> !item.isEmpty())
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Class<List<String>> listClass() {
        return (Class<List<String>>) (Class<?>) List.class;
    }
}
