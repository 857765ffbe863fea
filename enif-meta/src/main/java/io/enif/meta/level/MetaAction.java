package io.enif.meta.level;

/** The kinds of work the meta function level gates ({@code spec/ops-recovery-and-architecture.md} §6.12). */
public enum MetaAction {
    /** Writing a partition configuration to ZooKeeper, including node-death downgrades and partition drops. */
    PERSIST_PARTITION_CONFIG,
    /** A replica's request to change its partition's configuration ({@code RPC_CM_UPDATE_PARTITION_CONFIGURATION}). */
    REPLICA_UPDATE_REQUEST,
    CREATE_TABLE,
    SET_MAX_REPLICA_COUNT,
    SET_ATOMIC_IDEMPOTENT,
    DROP_TABLE,
    RECALL_TABLE,
    /** set / del / clear app envs. */
    CHANGE_APP_ENVS,
    /** The guardian's cure pass. */
    CURE,
    /** The balancer's moves. */
    BALANCE,
    /** Telling replica servers, through config sync, to delete useless or expired replicas. */
    GC_REPLICAS,
    /** Manual {@code balance} and {@code propose} from the shell. */
    MANUAL_PROPOSAL
}
