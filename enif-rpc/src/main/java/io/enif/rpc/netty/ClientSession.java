package io.enif.rpc.netty;

import io.enif.common.HostPort;
import io.enif.proto.frame.RequestFrameEncoder;
import io.enif.proto.frame.ResponseFrame;
import io.enif.proto.frame.Thft;
import io.enif.rpc.RpcException;
import io.enif.rpc.RpcRequest;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.thrift.TException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection to one server address, as Pegasus's {@code ReplicaSession}: requests are pipelined with the
 * session's own seqid counter (from 0), replies are matched by seqid in any order, each call has its own timeout
 * ({@code ERR_TIMEOUT}), and when the connection fails or closes every pending call fails with {@code
 * ERR_SESSION_RESET}. A closed session is never reused; the client opens a new one on the next call.
 *
 * <p>Futures complete on the connection's I/O thread: callers that block in a continuation must use the async
 * variants with their own executor.
 */
public final class ClientSession extends SimpleChannelInboundHandler<ResponseFrame> {
    private static final Logger LOG = LoggerFactory.getLogger(ClientSession.class);

    private final HostPort address;
    private final Consumer<ClientSession> onClose;
    private final Map<Integer, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicInteger nextSeqid = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile ChannelFuture connectFuture;

    private ClientSession(HostPort address, Consumer<ClientSession> onClose) {
        this.address = address;
        this.onClose = onClose;
    }

    /**
     * Starts connecting to {@code address}; calls may be made at once and are sent when the connection is up.
     *
     * @param onClose told once when the session closes, from any thread
     */
    public static ClientSession connect(
            Bootstrap bootstrap, HostPort address, int maxFrameSize, Consumer<ClientSession> onClose) {
        ClientSession session = new ClientSession(address, onClose);
        ChannelFuture future = bootstrap
                .clone()
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline().addLast(new ResponseFrameCutter(maxFrameSize), session);
                    }
                })
                .connect(address.host(), address.port());
        session.connectFuture = future;
        future.addListener(f -> {
            if (!f.isSuccess()) {
                session.markClosed("cannot connect to " + address, f.cause());
            }
        });
        future.channel()
                .closeFuture()
                .addListener(f -> session.markClosed("connection to " + address + " closed", null));
        return session;
    }

    /** The server this session talks to. */
    public HostPort address() {
        return address;
    }

    /** Whether the session can still carry calls. */
    public boolean isOpen() {
        return !closed.get();
    }

    /** The number of calls waiting for a reply. */
    public int pendingCount() {
        return pending.size();
    }

    /** Sends a CALL and returns its reply, whatever its error name. */
    public CompletableFuture<ResponseFrame> call(RpcRequest request) {
        CompletableFuture<ResponseFrame> result = new CompletableFuture<>();
        int seqid = nextSeqid.getAndIncrement();
        ByteBuf frame;
        try {
            frame = Unpooled.wrappedBuffer(
                    RequestFrameEncoder.encode(request.meta(), request.name(), Thft.CALL, seqid, request.args()));
        } catch (TException | RuntimeException e) {
            result.completeExceptionally(
                    new RpcException("ERR_INVALID_PARAMETERS", "cannot encode " + request.name(), e));
            return result;
        }
        Channel channel = connectFuture.channel();
        Pending call = new Pending(request.name(), result);
        pending.put(seqid, call);
        try {
            call.timer = channel.eventLoop()
                    .schedule(() -> expire(seqid), request.timeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException | IllegalStateException e) {
            fail(seqid, RpcException.sessionReset("the RPC client is shutting down", e));
        }
        if (closed.get()) {
            fail(seqid, RpcException.sessionReset("session to " + address + " is closed", null));
            frame.release();
            return result;
        }
        connectFuture.addListener(connected -> {
            if (!connected.isSuccess()) {
                frame.release();
                fail(seqid, RpcException.sessionReset("cannot connect to " + address, connected.cause()));
                return;
            }
            channel.writeAndFlush(frame).addListener(written -> {
                if (!written.isSuccess()) {
                    fail(seqid, RpcException.sessionReset("cannot send to " + address, written.cause()));
                }
            });
        });
        return result;
    }

    /** Sends a ONEWAY request; the future completes once it is written. */
    public CompletableFuture<Void> send(RpcRequest request) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        ByteBuf frame;
        try {
            frame = Unpooled.wrappedBuffer(RequestFrameEncoder.encode(
                    request.meta(), request.name(), Thft.ONEWAY, nextSeqid.getAndIncrement(), request.args()));
        } catch (TException | RuntimeException e) {
            result.completeExceptionally(
                    new RpcException("ERR_INVALID_PARAMETERS", "cannot encode " + request.name(), e));
            return result;
        }
        connectFuture.addListener(connected -> {
            if (!connected.isSuccess()) {
                frame.release();
                result.completeExceptionally(
                        RpcException.sessionReset("cannot connect to " + address, connected.cause()));
                return;
            }
            connectFuture.channel().writeAndFlush(frame).addListener(written -> {
                if (written.isSuccess()) {
                    result.complete(null);
                } else {
                    result.completeExceptionally(
                            RpcException.sessionReset("cannot send to " + address, written.cause()));
                }
            });
        });
        return result;
    }

    /** Closes the connection; pending calls fail with {@code ERR_SESSION_RESET}. */
    public void close() {
        connectFuture.channel().close();
        markClosed("session to " + address + " closed locally", null);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ResponseFrame response) {
        Pending call = pending.remove(response.seqid());
        if (call == null) {
            LOG.debug("late or unknown reply {} from {} dropped", response, address);
            return;
        }
        call.cancelTimer();
        call.future.complete(response);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            LOG.debug("connection to {} failed: {}", address, cause.toString());
        } else {
            LOG.warn("resetting session to {}: {}", address, cause.toString());
        }
        markClosed("session to " + address + " reset", cause);
        ctx.close();
    }

    private void expire(int seqid) {
        Pending call = pending.remove(seqid);
        if (call != null) {
            call.future.completeExceptionally(
                    RpcException.timeout(call.name + " to " + address + " got no reply in time (seqid " + seqid + ")"));
        }
    }

    private void fail(int seqid, RpcException failure) {
        Pending call = pending.remove(seqid);
        if (call != null) {
            call.cancelTimer();
            call.future.completeExceptionally(failure);
        }
    }

    private void markClosed(String reason, Throwable cause) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (Integer seqid : pending.keySet()) {
            fail(seqid, RpcException.sessionReset(reason, cause));
        }
        onClose.accept(this);
    }

    private static final class Pending {
        final String name;
        final CompletableFuture<ResponseFrame> future;
        volatile Future<?> timer;

        Pending(String name, CompletableFuture<ResponseFrame> future) {
            this.name = name;
            this.future = future;
        }

        void cancelTimer() {
            Future<?> scheduled = timer;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }
    }
}
