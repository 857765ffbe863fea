// Enif's IDL for cold backup and restore (spec/internal-rpc.md §4, §6).
// Admin RPCs served by the meta server:
//   RPC_CM_ADD_BACKUP_POLICY, RPC_CM_QUERY_BACKUP_POLICY, RPC_CM_MODIFY_BACKUP_POLICY,
//   RPC_CM_START_BACKUP_APP, RPC_CM_QUERY_BACKUP_STATUS,
//   RPC_CM_START_RESTORE (replies with a configuration_create_app_response),
//   RPC_CM_QUERY_RESTORE_STATUS.
// Between servers:
//   RPC_COLD_BACKUP (meta -> primary, and primary -> secondaries one-way), RPC_CLEAR_COLD_BACKUP
//   (one-way), RPC_CM_REPORT_RESTORE_STATUS (replica -> meta).
// Names, ids and defaults are Pegasus's.

include "base.thrift"

namespace java io.enif.proto.backup

// ---- policies ----

struct configuration_add_backup_policy_request {
    1: string backup_provider_type;
    2: string policy_name;
    3: list<i32> app_ids;
    4: i64 backup_interval_seconds;
    5: i32 backup_history_count_to_keep;
    // "hh:mm", local time of the meta server.
    6: string start_time;
}

struct configuration_add_backup_policy_response {
    1: base.error_code err;
    2: string hint_message;
}

// Absent fields are left unchanged.
struct configuration_modify_backup_policy_request {
    1: string policy_name;
    2: optional list<i32> add_appids;
    3: optional list<i32> removal_appids;
    4: optional i64 new_backup_interval_sec;
    5: optional i32 backup_history_count_to_keep;
    6: optional bool is_disable;
    7: optional string start_time;
    8: optional bool force_disable;
}

struct configuration_modify_backup_policy_response {
    1: base.error_code err;
    2: string hint_message;
}

struct configuration_query_backup_policy_request {
    1: list<string> policy_names;
    // How many of each policy's most recent backups to list.
    2: i32 backup_info_count;
}

struct policy_entry {
    1: string policy_name;
    2: string backup_provider_type;
    // A decimal number, as a string.
    3: string backup_interval_seconds;
    4: set<i32> app_ids;
    5: i32 backup_history_count_to_keep;
    6: string start_time;
    7: bool is_disable;
}

// One finished or running backup of a policy.
struct backup_entry {
    1: i64 backup_id;
    2: i64 start_time_ms;
    3: i64 end_time_ms;
    4: set<i32> app_ids;
}

struct configuration_query_backup_policy_response {
    1: base.error_code err;
    2: list<policy_entry> policys;
    // backup_infos[i] belongs to policys[i].
    3: list<list<backup_entry>> backup_infos;
    4: optional string hint_msg;
}

// ---- one-time backups ----

struct start_backup_app_request {
    1: string backup_provider_type;
    2: i32 app_id;
    3: optional string backup_path;
}

struct start_backup_app_response {
    1: base.error_code err;
    2: string hint_message;
    3: optional i64 backup_id;
}

struct query_backup_status_request {
    1: i32 app_id;
    // Absent = every backup of the table.
    2: optional i64 backup_id;
}

struct backup_item {
    1: i64 backup_id;
    2: string app_name;
    3: string backup_provider_type;
    4: string backup_path;
    5: i64 start_time_ms;
    6: i64 end_time_ms;
    7: bool is_backup_failed;
}

struct query_backup_status_response {
    1: base.error_code err;
    2: string hint_message;
    3: optional list<backup_item> backup_items;
}

// ---- restore ----

// Creates a new table from a backup; the reply is a meta_admin configuration_create_app_response.
struct configuration_restore_request {
    1: string cluster_name;
    2: string policy_name;
    // The backup id.
    3: i64 time_stamp;
    4: string app_name;
    5: i32 app_id;
    6: string new_app_name;
    7: string backup_provider_name;
    8: bool skip_bad_partition;
    9: optional string restore_path;
}

struct configuration_query_restore_request {
    1: i32 restore_app_id;
}

struct configuration_query_restore_response {
    1: base.error_code err;
    // One per partition.
    2: list<base.error_code> restore_status;
    // One per partition, 0..1000.
    3: list<i32> restore_progress;
}

// ---- between servers ----

struct policy_info {
    1: string policy_name;
    2: string backup_provider_type;
}

// Asks a primary (and, from it, the secondaries) to back up one partition.
struct backup_request {
    1: base.gpid pid;
    2: policy_info policy;
    3: string app_name;
    4: i64 backup_id;
    5: optional string backup_path;
}

struct backup_response {
    1: base.error_code err;
    2: base.gpid pid;
    // 0..1000.
    3: i32 progress;
    4: string policy_name;
    5: i64 backup_id;
    6: i64 checkpoint_total_size;
}

struct backup_clear_request {
    1: base.gpid pid;
    2: string policy_name;
}

// A replica's restore progress for its partition.
struct configuration_report_restore_status_request {
    1: base.gpid pid;
    2: base.error_code restore_status;
    // 0..1000.
    3: i32 progress;
    4: optional string reason;
}

struct configuration_report_restore_status_response {
    1: base.error_code err;
}
