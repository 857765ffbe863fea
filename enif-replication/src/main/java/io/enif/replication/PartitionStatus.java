package io.enif.replication;

/**
 * The role of one replica in its partition's group (Pegasus's {@code partition_status}, without the {@code PS_}
 * prefix; split children are not modelled yet).
 */
public enum PartitionStatus {
    /**
     * Not serving: after start, after losing the meta server, while a reconfiguration is in flight ("transient"), or
     * after being removed from the group.
     */
    INACTIVE,
    /** A local I/O or logic error; the replica is closed and its directory renamed by the driver. */
    ERROR,
    /** Assigns decrees, prepares to the group and commits; serves reads and writes. */
    PRIMARY,
    /** A full member: logs and acks every prepare, commits up to the primary's commit point. */
    SECONDARY,
    /** A learner catching up with the primary before it may become a secondary. */
    POTENTIAL_SECONDARY
}
