package io.enif.client.internal;

import io.enif.client.ops.ClearScannerOp;
import io.enif.client.ops.ClientOp;
import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.rpc.RpcClient;
import io.enif.rpc.RpcRequest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.thrift.TBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one table's data operations to the right primaries: picks the partition from the op's target and the
 * primary from the {@link RouteTable}, and runs each op as an {@link OpCall}, which retries by the {@link
 * RetryPolicy} until the op's deadline.
 */
public final class TableHandler {
    private static final Logger LOG = LoggerFactory.getLogger(TableHandler.class);

    private final String tableName;
    private final RouteTable routes;
    private final RpcClient rpc;
    private final RetryPolicy policy;
    private final ScheduledExecutorService timer;
    private final long defaultTimeoutMillis;

    public TableHandler(
            String tableName,
            RouteTable routes,
            RpcClient rpc,
            RetryPolicy policy,
            ScheduledExecutorService timer,
            Duration defaultTimeout) {
        this.tableName = tableName;
        this.routes = routes;
        this.rpc = rpc;
        this.policy = policy;
        this.timer = timer;
        this.defaultTimeoutMillis = defaultTimeout.toMillis();
    }

    public String tableName() {
        return tableName;
    }

    public RouteTable routes() {
        return routes;
    }

    /** A call's timeout: {@code timeoutMillis}, or the default when it is {@code <= 0}. */
    public long timeoutOf(long timeoutMillis) {
        return timeoutMillis > 0 ? timeoutMillis : defaultTimeoutMillis;
    }

    /**
     * Runs {@code op} until it succeeds, fails for good, or {@code timeoutMillis} ({@code <= 0}: the default) pass.
     * The future completes on a network or timer thread.
     */
    public <P extends TBase<?, ?>, R> CompletableFuture<R> execute(ClientOp<P, R> op, long timeoutMillis) {
        OpCall<P, R> call = new OpCall<>(this, op, timeoutOf(timeoutMillis));
        call.start();
        return call.future();
    }

    /** Sends a one-way request to the partition's current primary; best effort, never retried. */
    public void sendOneWay(ClearScannerOp op) {
        RouteTable.Snapshot snapshot = routes.current();
        int index = op.target().partitionIndex(snapshot.partitionCount());
        HostPort primary = snapshot.primary(index);
        if (primary == null) {
            return;
        }
        RpcRequest request = new RpcRequest(
                op.messageName(),
                snapshot.gpid(index),
                op.target().partitionHash(),
                false,
                op.args(),
                Duration.ofMillis(defaultTimeoutMillis));
        rpc.send(primary, request).whenComplete((ignored, failure) -> {
            if (failure != null) {
                LOG.debug("{} to {} not sent: {}", op.messageName(), primary, failure.getMessage());
            }
        });
    }

    RpcClient rpc() {
        return rpc;
    }

    RetryPolicy policy() {
        return policy;
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    /** The routing of one attempt. */
    record Route(HostPort primary, Gpid gpid, long version) {}

    /** Where an op goes now; {@code primary} is null when the partition has none known. */
    Route route(ClientOp<?, ?> op) {
        RouteTable.Snapshot snapshot = routes.current();
        int index = op.target().partitionIndex(snapshot.partitionCount());
        return new Route(snapshot.primary(index), snapshot.gpid(index), snapshot.version());
    }
}
