package io.enif.proto.rpc;

import static io.enif.proto.rpc.RpcSpec.call;

import io.enif.proto.cmd.command;
import io.enif.proto.security.negotiation_request;
import io.enif.proto.security.negotiation_response;
import java.util.List;

/** RPCs that every server process serves, meta and replica alike. */
public final class CommonRpcs {
    private static final RpcServer ANY = RpcServer.META_AND_REPLICA;

    /**
     * A remote command ({@code remote_command} in the shell, {@code remote-command} in admin-cli). The reply is a bare
     * string: result field 0 tagged STRING (spec/internal-rpc.md §7).
     */
    public static final RpcSpec RPC_CLI_CLI_CALL =
            new RpcSpec("RPC_CLI_CLI_CALL", RpcBody.struct(command::new), RpcBody.STRING, false, ANY);

    /** SASL negotiation at the start of a connection, when authentication is on (spec/protocol.md §13). */
    public static final RpcSpec RPC_NEGOTIATION =
            call("RPC_NEGOTIATION", ANY, negotiation_request::new, negotiation_response::new);

    private static final List<RpcSpec> ALL = List.of(RPC_CLI_CLI_CALL, RPC_NEGOTIATION);

    private CommonRpcs() {}

    /** Every RPC of this family. */
    public static List<RpcSpec> all() {
        return ALL;
    }
}
