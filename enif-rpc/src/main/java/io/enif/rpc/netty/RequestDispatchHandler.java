package io.enif.rpc.netty;

import io.enif.proto.frame.FrameStage;
import io.enif.proto.frame.RequestFrame;
import io.enif.rpc.RpcDispatcher;
import io.enif.rpc.RpcServerListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;

/**
 * Hands each decoded request to the {@link RpcDispatcher} at once, without waiting for earlier replies: pipelined
 * requests are served concurrently and their replies may go out in any order.
 */
@Sharable
public final class RequestDispatchHandler extends SimpleChannelInboundHandler<RequestFrame> {
    private final RpcDispatcher dispatcher;
    private final RpcServerListener listener;

    public RequestDispatchHandler(RpcDispatcher dispatcher, RpcServerListener listener) {
        this.dispatcher = dispatcher;
        this.listener = listener;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, RequestFrame frame) {
        RpcDispatcher.Outcome outcome = dispatcher.dispatch(new ChannelRpcContext(ctx.channel(), frame));
        if (outcome == RpcDispatcher.Outcome.INVALID_ARGS) {
            listener.onFrameRejected(
                    ctx.channel().remoteAddress(), FrameStage.HANDLER, "args of " + frame + " do not decode");
        }
        listener.onDispatched(ctx.channel().remoteAddress(), frame.name(), outcome);
    }
}
