package io.enif.meta.level;

import java.util.Locale;

/**
 * The meta function levels, lowest first, with Pegasus's wire values ({@code meta_function_level}).
 *
 * <p>{@code set_meta_level} and {@code get_meta_level} print the Thrift name ({@code fl_steady}); {@code cluster_info}
 * prints the plain name ({@code steady}).
 */
public enum MetaFunctionLevel {
    /** Nothing that changes metadata. */
    STOPPED(100),
    /** No metadata writes to ZooKeeper (ZooKeeper migration). */
    BLIND(200),
    /** Demotes dead primaries but cures nothing; set automatically when too few nodes are alive. */
    FREEZED(300),
    /** Full cure, no balancing: the default. */
    STEADY(400),
    /** Cure and balance. */
    LIVELY(500);

    private final int value;

    MetaFunctionLevel(int value) {
        this.value = value;
    }

    /** The Thrift enum value. */
    public int value() {
        return value;
    }

    /** The name {@code set_meta_level} and {@code get_meta_level} print, e.g. {@code fl_steady}. */
    public String thriftName() {
        return "fl_" + displayName();
    }

    /** The name {@code cluster_info} prints and operators type, e.g. {@code steady}. */
    public String displayName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether setting this level discards every queued proposal (levels up to steady do, §6.12). */
    public boolean clearsQueuedProposals() {
        return value <= STEADY.value;
    }

    /**
     * Parses {@code steady} or {@code fl_steady}, in either letter case.
     *
     * @throws IllegalArgumentException listing the levels when the text is none of them
     */
    public static MetaFunctionLevel parse(String text) {
        String name = text.trim().toUpperCase(Locale.ROOT);
        if (name.startsWith("FL_")) {
            name = name.substring(3);
        }
        for (MetaFunctionLevel level : values()) {
            if (level.name().equals(name)) {
                return level;
            }
        }
        throw new IllegalArgumentException(
                "unknown meta level '" + text + "', expected stopped|blind|freezed|steady|lively");
    }

    /** The level with Thrift value {@code value}. */
    public static MetaFunctionLevel fromValue(int value) {
        for (MetaFunctionLevel level : values()) {
            if (level.value == value) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown meta_function_level value " + value);
    }
}
