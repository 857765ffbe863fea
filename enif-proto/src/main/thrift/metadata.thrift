// Enif's IDL for the per-replica state that the meta server and the replica servers exchange:
// a replica's role in its group (replica_configuration) and what a replica server holds on disk
// (replica_info). Names, ids and defaults are Pegasus's (spec/internal-rpc.md §2, §6.2).

include "base.thrift"

namespace java io.enif.proto.replication

// The role of one replica in its partition's group.
enum partition_status {
    PS_INVALID = 0,
    PS_INACTIVE = 1,
    PS_ERROR = 2,
    PS_PRIMARY = 3,
    PS_SECONDARY = 4,
    // A learner: catching up before it may become a secondary.
    PS_POTENTIAL_SECONDARY = 5,
    // A child replica while its parent splits.
    PS_PARTITION_SPLIT = 6
}

// Where a table is in a partition split.
enum split_status {
    NOT_SPLIT = 0,
    SPLITTING = 1,
    PAUSING = 2,
    PAUSED = 3,
    CANCELING = 4
}

// Health of the disk a replica lives on, reported to the primary in group checks.
enum disk_status {
    NORMAL = 0,
    SPACE_INSUFFICIENT = 1,
    IO_ERROR = 2
}

enum manual_compaction_status {
    IDLE = 0,
    QUEUING = 1,
    RUNNING = 2,
    FINISHED = 3
}

// A file offered for copying (bulk load metadata, checkpoints).
struct file_meta {
    1: string name;
    2: i64 size;
    3: string md5;
}

// What one member of a group must know about its own role: sent by the primary with prepares,
// group checks and learn replies, and by the meta server inside proposals.
struct replica_configuration {
    1: base.gpid pid;
    2: i64 ballot;
    3: base.rpc_address primary;
    4: partition_status status = partition_status.PS_INVALID;
    // Identifies one learning round of a potential secondary; stale rounds are ignored.
    5: i64 learner_signature;
    // Bulk load: commit everything in the prepare list at once.
    6: optional bool pop_all = false;
    // Split: the primary also waits for the child's acks.
    7: optional bool split_sync_to_child = false;
    8: optional base.host_port hp_primary;
}

// One replica that a replica server holds, as it reports it in config sync and recovery.
struct replica_info {
    1: base.gpid pid;
    2: i64 ballot;
    3: partition_status status;
    4: i64 last_committed_decree;
    5: i64 last_prepared_decree;
    // The last decree that is durable in the storage engine (flushed, not only logged).
    6: i64 last_durable_decree;
    7: string app_type;
    8: string disk_tag;
    9: optional manual_compaction_status manual_compact_status;
}
