package io.enif.rpc.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.Gpid;
import io.enif.proto.base.blob;
import io.enif.proto.frame.ArgsField;
import io.enif.proto.frame.FrameStage;
import io.enif.proto.frame.RequestFrameEncoder;
import io.enif.proto.frame.RequestMeta;
import io.enif.proto.frame.ResponseFrame;
import io.enif.proto.frame.ResponseFrameDecoder;
import io.enif.proto.frame.Thft;
import io.enif.proto.rrdb.read_response;
import io.enif.rpc.RpcDispatcher;
import io.enif.rpc.RpcServerListener;
import io.enif.rpc.http.HttpResponse;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The server pipeline on an {@link EmbeddedChannel}: protocol sniffing, framing across reads, v0 headers. */
@Timeout(10)
class ServerPipelineTest {
    private final List<String> rejections = new ArrayList<>();
    private final RpcDispatcher dispatcher = new RpcDispatcher()
            .register("RPC_RRDB_RRDB_GET", blob::new, (ctx, key) -> ctx.reply(new read_response().setValue(key)));

    private EmbeddedChannel channel() {
        RpcServerListener listener = new RpcServerListener() {
            @Override
            public void onFrameRejected(SocketAddress remote, FrameStage stage, String reason) {
                rejections.add(stage + " " + reason);
            }
        };
        return new EmbeddedChannel(new ServerChannelInitializer(
                1024, dispatcher, request -> HttpResponse.text(200, "path " + request.path()), listener, null));
    }

    private static byte[] get(RequestMeta meta, int seqid) throws Exception {
        return RequestFrameEncoder.encodeCall(meta, "RPC_RRDB_RRDB_GET", seqid, ArgsField.blob(new byte[] {'k'}));
    }

    private static List<ResponseFrame> replies(EmbeddedChannel channel) throws Exception {
        List<ResponseFrame> replies = new ArrayList<>();
        for (ByteBuf out = channel.readOutbound(); out != null; out = channel.readOutbound()) {
            replies.add(ResponseFrameDecoder.decode(out.nioBuffer()));
            out.release();
        }
        return replies;
    }

    @Test
    void cutsFramesDeliveredOneByteAtATimeAndSeveralPerRead() throws Exception {
        EmbeddedChannel channel = channel();
        byte[] first = get(RequestMeta.v1(new Gpid(1, 1), 100, 0, false), 1);
        for (byte b : first) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }
        byte[] second = get(new RequestMeta(Thft.VERSION_0, 1, 1, 100, 0, false), 2);
        byte[] third = get(RequestMeta.v1(new Gpid(1, 1), 100, 0, false), 3);
        channel.writeInbound(Unpooled.wrappedBuffer(second, third));

        assertThat(replies(channel)).extracting(ResponseFrame::seqid).containsExactly(1, 2, 3);
        assertThat(channel.isOpen()).isTrue();
        assertThat(rejections).isEmpty();
        channel.finishAndReleaseAll();
    }

    @Test
    void waitsWhileTheFirstBytesMayStillBeAnHttpMethod() throws Exception {
        EmbeddedChannel channel = channel();
        channel.writeInbound(Unpooled.wrappedBuffer("OPTI".getBytes(StandardCharsets.US_ASCII)));

        assertThat(channel.isOpen()).isTrue();
        channel.writeInbound(
                Unpooled.wrappedBuffer("ONS /x HTTP/1.1\r\nHost: a\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));

        ByteBuf response = channel.readOutbound();
        String text = response.toString(StandardCharsets.US_ASCII);
        response.release();
        assertThat(text).startsWith("HTTP/1.1 200 OK").endsWith("path /x");
        channel.finishAndReleaseAll();
    }

    @Test
    void closesOnBytesThatCannotStartEitherProtocol() {
        EmbeddedChannel channel = channel();
        channel.writeInbound(Unpooled.wrappedBuffer("THF".getBytes(StandardCharsets.US_ASCII)));
        assertThat(channel.isOpen()).isTrue();

        channel.writeInbound(Unpooled.wrappedBuffer("Z".getBytes(StandardCharsets.US_ASCII)));

        assertThat(channel.isOpen()).isFalse();
        assertThat(rejections).singleElement().asString().startsWith("HEADER neither THFT nor HTTP");
        channel.checkException();
    }

    @Test
    void closesAfterAFrameLargerThanTheLimitWithoutWaitingForIt() {
        EmbeddedChannel channel = channel();

        channel.writeInbound(
                Unpooled.buffer().writeInt(Thft.MAGIC).writeInt(1).writeInt(37).writeInt(2000));

        assertThat(channel.isOpen()).isFalse();
        assertThat(rejections).singleElement().asString().contains("exceeds max_frame_size 1024");
    }
}
