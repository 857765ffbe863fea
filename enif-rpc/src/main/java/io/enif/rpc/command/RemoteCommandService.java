package io.enif.rpc.command;

import io.enif.proto.cmd.command;
import io.enif.proto.rpc.CommonRpcs;
import io.enif.rpc.RpcContext;
import io.enif.rpc.RpcDispatcher;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code RPC_CLI_CLI_CALL} ({@code spec/internal-rpc.md} §7): decodes the {@code command} struct, runs it from
 * the {@link CommandRegistry} on one remote-command thread (commands run one at a time, off the network threads) and
 * answers the reply text as a bare string result. An unknown command is an {@code ERR_OK} reply saying so.
 */
public final class RemoteCommandService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteCommandService.class);

    /** The most commands waiting to run; more are answered with an error at once. */
    public static final int QUEUE_LIMIT = 64;

    private final CommandRegistry registry;
    private final ExecutorService executor;
    private final ScheduledExecutorService timer;

    /** A service running {@code registry}'s commands on a thread named after {@code serverName}. */
    public RemoteCommandService(CommandRegistry registry, String serverName) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.executor =
                new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(QUEUE_LIMIT), r -> {
                    Thread t = new Thread(r, "enif-remote-command-" + serverName);
                    t.setDaemon(true);
                    return t;
                });
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "enif-remote-command-repeat-" + serverName);
            t.setDaemon(true);
            return t;
        });
        registry.register(RepeatCommand.create(registry, timer));
    }

    /** The registry whose commands this service runs. */
    public CommandRegistry registry() {
        return registry;
    }

    /** Registers the {@code RPC_CLI_CLI_CALL} handler. */
    public RemoteCommandService register(RpcDispatcher dispatcher) {
        dispatcher.register(CommonRpcs.RPC_CLI_CLI_CALL.name(), command::new, this::serve);
        return this;
    }

    private void serve(RpcContext context, command request) {
        String name = request.getCmd() == null ? "" : request.getCmd();
        List<String> args = request.getArguments() == null ? List.of() : request.getArguments();
        try {
            executor.execute(() -> {
                LOG.info("remote command from {}: {} {}", context.remoteAddress(), name, args);
                context.replyString(registry.execute(name, args));
            });
        } catch (RejectedExecutionException e) {
            context.replyString(CommandReplies.error("too many remote commands in progress, try again later"));
        }
    }

    /** Stops the remote-command threads; commands waiting to run and repeated commands are dropped. */
    @Override
    public void close() {
        executor.shutdownNow();
        timer.shutdownNow();
    }
}
