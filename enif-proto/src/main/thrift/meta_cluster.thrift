// Enif's IDL for the meta server's cluster-wide admin RPCs (spec/internal-rpc.md §3, §4):
//   RPC_CM_LIST_NODES, RPC_CM_CLUSTER_INFO, RPC_CM_CONTROL_META (get/set meta level),
//   RPC_CM_PROPOSE_BALANCER (shell `balance` and `propose`), RPC_CM_DDD_DIAGNOSE,
//   RPC_CM_START_RECOVERY.
// Names, ids and defaults are Pegasus's, so that Pegasus's shell and admin-cli can read them.
// Replies carry each address twice, as rpc_address and as its hp_* host_port twin.

include "base.thrift"
include "layer2.thrift"
include "configuration.thrift"

namespace java io.enif.proto.admin

// ---- nodes ----

enum node_status {
    // In a list_nodes request: every node.
    NS_INVALID = 0,
    NS_ALIVE = 1,
    NS_UNALIVE = 2
}

struct node_info {
    1: node_status status = node_status.NS_INVALID;
    // A reachable IPv4 address: admin-cli connects to it.
    2: base.rpc_address node;
    // The C++ shell connects to this one.
    3: optional base.host_port hp_node;
}

struct configuration_list_nodes_request {
    1: node_status status = node_status.NS_INVALID;
}

struct configuration_list_nodes_response {
    1: base.error_code err;
    // Alive nodes first, then dead ones.
    2: list<node_info> infos;
}

// ---- cluster info ----

struct configuration_cluster_info_request {
}

// Paired lists: keys[i] names values[i] (meta_servers, primary_meta_server, zookeeper_hosts,
// zookeeper_root, meta_function_level, balance_operation_count, ..., cluster_name).
struct configuration_cluster_info_response {
    1: base.error_code err;
    2: list<string> keys;
    3: list<string> values;
}

// ---- meta level ----

// How much the meta server may change on its own, from "nothing" to "also balance".
enum meta_function_level {
    // Not even table DDL.
    fl_stopped = 100,
    // Table DDL only.
    fl_blind = 200,
    // DDL, and reacting to dead nodes.
    fl_freezed = 300,
    // Also replica-side membership changes; no balancing.
    fl_steady = 400,
    // Everything, balancing included.
    fl_lively = 500,
    // In a request: only read the current level.
    fl_invalid = 10000
}

struct configuration_meta_control_request {
    1: meta_function_level level;
}

struct configuration_meta_control_response {
    1: base.error_code err;
    // The level before this request.
    2: meta_function_level old_level;
}

// ---- balancer proposals (`balance`, `propose`) ----

enum balancer_request_type {
    move_primary = 0,
    copy_primary = 1,
    copy_secondary = 2
}

// One step of a proposal: `target` carries out `type` about `node`. An empty target is
// address 0 (and host_port "").
struct configuration_proposal_action {
    1: base.rpc_address target;
    2: base.rpc_address node;
    3: configuration.config_type type;
    // Field 4 (a timestamp) is retired; do not reuse it.
    5: optional base.host_port hp_target;
    6: optional base.host_port hp_node;
}

struct configuration_balancer_request {
    1: base.gpid gpid;
    2: list<configuration_proposal_action> action_list;
    // true: send each action to its target at once instead of queueing it in the balancer.
    3: optional bool force = false;
    4: optional balancer_request_type balance_type;
}

struct configuration_balancer_response {
    1: base.error_code err;
}

// ---- DDD diagnosis: partitions whose every replica was dropped ----

struct ddd_diagnose_request {
    // app_id -1 = every table; partition_index -1 = every partition of app_id.
    1: base.gpid pid;
}

// What the meta server knows of one dropped replica.
struct ddd_node_info {
    1: base.rpc_address node;
    2: i64 drop_time_ms;
    // Whether the node is alive now.
    3: bool is_alive;
    // Whether the node has reported its replicas since.
    4: bool is_collected;
    // -1 with is_collected = the node holds no replica of the partition.
    5: i64 ballot;
    6: i64 last_committed_decree;
    7: i64 last_prepared_decree;
    // The C++ shell reads this one directly.
    8: optional base.host_port hp_node;
}

struct ddd_partition_info {
    1: layer2.partition_configuration config;
    2: list<ddd_node_info> dropped;
    3: string reason;
}

struct ddd_diagnose_response {
    1: base.error_code err;
    2: list<ddd_partition_info> partitions;
}

// ---- recovery: rebuild the metadata from what replica servers hold ----

struct configuration_recovery_request {
    1: list<base.rpc_address> recovery_nodes;
    2: bool skip_bad_nodes;
    3: bool skip_lost_partitions;
    4: optional list<base.host_port> hp_recovery_nodes;
}

struct configuration_recovery_response {
    1: base.error_code err;
    2: string hint_message;
}
