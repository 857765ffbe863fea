package io.enif.rpc.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enif.common.HostPort;
import io.enif.rpc.RpcClient;
import io.enif.rpc.RpcClientConfig;
import io.enif.rpc.RpcDispatcher;
import io.enif.rpc.RpcServer;
import io.enif.rpc.RpcServerConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** RPC_CLI_CLI_CALL end to end over loopback: the command struct in, a bare string result out. */
@Timeout(20)
class RemoteCommandServiceTest {
    private RpcServer server;
    private RpcClient client;
    private RemoteCommandService service;
    private final java.util.concurrent.atomic.AtomicInteger ticks = new java.util.concurrent.atomic.AtomicInteger();
    private HostPort address;

    @BeforeEach
    void start() throws Exception {
        CommandRegistry registry = new CommandRegistry()
                .register(RemoteCommand.of("echo", "words...", "echo", args -> String.join("|", args) + " ünï"))
                .register(RemoteCommand.of("tick", "", "count", args -> "tick " + ticks.incrementAndGet()));
        RpcDispatcher dispatcher = new RpcDispatcher();
        service = new RemoteCommandService(registry, "test").register(dispatcher);
        server = new RpcServer(RpcServerConfig.of("127.0.0.1", 0), dispatcher).start();
        address = server.address();
        client = new RpcClient(RpcClientConfig.defaults());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
        service.close();
    }

    @Test
    void aCommandRunsRemotelyAndItsTextComesBack() throws Exception {
        RemoteCommandClient commands = new RemoteCommandClient(client);
        assertThat(commands.call(address, "echo", List.of("a", "b")).get(5, TimeUnit.SECONDS))
                .isEqualTo("a|b ünï");
        assertThat(commands.call(address, "nope", List.of()).get(5, TimeUnit.SECONDS))
                .isEqualTo("unknown command 'nope'");
        assertThat(commands.call(address, "help", List.of()).get(5, TimeUnit.SECONDS))
                .contains("echo words...: echo");
    }

    @Test
    void aServerThatIsNotThereFailsTheCall() throws Exception {
        HostPort dead = address;
        server.close();
        RemoteCommandClient commands = new RemoteCommandClient(client);
        assertThatThrownBy(() -> commands.call(dead, "echo", List.of(), Duration.ofSeconds(2))
                        .get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class);
    }

    @Test
    void repeatRunsACommandNowAndThenUpToItsCount() throws Exception {
        RemoteCommandClient commands = new RemoteCommandClient(client);
        assertThat(commands.call(address, "repeat", List.of("1", "2", "tick")).get(5, TimeUnit.SECONDS))
                .isEqualTo("tick 1");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ticks.get() < 2 && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        assertThat(ticks.get()).isEqualTo(2);
        assertThat(commands.call(address, "r", List.of("x", "2", "tick")).get(5, TimeUnit.SECONDS))
                .contains("ERR: ");
        assertThat(commands.call(address, "repeat", List.of("1", "1", "nope")).get(5, TimeUnit.SECONDS))
                .isEqualTo("unknown command 'nope'");
        assertThat(ticks.get()).isEqualTo(2);
    }
}
