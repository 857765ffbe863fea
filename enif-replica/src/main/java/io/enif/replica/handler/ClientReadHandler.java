package io.enif.replica.handler;

import io.enif.common.error.ErrorCode;
import io.enif.proto.base.blob;
import io.enif.proto.rpc.ClientRpcs;
import io.enif.proto.rrdb.batch_get_request;
import io.enif.proto.rrdb.get_scanner_request;
import io.enif.proto.rrdb.multi_get_request;
import io.enif.proto.rrdb.scan_request;
import io.enif.replica.metrics.Operation;
import io.enif.replica.metrics.ReplicaMetrics;
import io.enif.replica.metrics.ResponseBytes;
import io.enif.replica.partition.PartitionRunner;
import io.enif.rpc.RpcContext;
import io.enif.rpc.RpcDispatcher;
import io.enif.storage.PartitionStore;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import org.apache.thrift.TBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client reads (get, multi_get, batch_get, sortkey_count, ttl) and scanners (get_scanner, scan, clear_scanner),
 * served straight from the partition store on a read executor, never on the partition's lane.
 *
 * <p>A read is served only by a primary whose reconciliation round is applied and whose lease is valid (DESIGN §10,
 * "Reads after a primary change"); a backup request ({@code get}, {@code multi_get}, {@code ttl} with the header's
 * backup flag) may also be served by a secondary with a valid lease. Otherwise: {@code ERR_OBJECT_NOT_FOUND} when the
 * partition is not hosted here, {@code ERR_INVALID_STATE} when it is but may not serve (the client re-queries the meta
 * server and retries).
 */
public final class ClientReadHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ClientReadHandler.class);

    private final ReplicaHost host;
    private final Executor reads;
    private final ReplicaMetrics metrics;

    public ClientReadHandler(ReplicaHost host, Executor reads) {
        this(host, reads, ReplicaMetrics.detached());
    }

    /** A handler counting refused reads in {@code metrics} (served reads count on the replica's own metrics). */
    public ClientReadHandler(ReplicaHost host, Executor reads, ReplicaMetrics metrics) {
        this.host = host;
        this.reads = reads;
        this.metrics = metrics;
    }

    /** Registers the read and scanner RPCs. */
    public void register(RpcDispatcher dispatcher) {
        dispatcher.register(
                ClientRpcs.RPC_RRDB_RRDB_GET.name(), blob::new, (ctx, key) -> read(ctx, true, s -> s.get(key)));
        dispatcher.register(
                ClientRpcs.RPC_RRDB_RRDB_TTL.name(), blob::new, (ctx, key) -> read(ctx, true, s -> s.ttl(key)));
        dispatcher.register(
                ClientRpcs.RPC_RRDB_RRDB_MULTI_GET.name(),
                multi_get_request::new,
                (ctx, req) -> read(ctx, true, s -> s.multiGet(req)));
        dispatcher.register(
                ClientRpcs.RPC_RRDB_RRDB_BATCH_GET.name(),
                batch_get_request::new,
                (ctx, req) -> read(ctx, false, s -> s.batchGet(req)));
        dispatcher.register(
                ClientRpcs.RPC_RRDB_RRDB_SORTKEY_COUNT.name(),
                blob::new,
                (ctx, hashKey) -> read(ctx, false, s -> s.sortkeyCount(hashKey)));
        dispatcher.register(
                ClientRpcs.RPC_RRDB_RRDB_GET_SCANNER.name(),
                get_scanner_request::new,
                (ctx, req) -> read(ctx, false, s -> s.getScanner(req)));
        dispatcher.register(
                ClientRpcs.RPC_RRDB_RRDB_SCAN.name(),
                scan_request::new,
                (ctx, req) -> read(ctx, false, s -> s.scan(req)));
        dispatcher.registerI64(ClientRpcs.RPC_RRDB_RRDB_CLEAR_SCANNER.name(), this::clearScanner);
    }

    private void read(RpcContext ctx, boolean backupAllowed, Function<PartitionStore, TBase<?, ?>> op) {
        PartitionRunner runner = host.get(ctx.meta().gpid());
        if (runner == null) {
            metrics.readFailed();
            ctx.replyError(ErrorCode.ERR_OBJECT_NOT_FOUND);
            return;
        }
        boolean allowed =
                runner.canServeReads() || (backupAllowed && ctx.meta().backupRequest() && runner.canServeBackupReads());
        if (!allowed) {
            metrics.readFailed();
            ctx.replyError(ErrorCode.ERR_INVALID_STATE);
            return;
        }
        long startNs = System.nanoTime();
        try {
            reads.execute(() -> serve(ctx, runner, op, startNs));
        } catch (RejectedExecutionException e) {
            metrics.readBusy();
            ctx.replyError(ErrorCode.ERR_BUSY);
        }
    }

    private static void serve(
            RpcContext ctx, PartitionRunner runner, Function<PartitionStore, TBase<?, ?>> op, long startNs) {
        try {
            TBase<?, ?> response = op.apply(runner.store());
            Operation counted = Operation.ofRpc(ctx.request().name());
            if (counted != null) {
                runner.metrics()
                        .read(
                                counted,
                                System.nanoTime() - startNs,
                                ResponseBytes.of(response),
                                ctx.meta().backupRequest());
            }
            ctx.reply(response);
        } catch (IllegalStateException closed) {
            ctx.replyError(ErrorCode.ERR_OBJECT_NOT_FOUND); // the replica closed meanwhile
        } catch (RuntimeException e) {
            LOG.warn("{} on {} failed", ctx.request().name(), runner.gpid(), e);
            ctx.replyError(ErrorCode.ERR_UNKNOWN);
        }
    }

    /** {@code clear_scanner}: one-way in Pegasus; a CALL gets an empty {@code ERR_OK}. */
    private void clearScanner(RpcContext ctx, Long contextId) {
        PartitionRunner runner = host.get(ctx.meta().gpid());
        if (runner != null) {
            try {
                runner.store().clearScanner(contextId);
            } catch (IllegalStateException closed) {
                // nothing left to clear
            }
        }
        if (ctx.request().isOneway()) {
            ctx.noReply();
        } else {
            ctx.reply(ErrorCode.ERR_OK, null);
        }
    }
}
