package io.enif.rpc;

/**
 * Serves one RPC: receives the decoded request and replies through the context, at once or later from any thread.
 *
 * <p>Handlers run on a network I/O thread and must not block: hand slow work to a partition lane or an executor and
 * reply from there. An exception thrown here is logged and answered with {@code ERR_UNKNOWN}.
 *
 * @param <T> the request type: a generated struct, a placeholder such as {@code blob}, a {@code Long} for i64 args,
 *     or the raw {@link io.enif.proto.frame.RequestFrame}
 */
@FunctionalInterface
public interface RpcHandler<T> {
    void handle(RpcContext context, T request);
}
