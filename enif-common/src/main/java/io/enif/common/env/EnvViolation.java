package io.enif.common.env;

import java.util.Objects;

/**
 * Why one env key/value pair was refused.
 *
 * @param key the key as given
 * @param value the value as given
 * @param hint what is wrong, in words
 * @param unknownKey whether the key is not in the registry at all
 */
public record EnvViolation(String key, String value, String hint, boolean unknownKey) {

    public EnvViolation {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(hint, "hint");
    }

    /**
     * The message for the operator, naming the key and the value: {@code app_env 'foo' is not supported (value 'x')}
     * or {@code invalid value 'abc' for app_env 'default_ttl': should be a 32-bit integer}.
     */
    public String message() {
        if (unknownKey) {
            return "app_env '" + key + "' is not supported (value '" + value + "')";
        }
        return "invalid value '" + value + "' for app_env '" + key + "': " + hint;
    }

    @Override
    public String toString() {
        return message();
    }
}
