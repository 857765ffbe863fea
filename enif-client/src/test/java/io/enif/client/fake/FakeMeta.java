package io.enif.client.fake;

import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.proto.admin.configuration_create_app_request;
import io.enif.proto.admin.configuration_create_app_response;
import io.enif.proto.admin.configuration_drop_app_request;
import io.enif.proto.admin.configuration_drop_app_response;
import io.enif.proto.admin.configuration_list_apps_request;
import io.enif.proto.admin.configuration_list_apps_response;
import io.enif.proto.admin.query_cfg_request;
import io.enif.proto.admin.query_cfg_response;
import io.enif.proto.base.error_code;
import io.enif.proto.base.rpc_address;
import io.enif.proto.layer2.partition_configuration;
import io.enif.proto.rpc.MetaRpcs;
import io.enif.rpc.RpcContext;
import io.enif.rpc.RpcDispatcher;
import io.enif.rpc.RpcServer;
import io.enif.rpc.RpcServerConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.thrift.TBase;

/**
 * A meta server over the fake cluster's tables. The leader serves; a standby answers {@code ERR_FORWARD_TO_OTHERS}
 * (for query_cfg with the leader in {@code partitions[0].primary}). It can be told to answer {@code
 * ERR_SERVICE_NOT_ACTIVE} a few times, and faults are scripted as for replicas.
 */
public final class FakeMeta implements AutoCloseable {
    private final FakeCluster cluster;
    private final FaultScript faults = new FaultScript();
    private final AtomicInteger notActiveAnswers = new AtomicInteger();
    private final RpcServer server;

    FakeMeta(FakeCluster cluster) throws IOException {
        this.cluster = cluster;
        RpcDispatcher d = new RpcDispatcher();
        d.register(
                MetaRpcs.RPC_CM_QUERY_PARTITION_CONFIG_BY_INDEX.name(),
                query_cfg_request::new,
                (ctx, r) -> serve(
                        ctx,
                        MetaRpcs.RPC_CM_QUERY_PARTITION_CONFIG_BY_INDEX.name(),
                        () -> queryCfgError(),
                        () -> cluster.queryCfg(r.app_name)));
        d.register(
                MetaRpcs.RPC_CM_CREATE_APP.name(),
                configuration_create_app_request::new,
                (ctx, r) -> serve(
                        ctx,
                        MetaRpcs.RPC_CM_CREATE_APP.name(),
                        () -> new configuration_create_app_response(err(), 0),
                        () -> cluster.createApp(r)));
        d.register(
                MetaRpcs.RPC_CM_DROP_APP.name(),
                configuration_drop_app_request::new,
                (ctx, r) -> serve(
                        ctx,
                        MetaRpcs.RPC_CM_DROP_APP.name(),
                        () -> new configuration_drop_app_response(err()),
                        () -> cluster.dropApp(r)));
        d.register(
                MetaRpcs.RPC_CM_LIST_APPS.name(),
                configuration_list_apps_request::new,
                (ctx, r) -> serve(
                        ctx,
                        MetaRpcs.RPC_CM_LIST_APPS.name(),
                        () -> new configuration_list_apps_response(err(), new ArrayList<>()),
                        () -> cluster.listApps(r)));
        server = new RpcServer(RpcServerConfig.of("127.0.0.1", 0).withThreads(1, 1), d).start();
    }

    /** Replies: a scripted fault, or the refusal of a standby / inactive server, or the leader's answer. */
    private void serve(RpcContext ctx, String name, Supplier<TBase<?, ?>> refusal, Supplier<TBase<?, ?>> answer) {
        Fault fault = faults.take(name);
        if (fault instanceof Fault.Error e) {
            ctx.replyError(e.code());
        } else if (fault instanceof Fault.Drop) {
            ctx.noReply();
        } else if (fault instanceof Fault.Respond r) {
            ctx.reply(r.body().get());
        } else if (!isLeader() || notActiveAnswers.get() > 0) {
            ctx.reply(refusal.get());
        } else {
            ctx.reply(answer.get());
        }
    }

    private error_code err() {
        if (notActiveAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return error_code.of(ErrorCode.ERR_SERVICE_NOT_ACTIVE);
        }
        return error_code.of(ErrorCode.ERR_FORWARD_TO_OTHERS);
    }

    private query_cfg_response queryCfgError() {
        query_cfg_response r = new query_cfg_response();
        r.partitions = new ArrayList<>();
        r.err = err();
        if (r.err.code() == ErrorCode.ERR_FORWARD_TO_OTHERS) {
            partition_configuration leader = new partition_configuration();
            HostPort address = cluster.leaderMeta().address();
            leader.primary = rpc_address.fromHostPort(address);
            leader.secondaries = new ArrayList<>();
            leader.last_drops = new ArrayList<>();
            r.partitions.add(leader);
        }
        return r;
    }

    private boolean isLeader() {
        return cluster.leaderMeta() == this;
    }

    /** Answers {@code ERR_SERVICE_NOT_ACTIVE} to the next {@code count} requests. */
    public void answerNotActive(int count) {
        notActiveAnswers.set(count);
    }

    public HostPort address() {
        return server.address();
    }

    public FaultScript faults() {
        return faults;
    }

    @Override
    public void close() {
        server.close();
    }
}
