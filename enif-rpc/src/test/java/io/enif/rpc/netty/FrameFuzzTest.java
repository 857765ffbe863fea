package io.enif.rpc.netty;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.proto.admin.query_cfg_request;
import io.enif.proto.base.blob;
import io.enif.proto.frame.ArgsField;
import io.enif.proto.frame.FrameStage;
import io.enif.proto.frame.RequestFrameEncoder;
import io.enif.proto.frame.RequestMeta;
import io.enif.proto.frame.ResponseFrame;
import io.enif.proto.frame.ResponseFrameDecoder;
import io.enif.proto.frame.Thft;
import io.enif.proto.rrdb.key_value;
import io.enif.proto.rrdb.multi_get_request;
import io.enif.proto.rrdb.multi_put_request;
import io.enif.proto.rrdb.read_response;
import io.enif.proto.rrdb.update_request;
import io.enif.proto.rrdb.update_response;
import io.enif.rpc.RpcClient;
import io.enif.rpc.RpcClientConfig;
import io.enif.rpc.RpcDispatcher;
import io.enif.rpc.RpcRequest;
import io.enif.rpc.RpcServer;
import io.enif.rpc.RpcServerConfig;
import io.enif.rpc.RpcServerListener;
import io.enif.rpc.http.HttpHandler;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * Feeds 100,000 frames mutated from valid ones (bit flips, byte changes, truncations, length edits, insertions; a
 * fixed seed) through the server's real pipeline on an {@link EmbeddedChannel} — sniffer, length probe, header, meta
 * and body decoding, dispatch to handlers that decode the args into rrdb structs — and checks that nothing escapes,
 * that every reply is a well-formed response, and that a real server still answers afterwards.
 */
@Timeout(120)
class FrameFuzzTest {
    private static final int FRAMES = 100_000;
    private static final long SEED = 0x5eed_2026_1124L;
    private static final int MAX_FRAME = 1 << 20;
    private static final String GET = "RPC_RRDB_RRDB_GET";

    /** How far one mutated frame got: rejected at a stage, dispatched, or still waiting for bytes. */
    private enum Result {
        HEADER,
        META,
        BODY,
        HANDLER,
        NOT_FOUND,
        HANDLED,
        INCOMPLETE
    }

    private final List<Logger> silenced = new ArrayList<>();
    private final ListAppender<ILoggingEvent> problems = new ListAppender<>();
    private Result current;
    private RpcDispatcher dispatcher;

    @BeforeEach
    void setUp() {
        dispatcher = new RpcDispatcher()
                .register(GET, blob::new, (ctx, key) -> ctx.reply(new read_response().setValue(key)))
                .register("RPC_RRDB_RRDB_PUT", update_request::new, (ctx, r) -> ctx.reply(new update_response()))
                .register(
                        "RPC_RRDB_RRDB_MULTI_PUT", multi_put_request::new, (ctx, r) -> ctx.reply(new update_response()))
                .register(
                        "RPC_RRDB_RRDB_MULTI_GET", multi_get_request::new, (ctx, r) -> ctx.replyError(ErrorCode.ERR_OK))
                .register(
                        "RPC_CM_QUERY_PARTITION_CONFIG_BY_INDEX",
                        query_cfg_request::new,
                        (ctx, r) -> ctx.replyError(ErrorCode.ERR_OBJECT_NOT_FOUND))
                .registerI64("RPC_RRDB_RRDB_CLEAR_SCANNER", (ctx, id) -> ctx.noReply());
        // The decoders log one line per closed connection: 100,000 of them would only slow the test down.
        for (Class<?> noisy : List.of(ThftFrameDecoder.class, ProtocolSniffer.class)) {
            Logger logger = (Logger) LoggerFactory.getLogger(noisy);
            logger.setLevel(Level.ERROR);
            silenced.add(logger);
        }
        // Anything these log at WARN or above means an exception escaped a handler or a reply went wrong.
        problems.start();
        for (Class<?> watched : List.of(ConnectionGuard.class, ChannelRpcContext.class, RpcDispatcher.class)) {
            ((Logger) LoggerFactory.getLogger(watched)).addAppender(problems);
        }
    }

    @AfterEach
    void tearDown() {
        silenced.forEach(logger -> logger.setLevel(null));
        for (Class<?> watched : List.of(ConnectionGuard.class, ChannelRpcContext.class, RpcDispatcher.class)) {
            ((Logger) LoggerFactory.getLogger(watched)).detachAppender(problems);
        }
    }

