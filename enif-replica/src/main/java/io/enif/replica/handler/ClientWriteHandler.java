package io.enif.replica.handler;

import io.enif.common.error.ErrorCode;
import io.enif.proto.base.blob;
import io.enif.proto.rpc.ClientRpcs;
import io.enif.proto.rpc.RpcSpec;
import io.enif.proto.rrdb.check_and_mutate_request;
import io.enif.proto.rrdb.check_and_set_request;
import io.enif.proto.rrdb.incr_request;
import io.enif.proto.rrdb.multi_put_request;
import io.enif.proto.rrdb.multi_remove_request;
import io.enif.proto.rrdb.update_request;
import io.enif.replica.metrics.Operation;
import io.enif.replica.metrics.ReplicaMetrics;
import io.enif.replica.partition.PartitionRunner;
import io.enif.rpc.RpcContext;
import io.enif.rpc.RpcDispatcher;
import java.nio.ByteBuffer;
import java.util.function.Supplier;
import org.apache.thrift.TBase;

/**
 * The client writes (put, remove, multi_put, multi_remove, incr, check_and_set, check_and_mutate): checked here,
 * then handed to the partition's runner, which batches them into a mutation on its lane and replies once it is
 * committed and applied (spec/protocol.md §11).
 *
 * <p>Errors: {@code ERR_OBJECT_NOT_FOUND} when this server does not host the partition, {@code ERR_INVALID_DATA}
 * for a write larger than {@code max_allowed_write_size}; the core adds {@code ERR_INVALID_STATE} (not the primary),
 * {@code ERR_NOT_ENOUGH_MEMBER} and {@code ERR_CAPACITY_EXCEEDED}. None of these changes anything.
 */
public final class ClientWriteHandler {
    private final ReplicaHost host;
    private final ReplicaMetrics metrics;

    public ClientWriteHandler(ReplicaHost host) {
        this(host, ReplicaMetrics.detached());
    }

    /** A handler counting failed writes in {@code metrics} and the primary's write latency per replica. */
    public ClientWriteHandler(ReplicaHost host, ReplicaMetrics metrics) {
        this.host = host;
        this.metrics = metrics;
    }

    /** Registers the seven write RPCs. */
    public void register(RpcDispatcher dispatcher) {
        add(dispatcher, ClientRpcs.RPC_RRDB_RRDB_PUT, update_request::new);
        add(dispatcher, ClientRpcs.RPC_RRDB_RRDB_REMOVE, blob::new);
        add(dispatcher, ClientRpcs.RPC_RRDB_RRDB_MULTI_PUT, multi_put_request::new);
        add(dispatcher, ClientRpcs.RPC_RRDB_RRDB_MULTI_REMOVE, multi_remove_request::new);
        add(dispatcher, ClientRpcs.RPC_RRDB_RRDB_INCR, incr_request::new);
        add(dispatcher, ClientRpcs.RPC_RRDB_RRDB_CHECK_AND_SET, check_and_set_request::new);
        add(dispatcher, ClientRpcs.RPC_RRDB_RRDB_CHECK_AND_MUTATE, check_and_mutate_request::new);
    }

    private <T extends TBase<?, ?>> void add(RpcDispatcher dispatcher, RpcSpec spec, Supplier<T> factory) {
        dispatcher.register(spec.name(), factory, (ctx, request) -> write(ctx, spec.name()));
    }

    /** The request already decoded (so it is well formed); what is replicated is its args bytes as they came. */
    private void write(RpcContext ctx, String code) {
        PartitionRunner runner = host.get(ctx.meta().gpid());
        if (runner == null) {
            metrics.writeFailed();
            ctx.replyError(ErrorCode.ERR_OBJECT_NOT_FOUND);
            return;
        }
        ByteBuffer args = ctx.request().args();
        if (args.remaining() > host.maxAllowedWriteSize()) {
            metrics.writeFailed();
            ctx.replyError(ErrorCode.ERR_INVALID_DATA);
            return;
        }
        byte[] bytes = new byte[args.remaining()];
        args.get(bytes);
        long startNs = System.nanoTime();
        Operation op = Operation.ofRpc(code);
        runner.submitWrite(code, bytes, (error, response) -> {
            if (error == ErrorCode.ERR_OK) {
                if (op != null) {
                    runner.metrics().writeLatency(op, System.nanoTime() - startNs);
                }
            } else if (error == ErrorCode.ERR_BUSY) {
                metrics.writeBusy();
            } else {
                metrics.writeFailed();
            }
            ctx.reply(error, response);
        });
    }
}
