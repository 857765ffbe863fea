// Enif's IDL for admin RPCs that a replica server serves (spec/internal-rpc.md §4, §6):
//   RPC_QUERY_DISK_INFO, RPC_REPLICA_DISK_MIGRATE, RPC_ADD_NEW_DISK  (admin-cli)
//   RPC_DETECT_HOTKEY                                                (C++ shell)
//   RPC_QUERY_REPLICA_INFO, RPC_QUERY_APP_INFO                       (meta recovery)
//   RPC_QUERY_PN_DECREE                                              (no sender in Pegasus)
// Tools send these with gpid (0, 0) in the frame header; the replica server finds the partition
// from the body. Names, ids and defaults are Pegasus's.

include "base.thrift"
include "layer2.thrift"
include "metadata.thrift"

namespace java io.enif.proto.radmin

// ---- what a replica server holds (recovery) ----

struct query_replica_decree_request {
    1: base.gpid pid;
    2: base.rpc_address node1;
    3: optional base.host_port hp_node1;
}

struct query_replica_decree_response {
    1: base.error_code err;
    2: i64 last_decree;
}

struct query_replica_info_request {
    1: base.rpc_address node1;
    2: optional base.host_port hp_node1;
}

struct query_replica_info_response {
    1: base.error_code err;
    2: list<metadata.replica_info> replicas;
}

// Asks a replica server for the app_info of every table it holds a replica of.
struct query_app_info_request {
    1: base.rpc_address meta_server;
    2: optional base.host_port hp_meta_server;
}

struct query_app_info_response {
    1: base.error_code err;
    2: list<layer2.app_info> apps;
}

// ---- disks ----

struct disk_info {
    1: string tag;
    2: string full_dir;
    3: i64 disk_capacity_mb;
    4: i64 disk_available_mb;
    // app_id -> the partitions of that table whose primary / secondary lives on this disk.
    5: map<i32, set<base.gpid>> holding_primary_replicas;
    6: map<i32, set<base.gpid>> holding_secondary_replicas;
}

struct query_disk_info_request {
    1: base.rpc_address node1;
    // "" = every table.
    2: string app_name;
    3: optional base.host_port hp_node1;
}

struct query_disk_info_response {
    // ERR_OBJECT_NOT_FOUND for an unknown table.
    1: base.error_code err;
    2: i64 total_capacity_mb;
    3: i64 total_available_mb;
    4: list<disk_info> disk_infos;
}

// Moves a secondary replica from one of the server's disks to another.
struct replica_disk_migrate_request {
    1: base.gpid pid;
    2: string origin_disk;
    3: string target_disk;
}

struct replica_disk_migrate_response {
    1: base.error_code err;
    2: optional string hint;
}

// Progress of a disk migration inside a replica server; not a field of any RPC.
enum disk_migration_status {
    IDLE = 0,
    MOVING = 1,
    MOVED = 2,
    CLOSED = 3
}

struct add_new_disk_request {
    // "tag1:dir1,tag2:dir2".
    1: string disk_str;
}

struct add_new_disk_response {
    1: base.error_code err;
    2: optional string err_hint;
}

// ---- hot keys ----

enum hotkey_type {
    READ = 0,
    WRITE = 1
}

enum detect_action {
    START = 0,
    STOP = 1,
    QUERY = 2
}

struct detect_hotkey_request {
    1: hotkey_type type;
    2: detect_action action;
    3: base.gpid pid;
}

struct detect_hotkey_response {
    1: base.error_code err;
    2: optional string err_hint;
    3: optional string hotkey_result;
}
