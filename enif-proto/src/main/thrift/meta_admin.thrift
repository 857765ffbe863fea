// Enif's IDL for the meta server's table RPCs that clients use (spec/protocol.md §6, §7, §10):
// RPC_CM_QUERY_PARTITION_CONFIG_BY_INDEX, RPC_CM_CREATE_APP, RPC_CM_DROP_APP, RPC_CM_LIST_APPS.

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
    3: optional i32 match_type;
}

struct configuration_list_apps_response {
    1: base.error_code err;
    2: list<layer2.app_info> infos;
    3: optional string hint_message;
}
