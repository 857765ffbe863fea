package io.enif.rpc.ops;

import io.enif.common.config.Config;
import io.enif.rpc.RpcDispatcher;
import io.enif.rpc.command.CommandRegistry;
import io.enif.rpc.command.RemoteCommandService;
import io.enif.rpc.http.HttpRouter;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The operator surface every server shares, wired in one call while the server starts: the common HTTP routes on its
 * {@link HttpRouter}, the common remote commands in its {@link CommandRegistry}, and {@code RPC_CLI_CLI_CALL} on its
 * {@link RpcDispatcher}. The server adds its own routes and commands next to these.
 *
 * <pre>{@code
 * ServerOps ops = ServerOps.install(ServerInfo.startingNow("meta"), config, commands, httpRoutes, dispatcher,
 *         () -> Map.of("leader", "true"));
 * ...
 * ops.close();
 * }</pre>
 */
public final class ServerOps implements AutoCloseable {
    private final ServerInfo info;
    private final RemoteCommandService service;

    private ServerOps(ServerInfo info, RemoteCommandService service) {
        this.info = info;
        this.service = service;
    }

    /**
     * Installs the common routes and commands.
     *
     * @param stats what {@code server-stat} reports (called on the remote-command thread)
     * @throws IllegalArgumentException when a common route or command is taken already
     */
    public static ServerOps install(
            ServerInfo info,
            Config config,
            CommandRegistry commands,
            HttpRouter routes,
            RpcDispatcher dispatcher,
            Supplier<Map<String, String>> stats) {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(config, "config");
        OpsHttpRoutes.register(routes, config, info);
        commands.registerAll(CommonCommands.all(config, info, stats, dispatcher));
        RemoteCommandService service = new RemoteCommandService(commands, info.role()).register(dispatcher);
        return new ServerOps(info, service);
    }

    /** Who this server is. */
    public ServerInfo info() {
        return info;
    }

    /** The remote commands. */
    public CommandRegistry commands() {
        return service.registry();
    }

    /** Stops the remote-command thread. */
    @Override
    public void close() {
        service.close();
    }
}
