package io.enif.rpc.netty;

import io.enif.rpc.http.HttpHandler;
import io.enif.rpc.http.HttpRequest;
import io.enif.rpc.http.HttpResponse;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns each aggregated HTTP request into an {@link HttpRequest}, asks the {@link HttpHandler}, writes the answer. */
public final class HttpRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(HttpRequestHandler.class);

    private final HttpHandler handler;

    public HttpRequestHandler(HttpHandler handler) {
        this.handler = handler;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (request.decoderResult().isFailure()) {
            LOG.warn(
                    "closing connection from {}: bad HTTP request: {}",
                    ctx.channel().remoteAddress(),
                    request.decoderResult().cause().toString());
            write(ctx, HttpResponse.text(400, "bad request\n"), false);
            return;
        }
        HttpResponse response;
        try {
            response = handler.handle(toRequest(request));
        } catch (RuntimeException e) {
            LOG.error(
                    "HTTP handler failed on {} {} from {}",
                    request.method(),
                    request.uri(),
                    ctx.channel().remoteAddress(),
                    e);
            response = HttpResponse.text(500, "internal error: " + e + "\n");
        }
        write(ctx, response, HttpUtil.isKeepAlive(request));
    }

    private static HttpRequest toRequest(FullHttpRequest request) {
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        Map<String, String> headers = new HashMap<>();
        request.headers().forEach(header -> headers.put(header.getKey().toLowerCase(Locale.ROOT), header.getValue()));
        return new HttpRequest(
                request.method().name(),
                uri.path(),
                uri.parameters(),
                headers,
                ByteBufUtil.getBytes(request.content()));
    }

    private static void write(ChannelHandlerContext ctx, HttpResponse response, boolean keepAlive) {
        FullHttpResponse out = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(response.status()),
                Unpooled.wrappedBuffer(response.body()));
        out.headers().set(HttpHeaderNames.CONTENT_TYPE, response.contentType());
        response.headers().forEach((name, value) -> out.headers().set(name, value));
        HttpUtil.setContentLength(out, response.body().length);
        if (keepAlive) {
            out.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(out);
        } else {
            out.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(out).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
