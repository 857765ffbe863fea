package io.enif.client.fake;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.proto.base.blob;
import io.enif.proto.rpc.ClientRpcs;
import io.enif.proto.rpc.RpcSpec;
import io.enif.proto.rrdb.batch_get_request;
import io.enif.proto.rrdb.check_and_mutate_request;
import io.enif.proto.rrdb.check_and_set_request;
import io.enif.proto.rrdb.get_scanner_request;
import io.enif.proto.rrdb.incr_request;
import io.enif.proto.rrdb.multi_get_request;
import io.enif.proto.rrdb.multi_put_request;
import io.enif.proto.rrdb.multi_remove_request;
import io.enif.proto.rrdb.scan_request;
import io.enif.proto.rrdb.update_request;
import io.enif.rpc.RpcContext;
import io.enif.rpc.RpcDispatcher;
import io.enif.rpc.RpcServer;
import io.enif.rpc.RpcServerConfig;
import io.enif.storage.WriteRequest;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.apache.thrift.TBase;

/**
 * A replica server serving, for the partitions it is primary of, every client RPC straight from the partition's
 * store. Other partitions get {@code ERR_OBJECT_NOT_FOUND}, or what {@link #demote} set ({@code ERR_INVALID_STATE}
 * for a former primary). Faults are scripted with {@link #faults()}.
 */
public final class FakeReplica implements AutoCloseable {
    private final FakeCluster cluster;
    private final FaultScript faults = new FaultScript();
    private final Map<Gpid, Boolean> primaryOf = new ConcurrentHashMap<>();
    private final Map<Gpid, ErrorCode> refusals = new ConcurrentHashMap<>();
    private final RpcServer server;

    FakeReplica(FakeCluster cluster) throws IOException {
        this.cluster = cluster;
        RpcDispatcher d = new RpcDispatcher();
        serve(d, ClientRpcs.RPC_RRDB_RRDB_GET, blob::new, (p, key) -> p.store().get(key));
        serve(d, ClientRpcs.RPC_RRDB_RRDB_TTL, blob::new, (p, key) -> p.store().ttl(key));
        serve(
                d,
                ClientRpcs.RPC_RRDB_RRDB_MULTI_GET,
                multi_get_request::new,
                (p, r) -> p.store().multiGet(r));
        serve(
                d,
                ClientRpcs.RPC_RRDB_RRDB_BATCH_GET,
                batch_get_request::new,
                (p, r) -> p.store().batchGet(r));
        serve(
                d,
                ClientRpcs.RPC_RRDB_RRDB_SORTKEY_COUNT,
                blob::new,
                (p, key) -> p.store().sortkeyCount(key));
        serve(
                d,
                ClientRpcs.RPC_RRDB_RRDB_GET_SCANNER,
                get_scanner_request::new,
                (p, r) -> p.store().getScanner(r));
        serve(
                d,
                ClientRpcs.RPC_RRDB_RRDB_SCAN,
                scan_request::new,
                (p, r) -> p.store().scan(r));
        serve(d, ClientRpcs.RPC_RRDB_RRDB_PUT, update_request::new, (p, r) -> p.apply(new WriteRequest.Put(r)));
        serve(d, ClientRpcs.RPC_RRDB_RRDB_REMOVE, blob::new, (p, key) -> p.apply(new WriteRequest.Remove(key)));
        serve(
                d,
                ClientRpcs.RPC_RRDB_RRDB_MULTI_PUT,
                multi_put_request::new,
                (p, r) -> p.apply(new WriteRequest.MultiPut(r)));
        serve(
                d,
                ClientRpcs.RPC_RRDB_RRDB_MULTI_REMOVE,
                multi_remove_request::new,
                (p, r) -> p.apply(new WriteRequest.MultiRemove(r)));
        serve(d, ClientRpcs.RPC_RRDB_RRDB_INCR, incr_request::new, (p, r) -> p.apply(new WriteRequest.Incr(r)));
        serve(
                d,
                ClientRpcs.RPC_RRDB_RRDB_CHECK_AND_SET,
                check_and_set_request::new,
                (p, r) -> p.apply(new WriteRequest.CheckAndSet(r)));
        serve(
                d,
                ClientRpcs.RPC_RRDB_RRDB_CHECK_AND_MUTATE,
                check_and_mutate_request::new,
                (p, r) -> p.apply(new WriteRequest.CheckAndMutate(r)));
        d.registerI64(ClientRpcs.RPC_RRDB_RRDB_CLEAR_SCANNER.name(), (ctx, contextId) -> {
            faults.take(ClientRpcs.RPC_RRDB_RRDB_CLEAR_SCANNER.name());
            FakePartition p = cluster.partition(ctx.meta().gpid());
            if (p != null) {
                p.store().clearScanner(contextId);
            }
            ctx.noReply();
        });
        server = new RpcServer(RpcServerConfig.of("127.0.0.1", 0).withThreads(1, 1), d).start();
    }

    private <Q extends TBase<?, ?>> void serve(
            RpcDispatcher d, RpcSpec spec, Supplier<Q> factory, BiFunction<FakePartition, Q, TBase<?, ?>> op) {
        d.register(spec.name(), factory, (ctx, request) -> {
            Fault fault = faults.take(spec.name());
            if (fault instanceof Fault.Hold hold) {
                hold.release().thenRun(() -> handle(ctx, request, null, op));
            } else {
                handle(ctx, request, fault, op);
            }
        });
    }

    private <Q extends TBase<?, ?>> void handle(
            RpcContext ctx, Q request, Fault fault, BiFunction<FakePartition, Q, TBase<?, ?>> op) {
        if (fault instanceof Fault.Error e) {
            ctx.replyError(e.code());
            return;
        }
        if (fault instanceof Fault.Drop) {
            ctx.noReply();
            return;
        }
        if (fault instanceof Fault.Respond r) {
            ctx.reply(r.body().get());
            return;
        }
        FakePartition p = servingPartition(ctx);
        if (p == null) {
            return;
        }
        TBase<?, ?> response = op.apply(p, request);
        if (fault instanceof Fault.ServeThenDrop) {
            ctx.noReply();
        } else {
            ctx.reply(response);
        }
    }

    private FakePartition servingPartition(RpcContext ctx) {
        Gpid gpid = ctx.meta().gpid();
        if (primaryOf.containsKey(gpid)) {
            return cluster.partition(gpid);
        }
        ctx.replyError(refusals.getOrDefault(gpid, ErrorCode.ERR_OBJECT_NOT_FOUND));
        return null;
    }

    /** The address clients reach it at. */
    public HostPort address() {
        return server.address();
    }

    /** The scripted faults and the request counts. */
    public FaultScript faults() {
        return faults;
    }

    /** Serves {@code gpid} as its primary. */
    void promote(Gpid gpid) {
        refusals.remove(gpid);
        primaryOf.put(gpid, true);
    }

    /** Stops serving {@code gpid}, answering {@code refusal} from now on. */
    void demote(Gpid gpid, ErrorCode refusal) {
        primaryOf.remove(gpid);
        refusals.put(gpid, refusal);
    }

    @Override
    public void close() {
        server.close();
    }
}
