package io.enif.rpc.netty;

import io.enif.common.error.ErrorCode;
import io.enif.proto.frame.RequestFrame;
import io.enif.proto.frame.ResponseFrameEncoder;
import io.enif.rpc.RpcContext;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import java.net.SocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.thrift.TBase;
import org.apache.thrift.TException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link RpcContext} whose replies go back on the request's connection. Replies may come from any thread
 * ({@link Channel#writeAndFlush} is thread-safe); only the first reply counts.
 */
public final class ChannelRpcContext implements RpcContext {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelRpcContext.class);

    private final Channel channel;
    private final RequestFrame request;
    private final AtomicBoolean done = new AtomicBoolean();

    public ChannelRpcContext(Channel channel, RequestFrame request) {
        this.channel = channel;
        this.request = request;
    }

    @Override
    public RequestFrame request() {
        return request;
    }

    @Override
    public SocketAddress remoteAddress() {
        return channel.remoteAddress();
    }

    @Override
    public void reply(ErrorCode error, TBase<?, ?> response) {
        if (!done.compareAndSet(false, true)) {
            LOG.warn("second reply ({}) to {} from {} ignored", error, request, remoteAddress());
            return;
        }
        if (request.isOneway()) {
            return;
        }
        byte[] bytes;
        try {
            bytes = ResponseFrameEncoder.encode(request.name(), request.seqid(), error, response);
        } catch (TException | RuntimeException e) {
            LOG.error("cannot encode the reply to {}; answering ERR_UNKNOWN", request, e);
            bytes = encodeUnknown();
            if (bytes == null) {
                return;
            }
        }
        send(bytes);
    }

    @Override
    public void replyString(String text) {
        if (!done.compareAndSet(false, true)) {
            LOG.warn("second reply (a string) to {} from {} ignored", request, remoteAddress());
            return;
        }
        if (request.isOneway()) {
            return;
        }
        byte[] bytes;
        try {
            bytes = StringResult.encode(request.name(), request.seqid(), text);
        } catch (TException | RuntimeException e) {
            LOG.error("cannot encode the string reply to {}; answering ERR_UNKNOWN", request, e);
            bytes = encodeUnknown();
            if (bytes == null) {
                return;
            }
        }
        send(bytes);
    }

    private void send(byte[] bytes) {
        if (!channel.isActive()) {
            LOG.debug("reply to {} dropped: connection to {} closed", request, remoteAddress());
            return;
        }
        channel.writeAndFlush(Unpooled.wrappedBuffer(bytes)).addListener(future -> {
            if (!future.isSuccess()) {
                LOG.debug(
                        "reply to {} from {} not sent: {}",
                        request,
                        remoteAddress(),
                        future.cause().toString());
            }
        });
    }

    @Override
    public void noReply() {
        done.set(true);
    }

    @Override
    public boolean isDone() {
        return done.get();
    }

    private byte[] encodeUnknown() {
        try {
            return ResponseFrameEncoder.encodeError(request.name(), request.seqid(), ErrorCode.ERR_UNKNOWN);
        } catch (TException e) {
            LOG.error("cannot encode an error reply to {}", request, e);
            return null;
        }
    }
}
