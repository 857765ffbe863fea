package io.enif.replication;

/**
 * The kind of a membership change (Pegasus's {@code config_type}, names kept exactly), as carried by the meta
 * server's proposals and by the primary's requests to persist a new configuration.
 */
public enum ConfigType {
    CT_INVALID,
    /** Meta → node: become the primary of a partition with no primary (new partition, restore, DDD). */
    CT_ASSIGN_PRIMARY,
    /** Meta → a secondary: become the primary. */
    CT_UPGRADE_TO_PRIMARY,
    /** Meta → primary: start a learner on {@code node}; the configuration changes only when it has caught up. */
    CT_ADD_SECONDARY,
    /** Primary → meta: a learner has caught up; add it to the secondaries. */
    CT_UPGRADE_TO_SECONDARY,
    /** Meta → primary: step down to secondary (balancer). */
    CT_DOWNGRADE_TO_SECONDARY,
    /** Primary → meta (or meta on node death): remove {@code node} from the group. */
    CT_DOWNGRADE_TO_INACTIVE,
    /** Meta → primary: remove {@code node}; the primary then tells the node. */
    CT_REMOVE,
    /** {@link #CT_ADD_SECONDARY} on behalf of the load balancer (allows one extra learner). */
    CT_ADD_SECONDARY_FOR_LB,
    /** A restarted or reconnected primary → meta: same members, ballot + 1. */
    CT_PRIMARY_FORCE_UPDATE_BALLOT,
    /** Meta only: the table is dropped. */
    CT_DROP_PARTITION,
    /** Partition split; not handled by the core yet. */
    CT_REGISTER_CHILD
}
