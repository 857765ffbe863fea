package io.enif.rpc.netty;

import io.enif.rpc.RpcDispatcher;
import io.enif.rpc.RpcServerListener;
import io.enif.rpc.http.HttpHandler;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;

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

    /**
     * @param connections where to track open connections so that the server can close them, or null
     */
    public ServerChannelInitializer(
            int maxFrameSize,
            RpcDispatcher dispatcher,
            HttpHandler httpHandler,
            RpcServerListener listener,
            ChannelGroup connections) {
        this.maxFrameSize = maxFrameSize;
        this.dispatcher = dispatcher;
        this.httpHandler = httpHandler;
        this.listener = listener;
        this.connections = connections;
    }

    @Override
    protected void initChannel(Channel channel) {
        if (connections != null) {
            connections.add(channel);
        }
        channel.pipeline()
                .addLast("sniffer", new ProtocolSniffer(maxFrameSize, dispatcher, httpHandler, listener))
                .addLast("guard", ConnectionGuard.INSTANCE);
    }
}
