package io.enif.common.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One configuration key: its ini section and name (Pegasus's, e.g. {@code [replication]
 * prepare_timeout_ms_for_secondaries}), type, default, description, mutable tag and validators.
 *
 * <p>Declare each key once, as a {@code static final} field next to the code that reads it, and list it in the
 * module's {@link ConfigKeyHolder}:
 *
 * <pre>{@code
 * static final ConfigKey<Integer> MAX_FRAME_SIZE =
 *         ConfigKey.intKey("network", "max_frame_size", 1 << 24, "Largest accepted RPC frame in bytes.")
 *                 .min(1024);
 * }</pre>
 *
 * <p>Keys are immutable: {@link #mutable()}, {@link #min}, {@link #max} and {@link #validator} return a new key. Each
 * of them checks the default, so a default that its own validators refuse fails at class initialisation.
 *
 * @param <T> the Java type of the value
 */
public final class ConfigKey<T> {
    private static final Pattern SECTION = Pattern.compile("[^\\[\\]\\s;#=]+");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

    private final String section;
    private final String name;
    private final ConfigType<T> type;
    private final T defaultValue;
    private final String description;
    private final boolean mutable;
    private final List<Validator<? super T>> validators;

    private ConfigKey(
            String section,
            String name,
            ConfigType<T> type,
            T defaultValue,
            String description,
            boolean mutable,
            List<Validator<? super T>> validators) {
        this.section = section;
        this.name = name;
        this.type = type;
        this.defaultValue = defaultValue;
        this.description = description;
        this.mutable = mutable;
        this.validators = List.copyOf(validators);
        checkDefault();
    }

    /**
     * A key of any {@link ConfigType}.
     *
     * @throws IllegalArgumentException if the section or name is not a valid ini name, the description is blank, or
     *     the default does not survive a write and re-read as ini text
     */
    public static <T> ConfigKey<T> of(
            String section, String name, ConfigType<T> type, T defaultValue, String description) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(description, "description");
        if (section == null || !SECTION.matcher(section).matches()) {
            throw new IllegalArgumentException("invalid config section name: '" + section + "'");
        }
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid config key name: [" + section + "] '" + name + "'");
        }
        if (description.isBlank()) {
            throw new IllegalArgumentException("config key [" + section + "] " + name + " has no description");
        }
        return new ConfigKey<>(section, name, type, defaultValue, description.strip(), false, List.of());
    }

    /** A signed 32-bit integer key. */
    public static ConfigKey<Integer> intKey(String section, String name, int defaultValue, String description) {
        return of(section, name, ConfigType.INT32, defaultValue, description);
    }

    /** A non-negative 32-bit integer key (Pegasus uint32). */
    public static ConfigKey<Integer> uintKey(String section, String name, int defaultValue, String description) {
        return of(section, name, ConfigType.UINT32, defaultValue, description);
    }

    /** A signed 64-bit integer key. */
    public static ConfigKey<Long> longKey(String section, String name, long defaultValue, String description) {
        return of(section, name, ConfigType.INT64, defaultValue, description);
    }

    /** A non-negative 64-bit integer key (Pegasus uint64). */
    public static ConfigKey<Long> ulongKey(String section, String name, long defaultValue, String description) {
        return of(section, name, ConfigType.UINT64, defaultValue, description);
    }

    /** A floating-point key. */
    public static ConfigKey<Double> doubleKey(String section, String name, double defaultValue, String description) {
        return of(section, name, ConfigType.DOUBLE, defaultValue, description);
    }

    /** A boolean key. */
    public static ConfigKey<Boolean> boolKey(String section, String name, boolean defaultValue, String description) {
        return of(section, name, ConfigType.BOOL, defaultValue, description);
    }

    /** A string key. */
    public static ConfigKey<String> stringKey(String section, String name, String defaultValue, String description) {
        return of(section, name, ConfigType.STRING, defaultValue, description);
    }

    /** A comma-separated list key, e.g. {@code [meta_server] server_list}. */
    public static ConfigKey<List<String>> stringListKey(
            String section, String name, List<String> defaultValue, String description) {
        return of(section, name, ConfigType.STRING_LIST, List.copyOf(defaultValue), description);
    }

    /** An enum key; see {@link ConfigType#enumType} for how values are written. */
    public static <E extends Enum<E>> ConfigKey<E> enumKey(
            String section, String name, E defaultValue, String description) {
        return of(section, name, ConfigType.enumType(defaultValue.getDeclaringClass()), defaultValue, description);
    }

    /** A duration key written in milliseconds (for names ending in {@code _ms}). */
    public static ConfigKey<Duration> millisKey(String section, String name, long defaultMs, String description) {
        return of(section, name, ConfigType.MILLIS, Duration.ofMillis(defaultMs), description);
    }

    /** A duration key written in seconds (for names ending in {@code _seconds}). */
    public static ConfigKey<Duration> secondsKey(String section, String name, long defaultSeconds, String description) {
        return of(section, name, ConfigType.SECONDS, Duration.ofSeconds(defaultSeconds), description);
    }

    /** This key, tagged mutable: it may be changed at runtime ({@code /updateConfig}). */
    public ConfigKey<T> mutable() {
        return new ConfigKey<>(section, name, type, defaultValue, description, true, validators);
    }

    /** This key with an extra validator. */
    public ConfigKey<T> validator(Validator<? super T> validator) {
        List<Validator<? super T>> more = new ArrayList<>(validators);
        more.add(Objects.requireNonNull(validator, "validator"));
        return new ConfigKey<>(section, name, type, defaultValue, description, mutable, more);
    }

    /** This key with a lower bound; for numeric types (durations are bounded in their unit). */
    public ConfigKey<T> min(long min) {
        return bound(Validators.min(min));
    }

    /** This key with a lower bound; for numeric types. */
    public ConfigKey<T> min(double min) {
        return bound(Validators.min(min));
    }

    /** This key with an upper bound; for numeric types (durations are bounded in their unit). */
    public ConfigKey<T> max(long max) {
        return bound(Validators.max(max));
    }

    /** This key with an upper bound; for numeric types. */
    public ConfigKey<T> max(double max) {
        return bound(Validators.max(max));
    }

    private ConfigKey<T> bound(Validator<Number> numeric) {
        if (!type.isNumeric()) {
            throw new IllegalArgumentException(this + " has type " + type + ", which has no bounds");
        }
        return validator(new Validator<T>() {
            @Override
            public Optional<String> check(T value) {
                return numeric.check(type.magnitude(value));
            }

            @Override
            public String describe() {
                return numeric.describe();
            }
        });
    }

    /** The ini section, e.g. {@code replication}. */
    public String section() {
        return section;
    }

    /** The key name within its section, e.g. {@code prepare_timeout_ms_for_secondaries}. */
    public String name() {
        return name;
    }

    /** {@code section.name}, the form used by command-line overrides. */
    public String qualifiedName() {
        return section + "." + name;
    }

    /** The type. */
    public ConfigType<T> type() {
        return type;
    }

    /** The compiled-in default. */
    public T defaultValue() {
        return defaultValue;
    }

    /** One or more sentences saying what the key does. */
    public String description() {
        return description;
    }

    /** Whether the key may be changed at runtime. */
    public boolean isMutable() {
        return mutable;
    }

    /** The validators, in the order they were added. */
    public List<Validator<? super T>> validators() {
        return validators;
    }

    /**
     * Parses ini text and validates the value.
     *
     * @throws IllegalArgumentException whose message completes {@code <value> ...}
     */
    public T parse(String text) {
        T value = type.parse(text);
        check(value);
        return value;
    }

    /**
     * Runs the validators on a value.
     *
     * @throws IllegalArgumentException whose message completes {@code <value> ...}
     */
    public void check(T value) {
        for (Validator<? super T> validator : validators) {
            Optional<String> problem = validator.check(value);
            if (problem.isPresent()) {
                throw new IllegalArgumentException(problem.get());
            }
        }
    }

    /** The value as ini text. */
    public String format(T value) {
        return type.format(value);
    }

    /** The default as ini text. */
    public String defaultText() {
        return type.format(defaultValue);
    }

    /** Casts a value read from an untyped store; fails loudly if it is not of this key's type. */
    T cast(Object value) {
        return type.javaType().cast(value);
    }

    /**
     * Whether {@code other} declares the same key: section, name, type, default, description and mutable tag
     * (validators cannot be compared and are ignored).
     */
    public boolean sameDefinition(ConfigKey<?> other) {
        return section.equals(other.section)
                && name.equals(other.name)
                && type.equals(other.type)
                && defaultValue.equals(other.defaultValue)
                && description.equals(other.description)
                && mutable == other.mutable;
    }

    @Override
    public String toString() {
        return "[" + section + "] " + name;
    }

    private void checkDefault() {
        String text = type.format(defaultValue);
        T reread;
        try {
            reread = type.parse(text);
            check(defaultValue);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "default of " + this + " = \"" + text + "\" " + e.getMessage() + " (a programming error)", e);
        }
        if (!reread.equals(defaultValue)) {
            throw new IllegalArgumentException(
                    "default of " + this + " does not survive writing as \"" + text + "\" and reading back");
        }
    }
}
