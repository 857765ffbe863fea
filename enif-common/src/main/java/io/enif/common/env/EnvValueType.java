package io.enif.common.env;

/**
 * The type of an app env's value, as the meta server's {@code /envs/list} names it.
 *
 * <p>The JSON names follow Pegasus's registry, which calls both integer kinds "unsigned" even though some keys accept
 * {@code -1}; the limits of each key say what is really allowed.
 */
public enum EnvValueType {
    /** {@code true} or {@code false}, in any letter case. */
    BOOL("bool"),
    /** A decimal integer that fits in 32 bits. */
    INT32("unsigned int32"),
    /** A decimal integer that fits in 64 bits. */
    INT64("unsigned int64"),
    /** Free text, or a structured value checked by the key's own grammar. */
    STRING("string");

    private final String jsonName;

    EnvValueType(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name {@code /envs/list} prints in its {@code type} field. */
    public String jsonName() {
        return jsonName;
    }
}
