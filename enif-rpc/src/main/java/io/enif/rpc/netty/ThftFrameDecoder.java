package io.enif.rpc.netty;

import io.enif.proto.frame.FrameException;
import io.enif.proto.frame.FrameProbe;
import io.enif.proto.frame.FrameStage;
import io.enif.proto.frame.RequestFrameDecoder;
import io.enif.proto.frame.Thft;
import io.enif.rpc.RpcServerListener;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.ByteBuffer;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts a THFT request stream into frames with {@link FrameProbe} and decodes each into a {@link
 * io.enif.proto.frame.RequestFrame}. A bad header, meta or message header, or a frame larger than {@code
 * max_frame_size} (refused from its header alone, before any of it is buffered), is logged in one line and closes
 * this connection.
 */
public final class ThftFrameDecoder extends ByteToMessageDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(ThftFrameDecoder.class);

    private final int maxFrameSize;
    private final RpcServerListener listener;
    private boolean failed;

    public ThftFrameDecoder(int maxFrameSize, RpcServerListener listener) {
        this.maxFrameSize = maxFrameSize;
        this.listener = listener;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        int readable = in.readableBytes();
        try {
            ByteBuffer head = in.nioBuffer(in.readerIndex(), Math.min(readable, Thft.V0_HEADER_LENGTH));
            int length = FrameProbe.requestFrameLength(head, maxFrameSize);
            if (length == FrameProbe.INCOMPLETE || readable < length) {
                return;
            }
            byte[] frame = new byte[length];
            in.readBytes(frame);
            out.add(RequestFrameDecoder.decode(ByteBuffer.wrap(frame)));
        } catch (FrameException e) {
            reject(ctx, e.stage(), e.getMessage());
            in.skipBytes(in.readableBytes());
        }
    }

    private void reject(ChannelHandlerContext ctx, FrameStage stage, String reason) {
        failed = true;
        LOG.warn("closing connection from {}: {}", ctx.channel().remoteAddress(), reason);
        listener.onFrameRejected(ctx.channel().remoteAddress(), stage, reason);
        ctx.close();
    }
}
