package io.enif.rpc.netty;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of every server connection: whatever exception reaches it is logged in one line and closes that
 * connection only, so no exception ever reaches Netty's pipeline tail or affects other connections.
 */
@Sharable
public final class ConnectionGuard extends ChannelInboundHandlerAdapter {
    /** The one instance (the guard keeps no state). */
    public static final ConnectionGuard INSTANCE = new ConnectionGuard();

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);

    private ConnectionGuard() {}

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            LOG.debug("connection from {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        } else {
            // Not a bad frame (those are refused before they get here) but a bug: keep the stack trace.
            LOG.warn(
                    "closing connection from {} after an unexpected error",
                    ctx.channel().remoteAddress(),
                    cause);
        }
        ctx.close();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        // Nothing should get here; release whatever did so that it does not leak.
        ReferenceCountUtil.release(msg);
    }
}
