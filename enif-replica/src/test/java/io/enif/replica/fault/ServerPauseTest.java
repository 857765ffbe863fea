package io.enif.replica.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.proto.base.blob;
import io.enif.proto.frame.ArgsField;
import io.enif.proto.rpc.ClientRpcs;
import io.enif.proto.rrdb.read_response;
import io.enif.replica.testing.Await;
import io.enif.rpc.RpcClient;
import io.enif.rpc.RpcClientConfig;
import io.enif.rpc.RpcDispatcher;
import io.enif.rpc.RpcRequest;
import io.enif.rpc.RpcServer;
import io.enif.rpc.RpcServerConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link ServerPause}: parked threads, held requests, and everything going on after the resume. */
@Timeout(30)
class ServerPauseTest {
    private final AtomicInteger served = new AtomicInteger();
    private final AtomicLong ticks = new AtomicLong();
    private ScheduledExecutorService timer;
    private ExecutorService pool;
    private RpcServer server;
    private RpcClient client;
    private ServerPause pause;

    @BeforeEach
    void start() throws Exception {
        timer = Executors.newSingleThreadScheduledExecutor();
        pool = Executors.newFixedThreadPool(3);
        timer.scheduleWithFixedDelay(ticks::incrementAndGet, 1, 1, TimeUnit.MILLISECONDS);
        RpcDispatcher handlers = new RpcDispatcher();
        // the handler replies from the pool, as the replica server's handlers reply from lanes
        handlers.register(
                ClientRpcs.RPC_RRDB_RRDB_GET.name(),
                blob::new,
                (ctx, key) -> pool.execute(() -> {
                    served.incrementAndGet();
                    ctx.reply(new read_response().setError(0).setValue(key));
                }));
        pause = new ServerPause(() -> "test server").freezes(timer, 1).freezes(pool, 3);
        server = new RpcServer(RpcServerConfig.of("127.0.0.1", 0), pause.gate(handlers)).start();
        client = new RpcClient(RpcClientConfig.defaults());
    }

    @AfterEach
    void stop() {
        pause.abandon();
        client.close();
        server.close();
        timer.shutdownNow();
        pool.shutdownNow();
    }

    private CompletableFuture<read_response> get(String key) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        return client.call(
                new HostPort("127.0.0.1", server.port()),
                new RpcRequest(
                        ClientRpcs.RPC_RRDB_RRDB_GET.name(),
                        new Gpid(1, 0),
                        0,
                        false,
                        ArgsField.blob(bytes),
                        Duration.ofSeconds(20)),
                read_response::new);
    }

    private static String value(read_response r) {
        return new String(r.getValue().data(), StandardCharsets.UTF_8);
    }

    @Test
    void aPausedServerAnswersNothingAndRunsNoTimerUntilItResumes() throws Exception {
        assertThat(value(get("before").get(10, TimeUnit.SECONDS))).isEqualTo("before");

        pause.pause(Duration.ofSeconds(5));
        assertThat(pause.isPaused()).isTrue();
        long ticksAtPause = ticks.get();
        int servedAtPause = served.get();
        CompletableFuture<read_response> first = get("first");
        CompletableFuture<read_response> second = get("second");
        Await.until("both requests reached the paused server", () -> pause.heldCount() == 2);
        pool.execute(served::incrementAndGet); // work handed to a parked pool waits too

        // a window of 200 timer periods: nothing may move in it
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        while (System.nanoTime() < deadline) {
            assertThat(ticks.get()).isEqualTo(ticksAtPause);
            assertThat(served.get()).isEqualTo(servedAtPause);
            assertThat(first).isNotDone();
            assertThat(second).isNotDone();
            Thread.onSpinWait();
        }

        pause.resume();
        assertThat(pause.isPaused()).isFalse();
        assertThat(value(first.get(10, TimeUnit.SECONDS))).isEqualTo("first");
        assertThat(value(second.get(10, TimeUnit.SECONDS))).isEqualTo("second");
        Await.until("the timer fires again", () -> ticks.get() > ticksAtPause + 5);
        Await.until("the queued task ran", () -> served.get() == servedAtPause + 3);
        assertThat(pause.heldCount()).isZero();
        assertThat(value(get("after").get(10, TimeUnit.SECONDS))).isEqualTo("after");
    }

    @Test
    void pausingTwiceAndResumingAnUnpausedServerChangeNothing() throws Exception {
        pause.resume();
        pause.pause(Duration.ofSeconds(5));
        pause.pause(Duration.ofSeconds(5));
        CompletableFuture<read_response> held = get("held");
        Await.until("the request is held", () -> pause.heldCount() == 1);
        pause.resume();
        assertThat(value(held.get(10, TimeUnit.SECONDS))).isEqualTo("held");
        pause.resume();
        assertThat(value(get("again").get(10, TimeUnit.SECONDS))).isEqualTo("again");
    }

    @Test
    void abandonDropsTheHeldRequestsAndFreesTheThreads() throws Exception {
        pause.pause(Duration.ofSeconds(5));
        CompletableFuture<read_response> held = get("dropped");
        Await.until("the request is held", () -> pause.heldCount() == 1);
        long ticksAtPause = ticks.get();

        pause.abandon();
        Await.until("the timer fires again", () -> ticks.get() > ticksAtPause);
        assertThat(pause.heldCount()).isZero();
        assertThat(held).isNotDone();
        server.close(); // the process dies: its connections reset
        assertThatThrownBy(() -> held.get(10, TimeUnit.SECONDS)).hasMessageContaining("ERR_SESSION_RESET");
    }

    @Test
    void aSecondDispatcherCannotBeGated() {
        assertThatThrownBy(() -> pause.gate(new RpcDispatcher())).isInstanceOf(IllegalStateException.class);
    }
}
