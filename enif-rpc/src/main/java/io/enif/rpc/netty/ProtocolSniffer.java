package io.enif.rpc.netty;

import io.enif.proto.frame.FrameStage;
import io.enif.rpc.RpcDispatcher;
import io.enif.rpc.RpcServerListener;
import io.enif.rpc.http.HttpHandler;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.EventExecutorGroup;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at the first bytes of a connection and installs the matching pipeline (DESIGN §2.6: one port for both):
 * {@code THFT} → THFT framing and dispatch; an HTTP method followed by a space → Netty's HTTP codec and the {@link
 * HttpHandler}; anything else is logged in one line and the connection closed. It waits only as long as the bytes
 * seen so far can still begin one of these.
 */
public final class ProtocolSniffer extends ByteToMessageDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(ProtocolSniffer.class);

    private static final byte[] THFT = bytes("THFT");
    private static final byte[][] HTTP_METHODS = {
        bytes("GET "),
        bytes("POST "),
        bytes("PUT "),
        bytes("DELETE "),
        bytes("HEAD "),
        bytes("OPTIONS "),
        bytes("PATCH ")
    };

    private final int maxFrameSize;
    private final RpcDispatcher dispatcher;
    private final HttpHandler httpHandler;
    private final RpcServerListener listener;
    private final EventExecutorGroup httpExecutors;

    /**
     * @param httpExecutors the threads HTTP handlers run on, or null for the connection's I/O thread
     */
    public ProtocolSniffer(
            int maxFrameSize,
            RpcDispatcher dispatcher,
            HttpHandler httpHandler,
            RpcServerListener listener,
            EventExecutorGroup httpExecutors) {
        this.maxFrameSize = maxFrameSize;
        this.dispatcher = dispatcher;
        this.httpHandler = httpHandler;
        this.httpExecutors = httpExecutors;
        this.listener = listener;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        Match thft = match(in, THFT);
        if (thft == Match.FULL) {
            switchTo(ctx, true);
            return;
        }
        boolean mayStillMatch = thft == Match.PREFIX;
        for (byte[] method : HTTP_METHODS) {
            Match http = match(in, method);
            if (http == Match.FULL) {
                switchTo(ctx, false);
                return;
            }
            mayStillMatch |= http == Match.PREFIX;
        }
        if (!mayStillMatch) {
            String reason = "neither THFT nor HTTP: first bytes 0x"
                    + ByteBufUtil.hexDump(in, in.readerIndex(), Math.min(in.readableBytes(), 8));
            LOG.warn("closing connection from {}: {}", ctx.channel().remoteAddress(), reason);
            listener.onFrameRejected(ctx.channel().remoteAddress(), FrameStage.HEADER, reason);
            in.skipBytes(in.readableBytes());
            ctx.close();
        }
    }

    /** Installs the protocol's handlers after this one and removes this one, which passes the bytes on. */
    private void switchTo(ChannelHandlerContext ctx, boolean thrift) {
        ChannelPipeline pipeline = ctx.pipeline();
        if (thrift) {
            pipeline.addAfter(ctx.name(), "thft-dispatch", new RequestDispatchHandler(dispatcher, listener));
            pipeline.addAfter(ctx.name(), "thft-frames", new ThftFrameDecoder(maxFrameSize, listener));
        } else {
            pipeline.addAfter(httpExecutors, ctx.name(), "http-handler", new HttpRequestHandler(httpHandler));
            pipeline.addAfter(ctx.name(), "http-aggregator", new HttpObjectAggregator(maxFrameSize));
            pipeline.addAfter(ctx.name(), "http-codec", new HttpServerCodec());
        }
        pipeline.remove(this);
    }

    private enum Match {
        FULL,
        PREFIX,
        NONE
    }

    private static Match match(ByteBuf in, byte[] expected) {
        int n = Math.min(in.readableBytes(), expected.length);
        for (int i = 0; i < n; i++) {
            if (in.getByte(in.readerIndex() + i) != expected[i]) {
                return Match.NONE;
            }
        }
        return n == expected.length ? Match.FULL : Match.PREFIX;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
