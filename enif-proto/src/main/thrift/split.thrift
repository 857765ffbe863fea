// Enif's IDL for partition split: doubling a table's partition count
// (spec/internal-rpc.md §4, §6).
// Admin RPCs served by the meta server:
//   RPC_CM_START_PARTITION_SPLIT, RPC_CM_CONTROL_PARTITION_SPLIT, RPC_CM_QUERY_PARTITION_SPLIT.
// Between servers:
//   RPC_SPLIT_NOTIFY_CATCH_UP (child primary -> parent primary),
//   RPC_SPLIT_UPDATE_CHILD_PARTITION_COUNT (parent primary -> child replicas),
//   RPC_CM_REGISTER_CHILD_REPLICA, RPC_CM_NOTIFY_STOP_SPLIT, RPC_CM_QUERY_CHILD_STATE
//   (primary -> meta).
// Names, ids and defaults are Pegasus's (Pegasus's file is partition_split.thrift).

include "base.thrift"
include "layer2.thrift"
include "metadata.thrift"

namespace java io.enif.proto.split

enum split_control_type {
    PAUSE = 0,
    RESTART = 1,
    CANCEL = 2
}

// ---- admin ----

struct start_partition_split_request {
    1: string app_name;
    // Exactly twice the current count.
    2: i32 new_partition_count;
}

struct start_partition_split_response {
    1: base.error_code err;
    2: string hint_msg;
}

struct control_split_request {
    1: string app_name;
    2: split_control_type control_type;
    // -1 = every partition.
    3: i32 parent_pidx;
    // CANCEL only.
    4: optional i32 old_partition_count;
}

struct control_split_response {
    1: base.error_code err;
    2: optional string hint_msg;
}

struct query_split_request {
    1: string app_name;
}

struct query_split_response {
    1: base.error_code err;
    2: i32 new_partition_count;
    // parent partition index -> its split status.
    3: map<i32, metadata.split_status> status;
    4: optional string hint_msg;
}

// ---- between servers ----

struct notify_catch_up_request {
    1: base.gpid parent_gpid;
    2: base.gpid child_gpid;
    3: i64 child_ballot;
    4: base.rpc_address child;
    5: optional base.host_port hp_child;
}

// The misspelling is Pegasus's name.
struct notify_cacth_up_response {
    1: base.error_code err;
}

struct update_child_group_partition_count_request {
    1: base.rpc_address target;
    2: i32 new_partition_count;
    3: base.gpid child_pid;
    4: i64 ballot;
    5: optional base.host_port hp_target;
}

struct update_child_group_partition_count_response {
    1: base.error_code err;
}

struct register_child_request {
    1: layer2.app_info app;
    2: layer2.partition_configuration parent_config;
    3: layer2.partition_configuration child_config;
    4: base.rpc_address primary;
    5: optional base.host_port hp_primary;
}

struct register_child_response {
    1: base.error_code err;
    2: layer2.app_info app;
    3: layer2.partition_configuration parent_config;
    4: layer2.partition_configuration child_config;
}

struct notify_stop_split_request {
    1: string app_name;
    2: base.gpid parent_gpid;
    3: metadata.split_status meta_split_status;
    4: i32 partition_count;
}

struct notify_stop_split_response {
    1: base.error_code err;
}

struct query_child_state_request {
    1: string app_name;
    2: base.gpid pid;
    3: i32 partition_count;
}

struct query_child_state_response {
    1: base.error_code err;
    2: optional i32 partition_count;
    3: optional layer2.partition_configuration child_config;
}
