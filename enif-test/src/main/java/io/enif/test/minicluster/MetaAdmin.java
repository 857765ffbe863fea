package io.enif.test.minicluster;

import io.enif.common.HostPort;
import io.enif.proto.admin.configuration_cluster_info_request;
import io.enif.proto.admin.configuration_cluster_info_response;
import io.enif.proto.admin.configuration_create_app_request;
import io.enif.proto.admin.configuration_create_app_response;
import io.enif.proto.admin.configuration_drop_app_request;
import io.enif.proto.admin.configuration_drop_app_response;
import io.enif.proto.admin.configuration_list_apps_request;
import io.enif.proto.admin.configuration_list_apps_response;
import io.enif.proto.admin.configuration_list_nodes_request;
import io.enif.proto.admin.configuration_list_nodes_response;
import io.enif.proto.admin.configuration_recall_app_request;
import io.enif.proto.admin.configuration_recall_app_response;
import io.enif.proto.admin.create_app_options;
import io.enif.proto.admin.drop_app_options;
import io.enif.proto.admin.node_status;
import io.enif.proto.admin.query_cfg_request;
import io.enif.proto.admin.query_cfg_response;
import io.enif.proto.frame.ArgsField;
import io.enif.proto.layer2.app_info;
import io.enif.proto.layer2.app_status;
import io.enif.proto.layer2.partition_configuration;
import io.enif.proto.rpc.MetaRpcs;
import io.enif.proto.rpc.RpcSpec;
import io.enif.rpc.RpcClient;
import io.enif.rpc.RpcClientConfig;
import io.enif.rpc.RpcRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.thrift.TBase;

/**
 * The admin calls tests make to one meta server over its real RPC port, as Pegasus's tools do (THFT, args field 1).
 * Each call waits at most {@link #TIMEOUT}; failures surface as {@link IllegalStateException}.
 */
public final class MetaAdmin implements AutoCloseable {
    /** How long a call may take. */
    public static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final RpcClient client = new RpcClient(RpcClientConfig.defaults());

    /** Calls {@code spec} on {@code meta} and decodes the response into {@code response}. */
    public <T extends TBase<?, ?>> T call(HostPort meta, RpcSpec spec, TBase<?, ?> request, T response) {
        RpcRequest rpc = RpcRequest.of(spec.name(), ArgsField.struct(request), TIMEOUT);
        try {
            return client.call(meta, rpc, () -> response).get(TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(spec.name() + " to " + meta + " failed: " + e, e);
        }
    }

    public configuration_create_app_response createApp(
            HostPort meta, String name, int partitions, int replicas, Map<String, String> envs) {
        create_app_options options = new create_app_options();
        options.setPartition_count(partitions);
        options.setReplica_count(replicas);
        options.setApp_type("pegasus");
        options.setIs_stateful(true);
        options.setEnvs(new HashMap<>(envs));
        options.setSuccess_if_exist(false);
        return call(
                meta,
                MetaRpcs.RPC_CM_CREATE_APP,
                new configuration_create_app_request(name, options),
                new configuration_create_app_response());
    }

    public configuration_drop_app_response dropApp(HostPort meta, String name) {
        drop_app_options options = new drop_app_options();
        options.setSuccess_if_not_exist(true);
        return call(
                meta,
                MetaRpcs.RPC_CM_DROP_APP,
                new configuration_drop_app_request(name, options),
                new configuration_drop_app_response());
    }

    public configuration_recall_app_response recallApp(HostPort meta, int appId, String newName) {
        return call(
                meta,
                MetaRpcs.RPC_CM_RECALL_APP,
                new configuration_recall_app_request(appId, newName),
                new configuration_recall_app_response());
    }

    public query_cfg_response queryConfig(HostPort meta, String name) {
        return call(
                meta,
                MetaRpcs.RPC_CM_QUERY_PARTITION_CONFIG_BY_INDEX,
                new query_cfg_request(name, new ArrayList<>()),
                new query_cfg_response());
    }

    public configuration_list_apps_response listApps(HostPort meta, app_status status) {
        configuration_list_apps_request request = new configuration_list_apps_request();
        request.setStatus(status);
        return call(meta, MetaRpcs.RPC_CM_LIST_APPS, request, new configuration_list_apps_response());
    }

    public configuration_list_nodes_response listNodes(HostPort meta) {
        return call(
                meta,
                MetaRpcs.RPC_CM_LIST_NODES,
                new configuration_list_nodes_request(),
                new configuration_list_nodes_response());
    }

    /** Waits until {@code meta}, as leader, lists {@code count} alive replica servers; returns whether it did. */
    public boolean awaitAliveNodes(HostPort meta, int count, Duration timeout) {
        return MiniMetaCluster.await(timeout, () -> {
            configuration_list_nodes_response nodes = listNodes(meta);
            return "ERR_OK".equals(nodes.getErr().name())
                    && nodes.getInfos().stream()
                                    .filter(n -> n.getStatus() == node_status.NS_ALIVE)
                                    .count()
                            >= count;
        });
    }

    public configuration_cluster_info_response clusterInfo(HostPort meta) {
        return call(
                meta,
                MetaRpcs.RPC_CM_CLUSTER_INFO,
                new configuration_cluster_info_request(),
                new configuration_cluster_info_response());
    }

    /**
     * What a client sees of the cluster through {@code meta}: every table (dropped ones included) and the partition
     * configurations of the available ones, one line each, in a stable order. Two leaders agreeing on this agree on
     * every table and partition.
     */
    public String dump(HostPort meta) {
        configuration_list_apps_response apps = listApps(meta, app_status.AS_INVALID);
        if (!"ERR_OK".equals(apps.getErr().name())) {
            throw new IllegalStateException(
                    "list_apps on " + meta + " answered " + apps.getErr().name());
        }
        List<app_info> infos = new ArrayList<>(apps.getInfos());
        infos.sort(Comparator.comparingInt(app_info::getApp_id));
        StringBuilder out = new StringBuilder();
        for (app_info info : infos) {
            out.append(String.format(
                    "app %d %s %s partitions=%d replicas=%d envs=%s created=%d dropped=%d expires=%d%n",
                    info.getApp_id(),
                    info.getApp_name(),
                    info.getStatus(),
                    info.getPartition_count(),
                    info.getMax_replica_count(),
                    new TreeMap<>(info.getEnvs()),
                    info.getCreate_second(),
                    info.getDrop_second(),
                    info.getExpire_second()));
            if (info.getStatus() != app_status.AS_AVAILABLE) {
                continue;
            }
            query_cfg_response cfg = queryConfig(meta, info.getApp_name());
            for (partition_configuration pc : cfg.getPartitions()) {
                out.append(String.format(
                        "  %s ballot=%d primary=%s secondaries=%s last_drops=%s lcd=%d flags=%d%n",
                        pc.getPid().toGpid(),
                        pc.getBallot(),
                        pc.getHp_primary(),
                        pc.getHp_secondaries(),
                        pc.getHp_last_drops(),
                        pc.getLast_committed_decree(),
                        pc.getPartition_flags()));
            }
        }
        return out.toString();
    }

    @Override
    public void close() {
        client.close();
    }
}
