// Enif's IDL for cross-cluster duplication (spec/internal-rpc.md §4, §6).
// Admin RPCs served by the meta server:
//   RPC_CM_ADD_DUPLICATION, RPC_CM_MODIFY_DUPLICATION, RPC_CM_QUERY_DUPLICATION,
//   RPC_CM_LIST_DUPLICATION.
// Between servers:
//   RPC_CM_DUPLICATION_SYNC (replica -> meta, periodic),
//   RPC_RRDB_RRDB_DUPLICATE (master-cluster replica -> follower cluster; a storage write, which
//   a Pegasus peer may send, so its bytes must match Pegasus's).
// Names, ids and defaults are Pegasus's.

include "base.thrift"
include "utils.thrift"

namespace java io.enif.proto.duplication

enum duplication_mode {
    FULL = 0,
    INCREMENTAL = 1
}

enum duplication_status {
    DS_INIT = 0,
    // The master prepares a checkpoint for the follower.
    DS_PREPARE = 1,
    // The follower copies that checkpoint.
    DS_APP = 2,
    // The master ships its log.
    DS_LOG = 3,
    DS_PAUSE = 4,
    DS_REMOVED = 5
}

// What to do when shipping a mutation fails.
enum duplication_fail_mode {
    // Retry until it succeeds.
    FAIL_SLOW = 0,
    // Skip the mutation.
    FAIL_SKIP = 1,
    // Stop the duplication.
    FAIL_FAST = 2
}

// ---- admin ----

struct duplication_add_request {
    1: string app_name;
    2: string remote_cluster_name;
    // false: ship only new writes, not the existing data.
    3: optional bool is_duplicating_checkpoint = true;
    4: optional string remote_app_name;
    // 0 = the source table's replica count.
    5: optional i32 remote_replica_count;
}

struct duplication_add_response {
    1: base.error_code err;
    2: i32 appid;
    3: i32 dupid;
    4: optional string hint;
    5: optional string remote_app_name;
    6: optional i32 remote_replica_count;
}

struct duplication_modify_request {
    1: string app_name;
    2: i32 dupid;
    3: optional duplication_status status;
    4: optional duplication_fail_mode fail_mode;
}

struct duplication_modify_response {
    1: base.error_code err;
    2: i32 appid;
}

struct duplication_partition_state {
    1: i64 confirmed_decree;
    2: i64 last_committed_decree;
}

// One duplication of a table.
struct duplication_entry {
    1: i32 dupid;
    2: duplication_status status;
    3: string remote;
    4: i64 create_ts;
    // partition index -> confirmed decree.
    5: optional map<i32, i64> progress;
    // Field 6 is unused.
    7: optional duplication_fail_mode fail_mode;
    8: optional string remote_app_name;
    9: optional i32 remote_replica_count;
    10: optional duplication_mode mode;
    11: optional map<i32, duplication_partition_state> partition_states;
}

struct duplication_query_request {
    1: string app_name;
}

struct duplication_query_response {
    1: base.error_code err;
    // Field 2 is unused.
    3: i32 appid;
    4: list<duplication_entry> entry_list;
}

struct duplication_list_request {
    1: string app_name_pattern;
    2: utils.pattern_match_type match_type;
}

// Every duplication of one table.
struct duplication_app_state {
    1: i32 appid;
    2: map<i32, duplication_entry> duplications;
    3: string app_name;
    4: i32 partition_count;
}

struct duplication_list_response {
    1: base.error_code err;
    2: string hint_message;
    // app name -> its duplications.
    3: map<string, duplication_app_state> app_states;
}

// ---- replica <-> meta ----

// How far one duplication of one partition has got.
struct duplication_confirm_entry {
    1: i32 dupid;
    2: i64 confirmed_decree;
    3: optional bool checkpoint_prepared = false;
    4: optional i64 last_committed_decree;
}

struct duplication_sync_request {
    1: base.rpc_address node;
    2: map<base.gpid, list<duplication_confirm_entry>> confirm_list;
    // Not optional in Pegasus's IDL.
    3: base.host_port hp_node;
}

struct duplication_sync_response {
    1: base.error_code err;
    // app_id -> dupid -> the duplication as the meta server has it.
    2: map<i32, map<i32, duplication_entry>> dup_map;
}

// ---- the shipped writes (RPC_RRDB_RRDB_DUPLICATE) ----

// One write shipped to the follower cluster.
struct duplicate_entry {
    1: optional i64 timestamp;
    // The original write's message name.
    2: optional base.task_code task_code;
    // The original write's request body.
    3: optional base.blob raw_message;
    4: optional i8 cluster_id;
    5: optional bool verify_timetag;
}

struct duplicate_request {
    1: list<duplicate_entry> entries;
}

struct duplicate_response {
    1: optional i32 error;
    2: optional string error_hint;
}
