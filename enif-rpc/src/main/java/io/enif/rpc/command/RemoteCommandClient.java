package io.enif.rpc.command;

import io.enif.common.HostPort;
import io.enif.proto.cmd.command;
import io.enif.proto.frame.ArgsField;
import io.enif.proto.rpc.CommonRpcs;
import io.enif.rpc.RpcClient;
import io.enif.rpc.RpcException;
import io.enif.rpc.RpcRequest;
import io.enif.rpc.netty.StringResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Sends remote commands ({@code RPC_CLI_CLI_CALL}) to a meta or replica server and returns the reply text. A failed
 * RPC (timeout, refused connection, a server without the handler) fails the future with an {@link RpcException}
 * naming the error; an unknown command is a successful reply whose text says so.
 */
public final class RemoteCommandClient {
    /** The shell's timeout per node ({@code spec/internal-rpc.md} §7). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final RpcClient client;

    public RemoteCommandClient(RpcClient client) {
        this.client = client;
    }

    /** Runs {@code name args...} on {@code server}. */
    public CompletableFuture<String> call(HostPort server, String name, List<String> args, Duration timeout) {
        command request = new command(name, List.copyOf(args));
        RpcRequest rpc = RpcRequest.of(CommonRpcs.RPC_CLI_CLI_CALL.name(), ArgsField.struct(request), timeout);
        return client.call(server, rpc).thenApply(reply -> {
            if (!reply.isOk()) {
                throw new RpcException(reply.errorName(), "remote command " + name + " to " + server + " failed");
            }
            try {
                return StringResult.decode(reply.result());
            } catch (IllegalArgumentException e) {
                throw new RpcException("ERR_INVALID_DATA", "bad remote command reply from " + server, e);
            }
        });
    }

    /** Runs {@code name args...} on {@code server} with {@link #DEFAULT_TIMEOUT}. */
    public CompletableFuture<String> call(HostPort server, String name, List<String> args) {
        return call(server, name, args, DEFAULT_TIMEOUT);
    }
}
