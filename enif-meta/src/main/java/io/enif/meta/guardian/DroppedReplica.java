package io.enif.meta.guardian;

import io.enif.common.HostPort;
import java.util.Comparator;
import java.util.Objects;

/**
 * A former member of a partition that may still hold its data: a candidate to come back as a secondary, or as the
 * primary of a dead partition ({@code spec/ops-recovery-and-architecture.md} §6.3).
 *
 * @param node the node
 * @param timeMs when the meta server removed it, or {@link #UNKNOWN_TIME} when it was only reported by config sync
 * @param ballot the replica's ballot as reported by config sync, or {@link #NOT_COLLECTED}
 * @param lastCommittedDecree as reported, or -1
 * @param lastPreparedDecree as reported, or -1
 */
public record DroppedReplica(
        HostPort node, long timeMs, long ballot, long lastCommittedDecree, long lastPreparedDecree) {

    /** Drop time of a candidate only known from config sync; such a drop counts as long ago. */
    public static final long UNKNOWN_TIME = 0;

    /** Ballot of a candidate whose replica info was not collected. */
    public static final long NOT_COLLECTED = -1;

    /**
     * The order of the dropped list, "has more data" last: drop time, then ballot, then committed decree, then
     * prepared decree.
     */
    public static final Comparator<DroppedReplica> ORDER = Comparator.comparingLong(DroppedReplica::timeMs)
            .thenComparingLong(DroppedReplica::ballot)
            .thenComparingLong(DroppedReplica::lastCommittedDecree)
            .thenComparingLong(DroppedReplica::lastPreparedDecree);

    public DroppedReplica {
        Objects.requireNonNull(node, "node");
    }

    /** A node the meta server removed at {@code timeMs}, with no replica info yet. */
    public static DroppedReplica removedAt(HostPort node, long timeMs) {
        return new DroppedReplica(node, timeMs, NOT_COLLECTED, -1, -1);
    }

    /** Whether replica info was collected for it. */
    public boolean collected() {
        return ballot != NOT_COLLECTED;
    }
}
