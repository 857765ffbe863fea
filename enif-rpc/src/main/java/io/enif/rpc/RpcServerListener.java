package io.enif.rpc;

import io.enif.proto.frame.FrameStage;
import java.net.SocketAddress;

/**
 * Hears about requests an {@link RpcServer} could not serve, for metrics and tests. Called on I/O threads; must be
 * quick and must not throw.
 */
public interface RpcServerListener {
    /** A listener that ignores everything. */
    RpcServerListener NONE = new RpcServerListener() {};

    /**
     * A request was refused at {@code stage}: at HEADER, META or BODY the connection was closed (this includes bytes
     * that are neither THFT nor HTTP); at HANDLER the args did not decode and {@code ERR_INVALID_DATA} was answered.
     */
    default void onFrameRejected(SocketAddress remote, FrameStage stage, String reason) {}

    /** A request reached the dispatcher; {@code outcome} says what became of it. */
    default void onDispatched(SocketAddress remote, String name, RpcDispatcher.Outcome outcome) {}
}
