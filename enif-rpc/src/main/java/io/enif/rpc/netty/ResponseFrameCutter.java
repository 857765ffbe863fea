package io.enif.rpc.netty;

import io.enif.proto.frame.FrameException;
import io.enif.proto.frame.FrameProbe;
import io.enif.proto.frame.ResponseFrameDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Client side: cuts the response stream by {@code total_len} and decodes each frame into a {@link
 * io.enif.proto.frame.ResponseFrame}. A malformed or oversized response is passed on as an exception, which resets
 * the session (as Pegasus's client does).
 */
public final class ResponseFrameCutter extends ByteToMessageDecoder {
    private final int maxFrameSize;
    private boolean failed;

    public ResponseFrameCutter(int maxFrameSize) {
        this.maxFrameSize = maxFrameSize;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        try {
            int length = FrameProbe.responseFrameLength(
                    in.nioBuffer(in.readerIndex(), Math.min(in.readableBytes(), 4)), maxFrameSize);
            if (length == FrameProbe.INCOMPLETE || in.readableBytes() < length) {
                return;
            }
            byte[] frame = new byte[length];
            in.readBytes(frame);
            out.add(ResponseFrameDecoder.decode(ByteBuffer.wrap(frame)));
        } catch (FrameException e) {
            failed = true;
            in.skipBytes(in.readableBytes());
            ctx.fireExceptionCaught(e);
        }
    }
}
