// Enif's IDL for replication inside a partition's group (PacificA as Pegasus does it):
//   RPC_PREPARE                  primary -> secondaries and learners: prepare_msg -> prepare_ack
//   RPC_GROUP_CHECK              primary -> members: group_check_request -> group_check_response
//   RPC_LEARN                    learner -> primary: learn_request -> learn_response
//   RPC_LEARN_ADD_LEARNER        primary -> new learner, one-way: group_check_request
//   RPC_LEARN_COMPLETION_NOTIFY  learner -> primary: group_check_response -> learn_notify_response
// Struct names, ids and defaults are Pegasus's (spec/internal-rpc.md §6.2).
//
// Enif's own shape (DESIGN §2.2): Pegasus's C++ replicas do not send a prepare as Thrift; they
// write a gpid, a replica_configuration and a hand-laid little-endian mutation one after the other
// (spec/internal-rpc.md §6.3). Enif sends RPC_PREPARE as one prepare_msg struct built from the
// mutation structs below, which Pegasus declares but never puts on the wire. Enif replicas
// therefore do not interoperate with C++ replicas in one group, which no tool needs.

include "base.thrift"
include "layer2.thrift"
include "metadata.thrift"
include "utils.thrift"

namespace java io.enif.proto.replication

// ---- mutations and prepare ----

// Where a mutation sits in its partition's history.
struct mutation_header {
    1: base.gpid pid;
    2: i64 ballot;
    3: i64 decree;
    // Byte offset of the mutation in the private log.
    4: i64 log_offset;
    // The primary's commit point when it sent the mutation.
    5: i64 last_committed_decree;
    // Microseconds since the Unix epoch, set by the primary.
    6: i64 timestamp;
}

// One client write inside a mutation.
struct mutation_update {
    // The client's message name, e.g. RPC_RRDB_RRDB_PUT, or RPC_REPLICATION_WRITE_EMPTY.
    1: base.task_code code;
    // 1 = Thrift binary.
    2: i32 serialization_type;
    // The client request's args body exactly as it arrived; empty for an empty write.
    3: base.blob data;
    4: optional i64 start_time_ns;
}

// A mutation: one decree, holding one or more client writes (batched).
struct mutation_data {
    1: mutation_header header;
    2: list<mutation_update> updates;
}

// The body of RPC_PREPARE in Enif: the receiver's role (with the ballot and the primary) and the
// mutation to prepare.
struct prepare_msg {
    1: metadata.replica_configuration config;
    2: mutation_data mu;
}

struct prepare_ack {
    1: base.gpid pid;
    // ERR_OBJECT_NOT_FOUND when the receiver does not host pid.
    2: base.error_code err;
    3: i64 ballot;
    4: i64 decree;
    5: i64 last_committed_decree_in_app;
    6: i64 last_committed_decree_in_prepare_list;
    7: optional i64 receive_timestamp;
    8: optional i64 response_timestamp;
}

// ---- learning ----

// What a learnee sends a learner to catch up with.
enum learn_type {
    LT_INVALID = 0,
    // Mutations still in the learnee's memory (in learn_state.meta).
    LT_CACHE = 1,
    // A checkpoint of the storage engine (files).
    LT_APP = 2,
    // Private log files.
    LT_LOG = 3
}

enum learner_status {
    LearningInvalid = 0,
    LearningWithoutPrepare = 1,
    LearningWithPrepareTransient = 2,
    LearningWithPrepare = 3,
    LearningSucceeded = 4,
    LearningFailed = 5
}

struct learn_state {
    1: i64 from_decree_excluded;
    2: i64 to_decree_included;
    // LT_CACHE: the serialized mutations; LT_APP: the checkpoint's metadata.
    3: base.blob meta;
    // Paths relative to learn_response.base_local_dir.
    4: list<string> files;
    5: optional i64 learn_start_decree;
    6: optional list<i64> file_sizes;
    7: optional list<string> file_checksums;
}

struct learn_request {
    1: base.gpid pid;
    2: base.rpc_address learner;
    // Must match the learner_signature the primary gave this learning round.
    3: i64 signature;
    4: i64 last_committed_decree_in_app;
    5: i64 last_committed_decree_in_prepare_list;
    // Opaque to the replication layer; the storage engine may use it.
    6: base.blob app_specific_learn_request;
    7: optional i64 max_gced_decree;
    8: optional base.host_port hp_learner;
    9: optional utils.checksum_type checksum_type = utils.checksum_type.CST_NONE;
}

struct learn_response {
    1: base.error_code err;
    // The learner's configuration, as the learnee sees it.
    2: metadata.replica_configuration config;
    // The learnee's.
    3: i64 last_committed_decree;
    4: i64 prepare_start_decree;
    5: learn_type type = learn_type.LT_INVALID;
    6: learn_state state;
    7: base.rpc_address learnee;
    // Directory on the learnee that learn_state.files are relative to.
    8: string base_local_dir;
    9: optional string replica_disk_tag;
    10: optional base.host_port hp_learnee;
}

// The primary's answer to RPC_LEARN_COMPLETION_NOTIFY.
struct learn_notify_response {
    1: base.gpid pid;
    2: base.error_code err;
    3: i64 signature;
}

// ---- group check ----

// The primary re-asserts each member's role and the commit point. Also the body of
// RPC_LEARN_ADD_LEARNER, with status PS_POTENTIAL_SECONDARY and a fresh learner_signature.
struct group_check_request {
    1: layer2.app_info app;
    // The member this is sent to.
    2: base.rpc_address node;
    3: metadata.replica_configuration config;
    4: i64 last_committed_decree;
    // Duplication: decrees up to here were shipped, so their log may be collected.
    5: optional i64 confirmed_decree;
    6: optional base.gpid child_gpid;
    7: optional metadata.split_status meta_split_status;
    8: optional base.host_port hp_node;
}

// A member's answer to a group check; a learner also sends it as RPC_LEARN_COMPLETION_NOTIFY.
struct group_check_response {
    1: base.gpid pid;
    2: base.error_code err;
    3: i64 last_committed_decree_in_app;
    4: i64 last_committed_decree_in_prepare_list;
    5: learner_status learner_status_ = learner_status.LearningInvalid;
    6: i64 learner_signature;
    7: base.rpc_address node;
    8: optional bool is_split_stopped;
    9: optional metadata.disk_status disk_status = metadata.disk_status.NORMAL;
    10: optional base.host_port hp_node;
}
