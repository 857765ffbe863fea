// Enif's IDL for the meta server's table RPCs.
// Clients use (spec/protocol.md §6, §7, §10): RPC_CM_QUERY_PARTITION_CONFIG_BY_INDEX,
// RPC_CM_CREATE_APP, RPC_CM_DROP_APP, RPC_CM_LIST_APPS.
// The admin tools also use (spec/internal-rpc.md §3, §4): RPC_CM_RECALL_APP, RPC_CM_RENAME_APP,
// RPC_CM_UPDATE_APP_ENV, RPC_CM_GET/SET_MAX_REPLICA_COUNT, RPC_CM_GET/SET_ATOMIC_IDEMPOTENT,
// RPC_CM_START_MANUAL_COMPACT, RPC_CM_QUERY_MANUAL_COMPACT_STATUS.
// Cluster-wide admin RPCs (nodes, meta level, balancer, DDD, recovery) are in meta_cluster.thrift.

include "base.thrift"
include "layer2.thrift"

namespace java io.enif.proto.admin

struct query_cfg_request {
    1: string app_name;
    // Empty = every partition.
    2: list<i32> partition_indices;
}

struct query_cfg_response {
    1: base.error_code err;
    2: i32 app_id;
    3: i32 partition_count;
    4: bool is_stateful;
    5: list<layer2.partition_configuration> partitions;
}

struct create_app_options {
    1: i32 partition_count;
    2: i32 replica_count;
    3: bool success_if_exist;
    4: string app_type;
    5: bool is_stateful;
    6: map<string, string> envs;
    7: optional bool atomic_idempotent = false;
}

struct configuration_create_app_request {
    1: string app_name;
    2: create_app_options options;
}

struct configuration_create_app_response {
    1: base.error_code err;
    2: i32 appid;
}

struct drop_app_options {
    1: bool success_if_not_exist;
    2: optional i64 reserve_seconds;
}

struct configuration_drop_app_request {
    1: string app_name;
    2: drop_app_options options;
}

struct configuration_drop_app_response {
    1: base.error_code err;
}

struct configuration_list_apps_request {
    1: layer2.app_status status = layer2.app_status.AS_INVALID;
    2: optional string app_name_pattern;
    // A utils.pattern_match_type value (Pegasus declares the enum; the wire is the same i32).
    3: optional i32 match_type;
}

struct configuration_list_apps_response {
    1: base.error_code err;
    2: list<layer2.app_info> infos;
    3: optional string hint_message;
}

// ---- recall and rename ----

// Brings a dropped table back while its reserve time has not run out.
struct configuration_recall_app_request {
    1: i32 app_id;
    // "" = keep the old name.
    2: string new_app_name;
}

struct configuration_recall_app_response {
    1: base.error_code err;
    // The recalled table.
    2: layer2.app_info info;
}

struct configuration_rename_app_request {
    1: string old_app_name;
    2: string new_app_name;
}

struct configuration_rename_app_response {
    1: base.error_code err;
    2: string hint_message;
}

// ---- table envs ----

enum app_env_operation {
    APP_ENV_OP_INVALID = 0,
    APP_ENV_OP_SET = 1,
    APP_ENV_OP_DEL = 2,
    APP_ENV_OP_CLEAR = 3
}

// Changes a table's envs. There is no "get envs" RPC: tools read app_info.envs from list_apps.
struct configuration_update_app_env_request {
    1: string app_name;
    2: app_env_operation op = app_env_operation.APP_ENV_OP_INVALID;
    // SET and DEL.
    3: optional list<string> keys;
    // SET only; pairs with keys.
    4: optional list<string> values;
    // CLEAR only: "" removes every env, "p" removes the keys of the form "p.<more>".
    5: optional string clear_prefix;
}

struct configuration_update_app_env_response {
    1: base.error_code err;
    2: string hint_message;
}

// ---- replica count ----

struct configuration_get_max_replica_count_request {
    1: string app_name;
}

struct configuration_get_max_replica_count_response {
    1: base.error_code err;
    2: i32 max_replica_count;
    3: string hint_message;
}

struct configuration_set_max_replica_count_request {
    1: string app_name;
    2: i32 max_replica_count;
}

struct configuration_set_max_replica_count_response {
    1: base.error_code err;
    2: i32 old_max_replica_count;
    3: string hint_message;
}

// ---- atomic idempotence of a table's atomic writes (incr, check-and-set, check-and-mutate) ----

struct configuration_get_atomic_idempotent_request {
    1: string app_name;
}

struct configuration_get_atomic_idempotent_response {
    1: base.error_code err;
    2: bool atomic_idempotent;
    3: string hint_message;
}

struct configuration_set_atomic_idempotent_request {
    1: string app_name;
    2: bool atomic_idempotent;
}

struct configuration_set_atomic_idempotent_response {
    1: base.error_code err;
    2: bool old_atomic_idempotent;
    3: string hint_message;
}

// ---- manual compaction of a whole table ----

struct start_app_manual_compact_request {
    1: string app_name;
    // Seconds since the Unix epoch; absent = now.
    2: optional i64 trigger_time;
    3: optional i32 target_level;
    4: optional bool bottommost;
    // How many replicas of the table may compact at once.
    5: optional i32 max_running_count;
}

struct start_app_manual_compact_response {
    // ERR_APP_NOT_EXIST, ERR_APP_DROPPED, ERR_OPERATION_DISABLED, ERR_INVALID_PARAMETERS, ...
    1: base.error_code err;
    2: string hint_msg;
}

struct query_app_manual_compact_request {
    1: string app_name;
}

struct query_app_manual_compact_response {
    // ERR_INVALID_STATE when the table is not compacting.
    1: base.error_code err;
    2: string hint_msg;
    // Percent done.
    3: optional i32 progress;
}
