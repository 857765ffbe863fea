package io.enif.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.proto.base.blob;
import io.enif.proto.frame.ArgsField;
import io.enif.proto.frame.FrameStage;
import io.enif.proto.frame.RequestFrameEncoder;
import io.enif.proto.frame.RequestMeta;
import io.enif.proto.frame.ResponseFrame;
import io.enif.proto.frame.Thft;
import io.enif.proto.rrdb.read_response;
import io.enif.rpc.http.HttpResponse;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class RpcServerTest {
    private static final int MAX_FRAME = 4096;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final List<String> rejections = new CopyOnWriteArrayList<>();
    private final CompletableFuture<RpcContext> slowRequest = new CompletableFuture<>();
    private final CompletableFuture<Long> onewaySeen = new CompletableFuture<>();
    private RpcServer server;
    private RpcClient client;
    private HostPort address;

    @BeforeEach
    void start() throws Exception {
        RpcDispatcher dispatcher = new RpcDispatcher()
                .register("RPC_TEST_ECHO", blob::new, (ctx, key) -> ctx.reply(echo(ctx, key)))
                .register("RPC_TEST_SLOW", blob::new, (ctx, key) -> slowRequest.complete(ctx))
                .registerI64("RPC_TEST_ONEWAY", (ctx, value) -> {
                    onewaySeen.complete(value);
                    ctx.reply(new read_response()); // must not be sent: the request is ONEWAY
                });
        RpcServerListener listener = new RpcServerListener() {
            @Override
            public void onFrameRejected(SocketAddress remote, FrameStage stage, String reason) {
                rejections.add(stage + " " + reason);
            }
        };
        server = new RpcServer(
                        RpcServerConfig.of("127.0.0.1", 0).withMaxFrameSize(MAX_FRAME),
                        dispatcher,
                        request -> request.path().equals("/version")
                                ? HttpResponse.text(
                                        200,
                                        request.method() + " " + request.path() + " "
                                                + request.parameter("detail").orElse("-") + " " + request.bodyText())
                                : HttpResponse.text(404, "no such page"),
                        listener)
                .start();
        address = server.address();
        client = new RpcClient(RpcClientConfig.defaults());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static read_response echo(RpcContext ctx, blob key) {
        return new read_response()
                .setValue(key)
                .setApp_id(ctx.meta().appId())
                .setPartition_index(ctx.meta().partitionIndex())
                .setServer(ctx.request().name());
    }

    private static RpcRequest echoRequest(String text) {
        return RpcRequest.of("RPC_TEST_ECHO", ArgsField.blob(text.getBytes(StandardCharsets.UTF_8)), TIMEOUT)
                .toPartition(new Gpid(4, 5), 99);
    }

    private static byte[] frame(String name, int seqid, ArgsField args) throws Exception {
        return RequestFrameEncoder.encodeCall(RequestMeta.v1(new Gpid(1, 1), 1000, 0, false), name, seqid, args);
    }

    @Test
    void echoesOverARealSocket() throws Exception {
        read_response reply =
                client.call(address, echoRequest("hello"), read_response::new).get(10, TimeUnit.SECONDS);

        assertThat(reply.getValue()).isEqualTo(blob.of("hello"));
        assertThat(reply.getApp_id()).isEqualTo(4);
        assertThat(reply.getPartition_index()).isEqualTo(5);
        assertThat(reply.getServer()).isEqualTo("RPC_TEST_ECHO");
    }

    @Test
    void answersUnknownNamesAndKeepsTheConnection() throws Exception {
        try (RawConnection raw = new RawConnection(server.port())) {
            raw.send(frame("RPC_RRDB_RRDB_TEST_PUT", 1, ArgsField.none()));
            ResponseFrame notFound = raw.readResponse();
            raw.send(frame("RPC_TEST_ECHO", 2, ArgsField.blob(new byte[] {'k'})));
            ResponseFrame echoed = raw.readResponse();

            assertThat(notFound.errorName()).isEqualTo("ERR_HANDLER_NOT_FOUND");
            assertThat(notFound.name()).isEqualTo("RPC_RRDB_RRDB_TEST_PUT_ACK");
            assertThat(notFound.seqid()).isEqualTo(1);
            assertThat(notFound.result().remaining()).isZero();
            assertThat(echoed.seqid()).isEqualTo(2);
            assertThat(echoed.readResult(new read_response()).getValue()).isEqualTo(blob.of("k"));
        }
    }

    @Test
    void repliesOutOfOrderToPipelinedRequests() throws Exception {
        List<String> arrivals = new CopyOnWriteArrayList<>();
        RpcRequest slow = RpcRequest.of("RPC_TEST_SLOW", ArgsField.blob(new byte[] {'s'}), TIMEOUT);

        CompletableFuture<ResponseFrame> first = client.call(address, slow);
        first.thenRun(() -> arrivals.add("slow"));
        RpcContext held = slowRequest.get(10, TimeUnit.SECONDS);
        CompletableFuture<ResponseFrame> second = client.call(address, echoRequest("fast"));
        second.thenRun(() -> arrivals.add("fast"));
        ResponseFrame fast = second.get(10, TimeUnit.SECONDS);

        assertThat(first).isNotDone();
        // The held request completes later, on another thread.
        CompletableFuture.runAsync(() -> held.reply(new read_response().setServer("late")));
        ResponseFrame late = first.get(10, TimeUnit.SECONDS);

        assertThat(fast.seqid()).isEqualTo(1);
        assertThat(late.seqid()).isEqualTo(0);
        assertThat(late.readResult(new read_response()).getServer()).isEqualTo("late");
        assertThat(arrivals).containsExactly("fast", "slow");
    }

    @Test
    void closesOnlyTheConnectionThatSendsAnOversizeFrame() throws Exception {
        client.call(address, echoRequest("before"), read_response::new).get(10, TimeUnit.SECONDS);
        try (RawConnection raw = new RawConnection(server.port())) {
            ByteBuffer header = ByteBuffer.allocate(16)
                    .putInt(Thft.MAGIC)
                    .putInt(1)
                    .putInt(37)
                    .putInt(MAX_FRAME);
            raw.send(header.array());

            assertThat(raw.closedByPeer()).isTrue();
        }
        read_response after =
                client.call(address, echoRequest("after"), read_response::new).get(10, TimeUnit.SECONDS);

        assertThat(after.getValue()).isEqualTo(blob.of("after"));
        assertThat(rejections).singleElement().asString().startsWith("HEADER").contains("exceeds max_frame_size");
    }

    @Test
    void closesOnlyTheConnectionThatSendsGarbage() throws Exception {
        try (RawConnection garbage = new RawConnection(server.port());
                RawConnection good = new RawConnection(server.port())) {
            good.send(frame("RPC_TEST_ECHO", 1, ArgsField.blob(new byte[] {'a'})));
            garbage.send("\u0000\u0001garbage".getBytes(StandardCharsets.ISO_8859_1));

            assertThat(garbage.closedByPeer()).isTrue();
            assertThat(good.readResponse().isOk()).isTrue();
            good.send(frame("RPC_TEST_ECHO", 2, ArgsField.blob(new byte[] {'b'})));
            assertThat(good.readResponse().seqid()).isEqualTo(2);
        }
        assertThat(rejections).singleElement().asString().contains("neither THFT nor HTTP");
    }

    @Test
    void closesAConnectionWhoseFrameIsMalformedAfterItsHeader() throws Exception {
        byte[] bad = frame("RPC_TEST_ECHO", 1, ArgsField.blob(new byte[] {'a'}));
        bad[16 + 37 + 3] = Thft.REPLY;
        try (RawConnection raw = new RawConnection(server.port())) {
            raw.send(bad);

            assertThat(raw.closedByPeer()).isTrue();
        }
        assertThat(rejections).singleElement().asString().startsWith("BODY");
    }

    @Test
    void answersBadArgsWithInvalidDataAndKeepsTheConnection() throws Exception {
        byte[] good = frame("RPC_TEST_ECHO", 1, ArgsField.blob(new byte[] {'a', 'b'}));
        byte[] bad = good.clone();
        bad[bad.length - 7] = 0x7f; // the blob's length now runs past the frame
        try (RawConnection raw = new RawConnection(server.port())) {
            raw.send(bad);
            ResponseFrame invalid = raw.readResponse();
            raw.send(good);

            assertThat(invalid.errorName()).isEqualTo(ErrorCode.ERR_INVALID_DATA.wireName());
            assertThat(raw.readResponse().isOk()).isTrue();
        }
        assertThat(rejections).singleElement().asString().startsWith("HANDLER");
    }

    @Test
    void neverRepliesToOnewayRequests() throws Exception {
        try (RawConnection raw = new RawConnection(server.port())) {
            raw.send(RequestFrameEncoder.encode(
                    RequestMeta.v1(new Gpid(1, 1), 0, 0, false), "RPC_TEST_ONEWAY", Thft.ONEWAY, 1, ArgsField.i64(8)));
            raw.send(frame("RPC_TEST_ECHO", 2, ArgsField.blob(new byte[] {'x'})));

            assertThat(onewaySeen.get(10, TimeUnit.SECONDS)).isEqualTo(8L);
            assertThat(raw.readResponse().seqid()).isEqualTo(2);
        }
    }

    @Test
    void answersHttpOnTheSamePort() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        URI base = URI.create("http://127.0.0.1:" + server.port());

        java.net.http.HttpResponse<String> version = http.send(
                java.net.http.HttpRequest.newBuilder(base.resolve("/version?detail=yes"))
                        .timeout(TIMEOUT)
                        .GET()
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        java.net.http.HttpResponse<String> posted = http.send(
                java.net.http.HttpRequest.newBuilder(base.resolve("/version"))
                        .timeout(TIMEOUT)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("body"))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        java.net.http.HttpResponse<String> missing = http.send(
                java.net.http.HttpRequest.newBuilder(base.resolve("/nothing"))
                        .timeout(TIMEOUT)
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(version.statusCode()).isEqualTo(200);
        assertThat(version.body()).isEqualTo("GET /version yes ");
        assertThat(version.headers().firstValue("content-type")).hasValue(HttpResponse.TEXT);
        assertThat(posted.body()).isEqualTo("POST /version - body");
        assertThat(missing.statusCode()).isEqualTo(404);
        // THFT still works next to HTTP.
        assertThat(client.call(address, echoRequest("rpc"), read_response::new)
                        .get(10, TimeUnit.SECONDS)
                        .getValue())
                .isEqualTo(blob.of("rpc"));
    }
}
