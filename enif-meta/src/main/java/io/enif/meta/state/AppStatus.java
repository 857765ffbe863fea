package io.enif.meta.state;

/**
 * A table's status, with Pegasus's names and wire values ({@code app_status}; {@code
 * spec/ops-recovery-and-architecture.md} §6.3). Only {@code AS_AVAILABLE} and {@code AS_DROPPED} are ever persisted;
 * the others are in-memory stages.
 */
public enum AppStatus {
    AS_INVALID(0),
    AS_AVAILABLE(1),
    AS_CREATING(2),
    AS_CREATE_FAILED(3),
    AS_DROPPING(4),
    AS_DROP_FAILED(5),
    AS_DROPPED(6),
    AS_RECALLING(7);

    private final int value;

    AppStatus(int value) {
        this.value = value;
    }

    /** The Thrift enum value. */
    public int value() {
        return value;
    }

    /** Whether the table is between two stable states (creating, dropping or recalling). */
    public boolean isStaging() {
        return this == AS_CREATING || this == AS_DROPPING || this == AS_RECALLING;
    }

    /** The status with Thrift value {@code value}. */
    public static AppStatus fromValue(int value) {
        for (AppStatus status : values()) {
            if (status.value == value) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown app_status value " + value);
    }
}
