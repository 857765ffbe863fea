package io.enif.meta.state;

import java.util.Locale;

/**
 * The kinds of partition configuration change, with Pegasus's names and wire values ({@code config_type}; {@code
 * spec/ops-recovery-and-architecture.md} §6.10). The Thrift name is {@code CT_} followed by the constant's name.
 */
public enum ConfigType {
    INVALID(0),
    /** Meta → node: the node becomes primary (new partitions, restores, DDD). */
    ASSIGN_PRIMARY(1),
    /** Meta → a secondary: it becomes primary. */
    UPGRADE_TO_PRIMARY(2),
    /** Meta → primary: start a learner on the node; no configuration change yet. */
    ADD_SECONDARY(3),
    /** Primary → meta: a learner caught up and joins the secondaries. */
    UPGRADE_TO_SECONDARY(4),
    /** Meta → primary: the primary steps down into the secondaries (balancer step). */
    DOWNGRADE_TO_SECONDARY(5),
    /** Primary → meta, or meta itself on node death: the node leaves the group. */
    DOWNGRADE_TO_INACTIVE(6),
    /** Meta → primary: remove the node from the group. */
    REMOVE(7),
    /** Like {@link #ADD_SECONDARY}, issued by the balancer. */
    ADD_SECONDARY_FOR_LB(8),
    /** A restarted replica still listed as primary bumps the ballot. */
    PRIMARY_FORCE_UPDATE_BALLOT(9),
    /** Meta only, when a table is dropped: every member moves to last_drops. */
    DROP_PARTITION(10),
    /** Partition split: a child registers. */
    REGISTER_CHILD(11);

    private final int value;

    ConfigType(int value) {
        this.value = value;
    }

    /** The Thrift enum value. */
    public int value() {
        return value;
    }

    /** The Thrift name, e.g. {@code CT_ASSIGN_PRIMARY}. */
    public String thriftName() {
        return "CT_" + name();
    }

    /** Whether applying this change adds its node to the group (and so removes it from last_drops). */
    public boolean addsNode() {
        return this == ASSIGN_PRIMARY || this == UPGRADE_TO_PRIMARY || this == UPGRADE_TO_SECONDARY;
    }

    /** Whether applying this change removes its node from the group (and so appends it to last_drops). */
    public boolean removesNode() {
        return this == DOWNGRADE_TO_INACTIVE || this == REMOVE || this == DROP_PARTITION;
    }

    /** Whether this proposal only starts a learner and changes no configuration by itself. */
    public boolean isAddSecondary() {
        return this == ADD_SECONDARY || this == ADD_SECONDARY_FOR_LB;
    }

    /** The type with Thrift value {@code value}. */
    public static ConfigType fromValue(int value) {
        for (ConfigType type : values()) {
            if (type.value == value) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown config_type value " + value);
    }

    /**
     * Parses a type as the shell's {@code propose -p} gives it: with or without {@code CT_}, in either letter case.
     *
     * @throws IllegalArgumentException naming the text when it is not a known type
     */
    public static ConfigType parse(String text) {
        String name = text.trim().toUpperCase(Locale.ROOT);
        if (name.startsWith("CT_")) {
            name = name.substring(3);
        }
        try {
            return valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown config type '" + text + "'", e);
        }
    }
}
