package io.enif.meta.guardian;

/** How the guardian judged one partition in a pass (Pegasus's {@code pc_status}). */
public enum CureStatus {
    /** One primary and exactly {@code max_replica_count - 1} secondaries. */
    HEALTHY,
    /** Short of (or over) its members, but curable; a proposal may have been made. */
    ILL,
    /** No alive member to build on: waiting for one to return, or for an operator (DDD). */
    DEAD,
    /** Not looked at: a ZooKeeper write is in flight, or it is a split child not registered yet. */
    SKIPPED
}
