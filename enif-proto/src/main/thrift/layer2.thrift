// Enif's IDL for the structs that describe tables and partitions (Pegasus's "layer2" types).
// Field ids and types follow spec/protocol.md §7.

include "base.thrift"

namespace java io.enif.proto.layer2

enum app_status {
    AS_INVALID = 0,
    AS_AVAILABLE = 1,
    AS_CREATING = 2,
    AS_CREATE_FAILED = 3,
    AS_DROPPING = 4,
    AS_DROP_FAILED = 5,
    AS_DROPPED = 6,
    AS_RECALLING = 7
}

// One partition's membership as the meta server owns it.
struct partition_configuration {
    1: base.gpid pid;
    2: i64 ballot;
    3: i32 max_replica_count;
    // 0 = no primary.
    4: base.rpc_address primary;
    5: list<base.rpc_address> secondaries;
    6: list<base.rpc_address> last_drops;
    7: i64 last_committed_decree;
    8: i32 partition_flags;
    9: optional base.host_port hp_primary;
    10: optional list<base.host_port> hp_secondaries;
    11: optional list<base.host_port> hp_last_drops;
}

struct app_info {
    1: app_status status = app_status.AS_INVALID;
    2: string app_type;
    3: string app_name;
    4: i32 app_id;
    5: i32 partition_count;
    6: map<string, string> envs;
    7: bool is_stateful;
    8: i32 max_replica_count;
    9: i64 expire_second;
    10: i64 create_second;
    11: i64 drop_second;
    12: optional bool duplicating = false;
    13: i32 init_partition_count = -1;
    14: optional bool is_bulk_loading = false;
    15: optional bool atomic_idempotent = false;
}