    @Test
    void survivesMutatedFramesAndKeepsServing() throws Exception {
        List<byte[]> seeds = seeds();
        Random random = new Random(SEED);
        RpcServerListener listener = new RpcServerListener() {
            @Override
            public void onFrameRejected(SocketAddress remote, FrameStage stage, String reason) {
                record(Result.valueOf(stage.name()));
            }

            @Override
            public void onDispatched(SocketAddress remote, String name, RpcDispatcher.Outcome outcome) {
                switch (outcome) {
                    case HANDLED -> record(Result.HANDLED);
                    case NOT_FOUND -> record(Result.NOT_FOUND);
                    default -> {} // INVALID_ARGS is reported as a HANDLER rejection
                }
            }
        };
        Map<Result, Integer> counts = new EnumMap<>(Result.class);
        long started = System.nanoTime();

        for (int i = 0; i < FRAMES; i++) {
            byte[] frame = mutate(seeds.get(random.nextInt(seeds.size())), random);
            current = null;
            EmbeddedChannel channel = new EmbeddedChannel(
                    new ServerChannelInitializer(MAX_FRAME, dispatcher, HttpHandler.NOT_FOUND, listener, null));
            channel.writeInbound(Unpooled.wrappedBuffer(frame)); // rethrows anything that reached the pipeline's tail
            channel.checkException();
            Result result = current == null ? Result.INCOMPLETE : current;
            counts.merge(result, 1, Integer::sum);
            checkReplies(channel, result);
            if (result == Result.HEADER || result == Result.META || result == Result.BODY) {
                assertThat(channel.isOpen())
                        .as("connection closed after a %s rejection", result)
                        .isFalse();
            }
            channel.finishAndReleaseAll();
        }

        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        int pastHeader = FRAMES - counts.getOrDefault(Result.HEADER, 0) - counts.getOrDefault(Result.INCOMPLETE, 0);
        System.out.printf(
                "frame fuzz: %d frames in %d ms; stopped at HEADER %d, META %d, BODY %d, HANDLER (args) %d; "
                        + "dispatched: handled %d, unknown name %d; incomplete %d; past the header %d%n",
                FRAMES,
                millis,
                counts.getOrDefault(Result.HEADER, 0),
                counts.getOrDefault(Result.META, 0),
                counts.getOrDefault(Result.BODY, 0),
                counts.getOrDefault(Result.HANDLER, 0),
                counts.getOrDefault(Result.HANDLED, 0),
                counts.getOrDefault(Result.NOT_FOUND, 0),
                counts.getOrDefault(Result.INCOMPLETE, 0),
                pastHeader);

        assertThat(pastHeader).isGreaterThanOrEqualTo(FRAMES / 2);
        assertThat(counts.keySet()).contains(Result.HEADER, Result.META, Result.BODY, Result.HANDLER, Result.HANDLED);
        assertThat(problems.list)
                .as("warnings from the guard, the dispatcher or replies")
                .isEmpty();

        sendMutatedFramesOverSockets(seeds, random);
    }

    private void record(Result result) {
        if (current == null) {
            current = result;
        }
    }

    /** Every reply the pipeline wrote must be a well-formed response with a name the Java client knows. */
    private static void checkReplies(EmbeddedChannel channel, Result result) throws Exception {
        List<String> errors = new ArrayList<>();
        for (ByteBuf out = channel.readOutbound(); out != null; out = channel.readOutbound()) {
            try {
                ResponseFrame reply = ResponseFrameDecoder.decode(out.nioBuffer());
                assertThat(ErrorCode.fromWireName(reply.errorName())).isPresent();
                assertThat(reply.name()).endsWith(Thft.REPLY_SUFFIX);
                errors.add(reply.errorName());
            } finally {
                out.release();
            }
        }
        // ONEWAY requests (the clear_scanner seed) get no reply at all.
        if (result == Result.HANDLER && !errors.isEmpty()) {
            assertThat(errors).first().isEqualTo("ERR_INVALID_DATA");
        } else if (result == Result.NOT_FOUND && !errors.isEmpty()) {
            assertThat(errors).first().isEqualTo("ERR_HANDLER_NOT_FOUND");
        }
    }

    /** Then the same kind of input over real sockets, and a real server must still answer a valid GET. */
    private void sendMutatedFramesOverSockets(List<byte[]> seeds, Random random) throws Exception {
        try (RpcServer server = new RpcServer(
                                RpcServerConfig.of("127.0.0.1", 0).withMaxFrameSize(MAX_FRAME), dispatcher)
                        .start();
                RpcClient client = new RpcClient(RpcClientConfig.defaults())) {
            for (int i = 0; i < 300; i++) {
                try (Socket socket = new Socket("127.0.0.1", server.port())) {
                    OutputStream out = socket.getOutputStream();
                    out.write(mutate(seeds.get(random.nextInt(seeds.size())), random));
                    out.flush();
                } catch (IOException e) {
                    // the server may close a connection while we write: that is its right
                }
            }
            HostPort address = server.address();
            read_response reply = client.call(
                            address,
                            RpcRequest.of(GET, ArgsField.blob(new byte[] {0, 1, 'h', 's'}), Duration.ofSeconds(5)),
                            read_response::new)
                    .get(10, TimeUnit.SECONDS);

            assertThat(reply.getValue().data()).containsExactly(0, 1, 'h', 's');
        }
    }

