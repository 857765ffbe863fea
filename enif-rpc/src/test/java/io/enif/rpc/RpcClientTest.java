package io.enif.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.proto.base.blob;
import io.enif.proto.frame.ArgsField;
import io.enif.proto.frame.ResponseFrame;
import io.enif.proto.rrdb.read_response;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class RpcClientTest {
    private static final int MAX_FRAME = 4096;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final CompletableFuture<Long> onewaySeen = new CompletableFuture<>();
    private final CompletableFuture<RpcContext> held = new CompletableFuture<>();
    private RpcServer server;
    private RpcClient client;
    private HostPort address;

    @BeforeEach
    void start() throws Exception {
        RpcDispatcher dispatcher = new RpcDispatcher()
                .register("RPC_TEST_ECHO", blob::new, (ctx, key) -> ctx.reply(new read_response().setValue(key)))
                .register("RPC_TEST_HOLD", blob::new, (ctx, key) -> held.complete(ctx))
                .register("RPC_TEST_BUSY", blob::new, (ctx, key) -> ctx.replyError(ErrorCode.ERR_BUSY))
                .registerI64("RPC_TEST_ONEWAY", (ctx, value) -> onewaySeen.complete(value));
        server = new RpcServer(RpcServerConfig.of("127.0.0.1", 0).withMaxFrameSize(MAX_FRAME), dispatcher).start();
        address = server.address();
        client = new RpcClient(RpcClientConfig.defaults());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static RpcRequest request(String name, String key, Duration timeout) {
        return RpcRequest.of(name, ArgsField.blob(key.getBytes()), timeout);
    }

    private static RpcException failureOf(CompletableFuture<?> call) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> call.get(10, TimeUnit.SECONDS));
        assertThat(e.getCause()).isInstanceOf(RpcException.class);
        return (RpcException) e.getCause();
    }

    @Test
    void timesOutACallThatGetsNoReplyAndDropsTheLateReply() throws Exception {
        CompletableFuture<ResponseFrame> call =
                client.call(address, request("RPC_TEST_HOLD", "k", Duration.ofMillis(200)));

        RpcException failure = failureOf(call);
        held.get(10, TimeUnit.SECONDS).reply(new read_response());

        assertThat(failure.isTimeout()).isTrue();
        assertThat(failure.errorName()).isEqualTo("ERR_TIMEOUT");
        assertThat(failure.errorCode()).hasValue(ErrorCode.ERR_TIMEOUT);
        // The late reply is dropped and the session keeps working.
        assertThat(client.call(address, request("RPC_TEST_ECHO", "after", TIMEOUT), read_response::new)
                        .get(10, TimeUnit.SECONDS)
                        .getValue())
                .isEqualTo(blob.of("after"));
    }

    @Test
    void failsPendingCallsWithSessionResetWhenTheServerGoesAway() throws Exception {
        CompletableFuture<ResponseFrame> call = client.call(address, request("RPC_TEST_HOLD", "k", TIMEOUT));
        held.get(10, TimeUnit.SECONDS);

        server.close();

        RpcException failure = failureOf(call);
        assertThat(failure.isSessionReset()).isTrue();
        assertThat(failure.errorName()).isEqualTo(RpcException.ERR_SESSION_RESET);
        // Nothing listens any more: the next call cannot connect.
        assertThat(failureOf(client.call(address, request("RPC_TEST_ECHO", "k", TIMEOUT)))
                        .isSessionReset())
                .isTrue();
    }

    @Test
    void reconnectsOnTheNextCallAfterTheConnectionWasClosed() throws Exception {
        assertThat(client.call(address, request("RPC_TEST_ECHO", "one", TIMEOUT))
                        .get(10, TimeUnit.SECONDS)
                        .isOk())
                .isTrue();
        CompletableFuture<ResponseFrame> pending = client.call(address, request("RPC_TEST_HOLD", "k", TIMEOUT));
        held.get(10, TimeUnit.SECONDS);

        // A frame above the server's max_frame_size makes it close this connection.
        RpcException oversize =
                failureOf(client.call(address, request("RPC_TEST_ECHO", "x".repeat(MAX_FRAME), TIMEOUT)));

        assertThat(oversize.isSessionReset()).isTrue();
        assertThat(failureOf(pending).isSessionReset()).isTrue();
        read_response again = client.call(address, request("RPC_TEST_ECHO", "two", TIMEOUT), read_response::new)
                .get(10, TimeUnit.SECONDS);
        assertThat(again.getValue()).isEqualTo(blob.of("two"));
    }

    @Test
    void turnsNonOkRepliesIntoTheServersErrorName() throws Exception {
        CompletableFuture<read_response> call =
                client.call(address, request("RPC_TEST_BUSY", "k", TIMEOUT), read_response::new);
        CompletableFuture<ResponseFrame> raw = client.call(address, request("RPC_NOBODY", "k", TIMEOUT));

        assertThat(failureOf(call).errorCode()).hasValue(ErrorCode.ERR_BUSY);
        assertThat(raw.get(10, TimeUnit.SECONDS).errorName()).isEqualTo("ERR_HANDLER_NOT_FOUND");
    }

    @Test
    void sendsOnewayRequests() throws Exception {
        client.send(address, RpcRequest.of("RPC_TEST_ONEWAY", ArgsField.i64(31), TIMEOUT))
                .get(10, TimeUnit.SECONDS);

        assertThat(onewaySeen.get(10, TimeUnit.SECONDS)).isEqualTo(31L);
    }

    @Test
    void failsPendingAndLaterCallsOnceClosed() throws Exception {
        CompletableFuture<ResponseFrame> pending = client.call(address, request("RPC_TEST_HOLD", "k", TIMEOUT));
        held.get(10, TimeUnit.SECONDS);

        client.close();

        assertThat(failureOf(pending).isSessionReset()).isTrue();
        assertThat(failureOf(client.call(address, request("RPC_TEST_ECHO", "k", TIMEOUT)))
                        .isSessionReset())
                .isTrue();
        assertThatThrownBy(() -> RpcRequest.of("X", ArgsField.none(), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
