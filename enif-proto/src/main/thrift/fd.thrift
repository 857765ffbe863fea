// Enif's IDL for the failure detector's beacon (RPC_FD_FAILURE_DETECTOR_PING), which every
// replica server sends the meta server every beacon interval; an acked beacon renews the replica
// server's lease. Names and ids are Pegasus's (spec/internal-rpc.md §6.2). Enif sends beacons
// over its ordinary THFT connections; Pegasus's C++ servers use UDP.

include "base.thrift"

namespace java io.enif.proto.fd

struct beacon_msg {
    // The sender's clock in milliseconds, echoed in the ack so the sender can time its lease.
    1: i64 time;
    2: base.rpc_address from_node;
    3: base.rpc_address to_node;
    // When the sender's process started (ms); a change tells the meta server it restarted.
    4: optional i64 start_time;
    5: optional base.host_port hp_from_node;
    6: optional base.host_port hp_to_node;
}

struct beacon_ack {
    // beacon_msg.time, echoed.
    1: i64 time;
    2: base.rpc_address this_node;
    // The meta leader as this meta server knows it.
    3: base.rpc_address primary_node;
    // false: this meta server is not the leader; send beacons to primary_node instead.
    4: bool is_master;
    // false: the sender is not on the meta server's allow list.
    5: bool allowed;
    6: optional base.host_port hp_this_node;
    7: optional base.host_port hp_primary_node;
}

// Tells a worker which meta server to beacon (used by tests in Pegasus).
struct config_master_message {
    1: base.rpc_address master;
    2: bool is_register;
    3: optional base.host_port hp_master;
}
