package io.enif.rpc.netty;

import io.enif.rpc.RpcDispatcher;
import io.enif.rpc.RpcServerListener;
import io.enif.rpc.http.HttpHandler;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.util.concurrent.EventExecutorGroup;

/**
 * Sets up a new server connection: the {@link ProtocolSniffer} followed by the {@link ConnectionGuard}. Tests use
 * it on an {@code EmbeddedChannel} to run exactly the server's pipeline without a socket.
 */
public final class ServerChannelInitializer extends ChannelInitializer<Channel> {
    private final int maxFrameSize;
    private final RpcDispatcher dispatcher;
    private final HttpHandler httpHandler;
    private final RpcServerListener listener;
    private final ChannelGroup connections;
    private final EventExecutorGroup httpExecutors;

    /**
     * A connection set-up whose HTTP handlers run on the connection's I/O thread.
     *
     * @param connections where to track open connections so that the server can close them, or null
     */
    public ServerChannelInitializer(
            int maxFrameSize,
            RpcDispatcher dispatcher,
            HttpHandler httpHandler,
            RpcServerListener listener,
            ChannelGroup connections) {
        this(maxFrameSize, dispatcher, httpHandler, listener, connections, null);
    }

    /**
     * @param connections where to track open connections so that the server can close them, or null
     * @param httpExecutors the threads HTTP handlers run on (a handler may wait, e.g. for the meta server's state), or
     *     null for the connection's I/O thread
     */
    public ServerChannelInitializer(
            int maxFrameSize,
            RpcDispatcher dispatcher,
            HttpHandler httpHandler,
            RpcServerListener listener,
            ChannelGroup connections,
            EventExecutorGroup httpExecutors) {
        this.maxFrameSize = maxFrameSize;
        this.dispatcher = dispatcher;
        this.httpHandler = httpHandler;
        this.listener = listener;
        this.connections = connections;
        this.httpExecutors = httpExecutors;
    }

    @Override
    protected void initChannel(Channel channel) {
        if (connections != null) {
            connections.add(channel);
        }
        channel.pipeline()
                .addLast("sniffer", new ProtocolSniffer(maxFrameSize, dispatcher, httpHandler, listener, httpExecutors))
                .addLast("guard", ConnectionGuard.INSTANCE);
    }
}