    private static List<byte[]> seeds() throws Exception {
        RequestMeta v1 = RequestMeta.v1(new Gpid(2, 3), 1000, 0x555d9839ecea8b30L, false);
        RequestMeta v0 = new RequestMeta(Thft.VERSION_0, 2, 3, 1000, 0x555d9839ecea8b30L, false);
        multi_get_request multiGet = new multi_get_request()
                .setHash_key(blob.of("h"))
                .setSort_keys(List.of(blob.of("a"), blob.of("b")))
                .setMax_kv_count(10)
                .setStart_sortkey(blob.of(""))
                .setStop_sortkey(blob.of("z"))
                .setSort_key_filter_pattern(blob.of("p"));
        multi_put_request multiPut = new multi_put_request()
                .setHash_key(blob.of("h"))
                .setKvs(List.of(
                        new key_value(blob.of("s1"), blob.of("v1")), new key_value(blob.of("s2"), blob.of("v2"))))
                .setExpire_ts_seconds(0);
        update_request put = new update_request(blob.of("\0\1hs"), blob.of("value"), 0);
        return List.of(
                RequestFrameEncoder.encodeCall(v1, GET, 7, ArgsField.blob(new byte[] {0, 1, 'h', 's'})),
                RequestFrameEncoder.encodeCall(v0, GET, 8, ArgsField.blob(new byte[] {0, 1, 'h', 's'})),
                RequestFrameEncoder.encodeCall(v1, "RPC_RRDB_RRDB_PUT", 9, ArgsField.struct(put)),
                RequestFrameEncoder.encodeCall(v1, "RPC_RRDB_RRDB_MULTI_PUT", 10, ArgsField.struct(multiPut)),
                RequestFrameEncoder.encodeCall(v1, "RPC_RRDB_RRDB_MULTI_GET", 11, ArgsField.struct(multiGet)),
                RequestFrameEncoder.encodeCall(
                        RequestMeta.v1(new Gpid(-1, -2), 5000, 0, false),
                        "RPC_CM_QUERY_PARTITION_CONFIG_BY_INDEX",
                        0,
                        ArgsField.struct(new query_cfg_request("temp", List.of()))),
                RequestFrameEncoder.encode(v1, "RPC_RRDB_RRDB_CLEAR_SCANNER", Thft.ONEWAY, 12, ArgsField.i64(42)));
    }

    /** One random mutation of a valid frame. */
    static byte[] mutate(byte[] seed, Random random) {
        int kind = random.nextInt(100);
        if (kind < 35) {
            byte[] frame = seed.clone();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                frame[random.nextInt(frame.length)] ^= (byte) (1 << random.nextInt(8));
            }
            return frame;
        }
        if (kind < 60) {
            byte[] frame = seed.clone();
            for (int changes = 1 + random.nextInt(2); changes > 0; changes--) {
                frame[random.nextInt(frame.length)] = (byte) random.nextInt(256);
            }
            return frame;
        }
        if (kind < 70) {
            return Arrays.copyOf(seed, random.nextInt(seed.length));
        }
        if (kind < 85) {
            byte[] frame = seed.clone();
            boolean v0 = frame[7] == Thft.VERSION_0;
            int field = v0 ? (random.nextBoolean() ? 8 : 16) : (random.nextBoolean() ? 8 : 12);
            ByteBuffer buffer = ByteBuffer.wrap(frame);
            int old = buffer.getInt(field);
            int edited = switch (random.nextInt(4)) {
                case 0 -> old + 1 + random.nextInt(16);
                case 1 -> old - 1 - random.nextInt(16);
                case 2 -> random.nextInt();
                default -> random.nextBoolean() ? 0 : -1;
            };
            buffer.putInt(field, edited);
            return frame;
        }
        int at = random.nextInt(seed.length + 1);
        int count = 1 + random.nextInt(4);
        byte[] frame = new byte[seed.length + count];
        System.arraycopy(seed, 0, frame, 0, at);
        for (int i = 0; i < count; i++) {
            frame[at + i] = (byte) random.nextInt(256);
        }
        System.arraycopy(seed, at, frame, at + count, seed.length - at);
        return frame;
    }
}
