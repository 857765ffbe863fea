package io.enif.meta.fd;

/**
 * What the meta server does with one beacon.
 *
 * @param verdict whether and how the beacon is answered
 * @param becameAlive whether this beacon brought the node (back) to life; the same transition is also reported by the
 *     next {@link FailureDetector#check(long)}
 */
public record BeaconResult(Verdict verdict, boolean becameAlive) {

    /** Whether and how a beacon is answered. */
    public enum Verdict {
        /** Acked with {@code allowed = true}; the node's lease is extended. */
        ACCEPTED,
        /** Acked with {@code allowed = false}: the white list is on and the node is not on it. */
        REFUSED_NOT_IN_WHITE_LIST,
        /** Not answered at all: the node restarted unstably too often (FD-4) and is kept dead. */
        IGNORED_UNSTABLE
    }

    /** Whether the ack tells the replica server it may keep serving. */
    public boolean accepted() {
        return verdict == Verdict.ACCEPTED;
    }
}
