package io.enif.replica.plog;

import java.util.Arrays;

/**
 * One record of a private log: a mutation, encoded by the replica, logged for {@code decree} at {@code ballot}.
 *
 * <p>Equality compares the record bytes by content.
 */
public record LogRecord(long decree, long ballot, byte[] record) {

    @Override
    public boolean equals(Object o) {
        return o instanceof LogRecord other
                && decree == other.decree
                && ballot == other.ballot
                && Arrays.equals(record, other.record);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Long.hashCode(decree) + Long.hashCode(ballot)) + Arrays.hashCode(record);
    }

    @Override
    public String toString() {
        return "LogRecord[decree=" + decree + ", ballot=" + ballot + ", bytes=" + record.length + "]";
    }
}
