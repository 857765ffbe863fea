// Enif's IDL for Pegasus's placeholder types.
//
// These types are declared as empty structs so that other IDL files can name them, but they are
// never generated: hand-written Java classes of the same names (io.enif.proto.base) write a raw
// value in place of a struct, as spec/protocol.md §3 describes:
//   blob        i32 length + bytes
//   error_code  string: the error name
//   task_code   string: the task-code name
//   gpid        i64: (partition_index << 32) | app_id
//   rpc_address i64: IPv4 << 32 | port << 16 | type
//   host_port   string host, i16 port, byte type
// Fields of these types are tagged STRUCT (12) on the wire.

namespace java io.enif.proto.base

struct blob {}
struct error_code {}
struct task_code {}
struct gpid {}
struct rpc_address {}
struct host_port {}
