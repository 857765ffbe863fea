package io.enif.meta.server;

import io.enif.common.error.ErrorCode;
import io.enif.proto.rpc.MetaRpcs;
import io.enif.proto.rpc.ReplicationRpcs;
import io.enif.proto.rpc.RpcSpec;
import io.enif.rpc.RpcContext;
import io.enif.rpc.RpcDispatcher;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.thrift.TBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds the meta server's RPCs to its handlers. Every request is handed to the {@link MetaLane} and answered from
 * there; the answer is always RPC-level {@code ERR_OK} with the real result in the response's {@code err} field, as
 * Pegasus's meta server does ({@code spec/protocol.md} §5.3). A handler that returns null sends no reply.
 */
final class MetaRpcRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(MetaRpcRoutes.class);

    private final MetaLane lane;

    MetaRpcRoutes(MetaLane lane) {
        this.lane = lane;
    }

    void register(
            RpcDispatcher dispatcher,
            ClusterQueries queries,
            TableLifecycle tables,
            TableSettings settings,
            ReplicaFacing replicas) {
        route(dispatcher, MetaRpcs.RPC_CM_QUERY_PARTITION_CONFIG_BY_INDEX, queries::queryConfig);
        route(dispatcher, MetaRpcs.RPC_CM_LIST_APPS, queries::listApps);
        route(dispatcher, MetaRpcs.RPC_CM_LIST_NODES, queries::listNodes);
        route(dispatcher, MetaRpcs.RPC_CM_CLUSTER_INFO, queries::clusterInfo);
        route(dispatcher, MetaRpcs.RPC_CM_CONTROL_META, queries::controlMeta);
        route(dispatcher, MetaRpcs.RPC_CM_GET_MAX_REPLICA_COUNT, queries::getMaxReplicaCount);
        route(dispatcher, MetaRpcs.RPC_CM_CREATE_APP, tables::createApp);
        route(dispatcher, MetaRpcs.RPC_CM_DROP_APP, tables::dropApp);
        route(dispatcher, MetaRpcs.RPC_CM_RECALL_APP, tables::recallApp);
        route(dispatcher, MetaRpcs.RPC_CM_UPDATE_APP_ENV, settings::updateAppEnv);
        route(dispatcher, MetaRpcs.RPC_CM_SET_MAX_REPLICA_COUNT, settings::setMaxReplicaCount);
        route(dispatcher, ReplicationRpcs.RPC_FD_FAILURE_DETECTOR_PING, replicas::beacon);
        route(dispatcher, ReplicationRpcs.RPC_CM_CONFIG_SYNC, replicas::configSync);
        route(dispatcher, ReplicationRpcs.RPC_CM_UPDATE_PARTITION_CONFIGURATION, replicas::updateConfiguration);
    }

    @SuppressWarnings("unchecked")
    private <Q extends TBase<?, ?>, R extends TBase<?, ?>> void route(
            RpcDispatcher dispatcher, RpcSpec spec, Function<Q, R> handler) {
        Supplier<Q> factory = () -> (Q) spec.request().newStruct();
        dispatcher.register(
                spec.name(),
                factory,
                (RpcContext context, Q request) -> lane.execute(() -> {
                    try {
                        R response = handler.apply(request);
                        if (response == null) {
                            context.noReply();
                        } else {
                            context.reply(response);
                        }
                    } catch (RuntimeException e) {
                        LOG.error("meta handler of {} failed", spec.name(), e);
                        context.replyError(ErrorCode.ERR_UNKNOWN);
                    }
                }));
    }
}
