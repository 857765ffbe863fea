package io.enif.rpc;

import io.enif.common.HostPort;
import io.enif.proto.frame.FrameException;
import io.enif.proto.frame.ResponseFrame;
import io.enif.rpc.netty.ClientSession;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.thrift.TBase;

/**
 * Calls THFT servers (Enif's own or Pegasus's): one connection per address, opened on first use and reopened on the
 * first call after it was lost; requests pipelined on it and matched to replies by seqid; a timeout per call.
 *
 * <p>Failures arrive as an {@link RpcException} in the returned future: {@code ERR_TIMEOUT} when no reply came in
 * time, {@code ERR_SESSION_RESET} when the connection could not be made or was lost, and — from {@link #call(HostPort,
 * RpcRequest, Supplier)} only — the server's error name for a non-OK reply. Futures complete on an I/O thread.
 */
public final class RpcClient implements AutoCloseable {
    private final RpcClientConfig config;
    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    private final ConcurrentMap<HostPort, ClientSession> sessions = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public RpcClient(RpcClientConfig config) {
        this.config = config;
        this.group = new NioEventLoopGroup(config.ioThreads(), new DefaultThreadFactory("enif-rpc-client", true));
        this.bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        Math.min(config.connectTimeout().toMillis(), Integer.MAX_VALUE));
    }

    /** Sends a CALL and returns the reply frame, whatever its error name. */
    public CompletableFuture<ResponseFrame> call(HostPort address, RpcRequest request) {
        if (closed) {
            return CompletableFuture.failedFuture(RpcException.sessionReset("the RPC client is closed", null));
        }
        return session(address).call(request);
    }

    /**
     * Sends a CALL and decodes the result's field 0 into {@code resultFactory.get()}; a non-OK reply fails the
     * future with an {@link RpcException} carrying the server's error name, an undecodable one with {@code
     * ERR_INVALID_DATA}.
     */
    public <T extends TBase<?, ?>> CompletableFuture<T> call(
            HostPort address, RpcRequest request, Supplier<T> resultFactory) {
        return call(address, request).thenApply(reply -> {
            if (!reply.isOk()) {
                throw new RpcException(reply.errorName(), request.name() + " to " + address + " failed");
            }
            try {
                return reply.readResult(resultFactory.get());
            } catch (FrameException e) {
                throw new RpcException("ERR_INVALID_DATA", "bad reply to " + request.name() + " from " + address, e);
            }
        });
    }

    /** Sends a ONEWAY request; the future completes once it is written. */
    public CompletableFuture<Void> send(HostPort address, RpcRequest request) {
        if (closed) {
            return CompletableFuture.failedFuture(RpcException.sessionReset("the RPC client is closed", null));
        }
        return session(address).send(request);
    }

    /** Closes every connection (failing pending calls with {@code ERR_SESSION_RESET}) and stops the I/O threads. */
    @Override
    public void close() {
        closed = true;
        for (ClientSession session : new ArrayList<>(sessions.values())) {
            session.close();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    private ClientSession session(HostPort address) {
        ClientSession session = sessions.get(address);
        if (session != null && session.isOpen()) {
            return session;
        }
        synchronized (sessions) {
            session = sessions.get(address);
            if (session == null || !session.isOpen()) {
                session = ClientSession.connect(
                        bootstrap,
                        address,
                        config.maxFrameSize(),
                        closedSession -> sessions.remove(address, closedSession));
                sessions.put(address, session);
            }
            return session;
        }
    }
}
