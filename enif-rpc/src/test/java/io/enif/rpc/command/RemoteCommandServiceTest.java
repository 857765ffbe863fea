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
    private HostPort address;

    @BeforeEach
    void start() throws Exception {
        CommandRegistry registry = new CommandRegistry()
                .register(RemoteCommand.of("echo", "words...", "echo", args -> String.join("|", args) + " ünï"));
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
}
