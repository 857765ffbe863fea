// Enif's IDL for remote commands (RPC_CLI_CLI_CALL, served by meta and replica servers):
// the request is a `command`, the reply is a bare string (result field 0, type STRING), so it
// has no struct here. spec/internal-rpc.md §7.

namespace java io.enif.proto.cmd

struct command {
    // e.g. "server-info", "meta.lb.only_move_primary".
    1: string cmd;
    2: list<string> arguments;
}
