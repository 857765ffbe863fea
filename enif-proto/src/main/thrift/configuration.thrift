// Enif's IDL for membership changes between the meta server and the replica servers:
//   RPC_CM_CONFIG_SYNC                     replica -> meta: "what should I host?"
//   RPC_CONFIG_PROPOSAL                    meta -> replica, one-way: "carry out this change"
//   RPC_CM_UPDATE_PARTITION_CONFIGURATION  primary -> meta: "persist this new configuration"
// Pegasus declares these in its meta_admin IDL; names, ids and defaults are Pegasus's
// (spec/internal-rpc.md §6.1, §6.2). No Pegasus tool sends them, so only Enif servers read them.

include "base.thrift"
include "layer2.thrift"
include "metadata.thrift"

namespace java io.enif.proto.replication

// The kind of a membership change. Also the action of a balancer proposal.
enum config_type {
    CT_INVALID = 0,
    CT_ASSIGN_PRIMARY = 1,
    CT_UPGRADE_TO_PRIMARY = 2,
    CT_ADD_SECONDARY = 3,
    // Sent by a primary once a learner has caught up; the meta server never proposes it.
    CT_UPGRADE_TO_SECONDARY = 4,
    CT_DOWNGRADE_TO_SECONDARY = 5,
    CT_DOWNGRADE_TO_INACTIVE = 6,
    CT_REMOVE = 7,
    // CT_ADD_SECONDARY on behalf of the load balancer.
    CT_ADD_SECONDARY_FOR_LB = 8,
    CT_PRIMARY_FORCE_UPDATE_BALLOT = 9,
    CT_DROP_PARTITION = 10,
    CT_REGISTER_CHILD = 11
}

// A proposed membership change of one partition. As the body of RPC_CONFIG_PROPOSAL it is the
// meta server's order; as the body of RPC_CM_UPDATE_PARTITION_CONFIGURATION it is the primary's
// request to persist `config`; in a config-sync reply it is one partition the node should host.
struct configuration_update_request {
    1: layer2.app_info info;
    // The configuration after the change.
    2: layer2.partition_configuration config;
    3: config_type type = config_type.CT_INVALID;
    // The node the change is about (the new primary, the secondary to add or remove, ...).
    4: base.rpc_address node;
    // Deprecated by Pegasus; config sync sets it to the requesting node.
    5: base.rpc_address host_node;
    // Config sync only: set when the table is splitting.
    6: optional metadata.split_status meta_split_status;
    7: optional base.host_port hp_node;
}

struct configuration_update_response {
    1: base.error_code err;
    // The configuration as the meta server now stores it.
    2: layer2.partition_configuration config;
}

// Facts a replica server may report about itself.
struct replica_server_info {
    // e.g. "host", "rack", "datacenter", "city".
    1: map<string, string> geo_tags;
    2: i64 total_capacity_mb;
}

// Config sync: a replica server lists the replicas it stores and asks which it should host.
struct configuration_query_by_node_request {
    1: base.rpc_address node;
    2: optional list<metadata.replica_info> stored_replicas;
    3: optional replica_server_info info;
    4: optional base.host_port hp_node;
    // Enif's addition (Pegasus has no field 100): when the replica server sent this request, on the clock its beacons'
    // `time` uses. The meta server does not trust the replica info of a request sent before a dead node's last lease
    // could have run out (a report that was delayed in the network may predate the node's last changes).
    100: optional i64 sent_time_ms;
}

struct configuration_query_by_node_response {
    // ERR_OBJECT_NOT_FOUND for a node the meta server does not know; ERR_BUSY = retry soon.
    1: base.error_code err;
    // Every partition this node should host, with its role in `config`.
    2: list<configuration_update_request> partitions;
    // Stored replicas the node may delete.
    3: optional list<metadata.replica_info> gc_replicas;
}
