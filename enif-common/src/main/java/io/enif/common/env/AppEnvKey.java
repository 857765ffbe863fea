package io.enif.common.env;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongPredicate;

/**
 * One key of the table env registry: its name, value type, limits and default.
 *
 * @param name the key exactly as operators type it (case-sensitive, {@code .} separates namespaces)
 * @param type the value's type
 * @param limitation the allowed values in words, as {@code /envs/list} prints them ("" when any value of the type is
 *     fine)
 * @param sample an example value, as {@code /envs/list} prints it
 * @param defaultValue the value that an absent key is equivalent to, or null when absence means "use the server's
 *     configuration" or "feature off" (see {@code description})
 * @param description what the key does and what its absence means
 * @param internal whether the meta server writes the key itself (duplication bookkeeping) rather than operators
 * @param check the key's own check, run after the value parsed as {@code type}
 */
public record AppEnvKey(
        String name,
        EnvValueType type,
        String limitation,
        String sample,
        String defaultValue,
        String description,
        boolean internal,
        EnvValueCheck check) {

    public AppEnvKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(limitation, "limitation");
        Objects.requireNonNull(sample, "sample");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(check, "check");
    }

    /** A boolean key: {@code true | false}. */
    static AppEnvKey bool(String name, String defaultValue, String description) {
        return new AppEnvKey(
                name, EnvValueType.BOOL, "true | false", "true", defaultValue, description, false, EnvValueCheck.ANY);
    }

    /** An integer key whose parsed value must satisfy {@code allowed}, described by {@code limitation}. */
    static AppEnvKey integer(
            String name,
            EnvValueType type,
            String limitation,
            String sample,
            LongPredicate allowed,
            String defaultValue,
            String description) {
        EnvValueCheck check = value ->
                allowed.test(Long.parseLong(value)) ? Optional.empty() : Optional.of("should be " + limitation);
        return new AppEnvKey(name, type, limitation, sample, defaultValue, description, false, check);
    }

    /** A string key checked by {@code check}. */
    static AppEnvKey string(
            String name,
            String limitation,
            String sample,
            EnvValueCheck check,
            String defaultValue,
            String description) {
        return new AppEnvKey(name, EnvValueType.STRING, limitation, sample, defaultValue, description, false, check);
    }

    /** A free-text key the meta server writes itself; accepted as any string. */
    static AppEnvKey internalString(String name, String description) {
        return new AppEnvKey(name, EnvValueType.STRING, "", "", null, description, true, EnvValueCheck.ANY);
    }

    /**
     * Why {@code value} is not acceptable for this key, or empty when it is.
     *
     * <p>Integers are decimal with an optional sign and no blanks; booleans are {@code true} or {@code false} in any
     * letter case, as Pegasus parses them.
     */
    public Optional<String> problem(String value) {
        if (value == null) {
            return Optional.of("the value is missing");
        }
        switch (type) {
            case BOOL -> {
                String lower = value.toLowerCase(Locale.ROOT);
                if (!lower.equals("true") && !lower.equals("false")) {
                    return Optional.of("should be a boolean (true | false)");
                }
            }
            case INT32 -> {
                if (!parses(value, true)) {
                    return Optional.of("should be a 32-bit integer");
                }
            }
            case INT64 -> {
                if (!parses(value, false)) {
                    return Optional.of("should be a 64-bit integer");
                }
            }
            case STRING -> {
                // checked by the key's own grammar below
            }
        }
        return check.problem(value);
    }

    private static boolean parses(String value, boolean int32) {
        try {
            long parsed = Long.parseLong(value);
            return !int32 || (parsed >= Integer.MIN_VALUE && parsed <= Integer.MAX_VALUE);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
