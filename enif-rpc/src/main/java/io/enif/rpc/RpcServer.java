package io.enif.rpc;

import io.enif.common.HostPort;
import io.enif.rpc.http.HttpHandler;
import io.enif.rpc.netty.ServerChannelInitializer;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A process's one server port (DESIGN §2.6): THFT requests go to the {@link RpcDispatcher}, HTTP requests to the
 * {@link HttpHandler}, told apart by the first bytes of each connection.
 *
 * <p>A connection that sends garbage, a malformed frame or a frame larger than {@code max_frame_size} is logged in
 * one line and closed; every other connection keeps being served. Requests are dispatched on the I/O threads as
 * they arrive, without waiting for earlier replies.
 */
public final class RpcServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RpcServer.class);
    /** Threads for HTTP handlers: a slow handler holds up other HTTP connections on its thread, never RPC traffic. */
    private static final int HTTP_THREADS = 2;

    private final RpcServerConfig config;
    private final RpcDispatcher dispatcher;
    private final HttpHandler httpHandler;
    private final RpcServerListener listener;
    private EventLoopGroup bossGroup;
    private EventLoopGroup workerGroup;
    /** HTTP handlers run here, off the I/O threads: some wait (the meta server's routes wait for its state). */
    private EventExecutorGroup httpGroup;

    private ChannelGroup connections;
    private Channel serverChannel;

    /** A server whose HTTP side answers 404 to everything. */
    public RpcServer(RpcServerConfig config, RpcDispatcher dispatcher) {
        this(config, dispatcher, HttpHandler.NOT_FOUND, RpcServerListener.NONE);
    }

    public RpcServer(
            RpcServerConfig config, RpcDispatcher dispatcher, HttpHandler httpHandler, RpcServerListener listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.httpHandler = Objects.requireNonNull(httpHandler, "httpHandler");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Binds the port and starts serving.
     *
     * @throws IOException when the address cannot be bound
     */
    public synchronized RpcServer start() throws IOException {
        if (serverChannel != null) {
            throw new IllegalStateException("RPC server already started on " + address());
        }
        bossGroup = new NioEventLoopGroup(config.bossThreads(), new DefaultThreadFactory("enif-rpc-boss"));
        workerGroup = new NioEventLoopGroup(config.workerThreads(), new DefaultThreadFactory("enif-rpc-io"));
        httpGroup = new DefaultEventExecutorGroup(HTTP_THREADS, new DefaultThreadFactory("enif-http"));
        connections = new DefaultChannelGroup("enif-rpc-connections", GlobalEventExecutor.INSTANCE);
        ChannelFuture bound = new ServerBootstrap()
                .group(bossGroup, workerGroup)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new ServerChannelInitializer(
                        config.maxFrameSize(), dispatcher, httpHandler, listener, connections, httpGroup))
                .bind(config.host(), config.port())
                .awaitUninterruptibly();
        if (!bound.isSuccess()) {
            stopThreads();
            throw new IOException("cannot bind the RPC port " + config.host() + ":" + config.port(), bound.cause());
        }
        serverChannel = bound.channel();
        LOG.info("RPC server listening on {} (THFT and HTTP)", address());
        return this;
    }

    /** The port actually bound (useful when the config asked for port 0). */
    public synchronized int port() {
        if (serverChannel == null) {
            throw new IllegalStateException("RPC server not started");
        }
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** The address actually bound, as {@code host:port} with the configured host. */
    public HostPort address() {
        return new HostPort(config.host(), port());
    }

    /** Stops accepting, closes every connection and stops the I/O threads. */
    @Override
    public synchronized void close() {
        if (serverChannel == null) {
            return;
        }
        serverChannel.close().awaitUninterruptibly();
        connections.close().awaitUninterruptibly();
        stopThreads();
        LOG.info(
                "RPC server on {}:{} stopped",
                config.host(),
                ((InetSocketAddress) serverChannel.localAddress()).getPort());
        serverChannel = null;
    }

    private void stopThreads() {
        bossGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        workerGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        httpGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
