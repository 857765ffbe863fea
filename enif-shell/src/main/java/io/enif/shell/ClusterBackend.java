package io.enif.shell;

import io.enif.client.ClientConfig;
import io.enif.client.EnifClient;
import io.enif.client.EnifClientException;
import io.enif.client.EnifServerException;
import io.enif.client.EnifTable;
import io.enif.client.TableInfo;
import io.enif.client.internal.DefaultEnifClient;
import io.enif.client.internal.MetaSession;
import io.enif.client.ops.CreateAppOp;
import io.enif.client.ops.DropAppOp;
import io.enif.client.ops.MetaOp;
import io.enif.client.ops.QueryCfgOp;
import io.enif.common.HostPort;
import io.enif.proto.admin.configuration_cluster_info_response;
import io.enif.proto.admin.configuration_list_nodes_response;
import io.enif.proto.admin.configuration_recall_app_response;
import io.enif.proto.admin.meta_function_level;
import io.enif.proto.admin.node_info;
import io.enif.proto.admin.query_cfg_response;
import io.enif.proto.base.host_port;
import io.enif.proto.base.rpc_address;
import io.enif.proto.layer2.partition_configuration;
import io.enif.rpc.RpcClient;
import io.enif.rpc.RpcClientConfig;
import io.enif.rpc.RpcException;
import io.enif.rpc.command.RemoteCommandClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.thrift.TBase;

/** The {@link ShellBackend} of a real cluster: the Enif client plus the meta calls of {@link AdminOps}. */
public final class ClusterBackend implements ShellBackend {
    private final String metaServers;
    private final DefaultEnifClient client;
    private final MetaSession meta;
    private RpcClient rpcClient;

    private ClusterBackend(String metaServers, DefaultEnifClient client) {
        this.metaServers = metaServers;
        this.client = client;
        this.meta = client.metaSession();
    }

    /** A backend for these meta servers ({@code host:port,...}); nothing is contacted yet. */
    public static ClusterBackend connect(String metaServers, long timeoutMillis) {
        Properties properties = new Properties();
        properties.setProperty("meta_servers", metaServers);
        properties.setProperty("operation_timeout", Long.toString(timeoutMillis));
        properties.setProperty("meta_query_timeout", "3000");
        return new ClusterBackend(
                metaServers, (DefaultEnifClient) EnifClient.create(ClientConfig.fromProperties(properties)));
    }

    @Override
    public String metaServers() {
        return metaServers;
    }

    @Override
    public EnifTable openTable(String name) {
        return client.openTable(name);
    }

    @Override
    public List<TableInfo> listApps(boolean all) {
        return client.listApps(!all);
    }

    @Override
    public AppConfig queryConfig(String name) {
        query_cfg_response response = call(new QueryCfgOp(name));
        List<PartitionInfo> partitions = new ArrayList<>();
        if (response.partitions != null) {
            for (partition_configuration pc : response.partitions) {
                List<String> secondaries = new ArrayList<>();
                if (pc.hp_secondaries != null && !pc.hp_secondaries.isEmpty()) {
                    pc.hp_secondaries.forEach(s -> secondaries.add(text(s, null)));
                } else if (pc.secondaries != null) {
                    pc.secondaries.forEach(s -> secondaries.add(text(null, s)));
                }
                secondaries.removeIf(s -> s == null);
                partitions.add(new PartitionInfo(
                        pc.pid == null ? partitions.size() : pc.pid.partitionIndex(),
                        pc.ballot,
                        pc.max_replica_count,
                        text(pc.hp_primary, pc.primary),
                        secondaries));
            }
        }
        return new AppConfig(name, response.app_id, response.partition_count, partitions);
    }

    private static String text(host_port hp, rpc_address address) {
        if (hp != null && hp.isValid()) {
            return hp.toHostPort().toString();
        }
        if (address != null && address.isValid()) {
            HostPort parsed = address.toHostPort();
            return parsed == null ? null : parsed.toString();
        }
        return null;
    }

    @Override
    public void createApp(String name, int partitionCount, int replicaCount, Map<String, String> envs) {
        call(new CreateAppOp(name, partitionCount, replicaCount, envs, false));
    }

    @Override
    public void dropApp(String name, long reserveSeconds) {
        call(new DropAppOp(name, reserveSeconds));
    }

    @Override
    public String recallApp(int appId, String newName) {
        configuration_recall_app_response response = call(AdminOps.recallApp(appId, newName));
        return response.info == null ? newName : response.info.app_name;
    }

    @Override
    public List<NodeInfo> listNodes() {
        configuration_list_nodes_response response = call(AdminOps.listNodes());
        List<NodeInfo> nodes = new ArrayList<>();
        if (response.infos != null) {
            for (node_info info : response.infos) {
                String address = text(info.hp_node, info.node);
                nodes.add(new NodeInfo(
                        address == null ? "?" : address, info.status == io.enif.proto.admin.node_status.NS_ALIVE));
            }
        }
        return nodes;
    }

    @Override
    public Map<String, String> clusterInfo() {
        configuration_cluster_info_response response = call(AdminOps.clusterInfo());
        Map<String, String> info = new LinkedHashMap<>();
        if (response.keys != null && response.values != null) {
            for (int i = 0; i < Math.min(response.keys.size(), response.values.size()); i++) {
                info.put(response.keys.get(i), response.values.get(i));
            }
        }
        return info;
    }

    @Override
    public String metaLevel() {
        return call(AdminOps.controlMeta(meta_function_level.fl_invalid))
                .old_level
                .name();
    }

    @Override
    public String setMetaLevel(String level) {
        meta_function_level parsed;
        try {
            parsed = meta_function_level.valueOf(level);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown meta level " + level);
        }
        return call(AdminOps.controlMeta(parsed)).old_level.name();
    }

    @Override
    public void setAppEnvs(String app, List<String> keys, List<String> values) {
        call(AdminOps.setAppEnvs(app, keys, values));
    }

    /** Runs a meta call; an {@code err} other than {@code ERR_OK} becomes an {@link EnifServerException}. */
    private <P extends TBase<?, ?>> P call(MetaOp<P> op) {
        P response;
        try {
            response = meta.call(op).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnifClientException("interrupted", e);
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof EnifClientException client) {
                throw client;
            }
            throw new EnifClientException(op.name() + " failed: " + cause.getMessage(), cause);
        }
        String err = op.err(response);
        if (!"ERR_OK".equals(err)) {
            throw new EnifServerException(err, op.name() + " failed: " + err);
        }
        return response;
    }

    @Override
    public CompletableFuture<String> remoteCommand(String address, String command, List<String> args) {
        HostPort target;
        try {
            target = HostPort.parse(address);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("bad address '" + address + "'"));
        }
        return remoteCommands().call(target, command, args).exceptionally(e -> {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            throw new CompletionException(
                    cause instanceof RpcException rpc ? new IllegalStateException(rpc.errorName(), rpc) : cause);
        });
    }

    private synchronized RemoteCommandClient remoteCommands() {
        if (rpcClient == null) {
            rpcClient = new RpcClient(RpcClientConfig.defaults());
        }
        return new RemoteCommandClient(rpcClient);
    }

    @Override
    public void close() {
        client.close();
        synchronized (this) {
            if (rpcClient != null) {
                rpcClient.close();
            }
        }
    }
}
