package io.enif.shell;

import io.enif.client.ClientConfig;
import io.enif.client.EnifAdmin;
import io.enif.client.EnifClient;
import io.enif.client.EnifTable;
import io.enif.client.EnifTableNotFoundException;
import io.enif.client.TableInfo;
import io.enif.common.HostPort;
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

/** The {@link ShellBackend} of a real cluster: the Enif client and its public admin API ({@link EnifAdmin}). */
public final class ClusterBackend implements ShellBackend {
    private final String metaServers;
    private final long timeoutMillis;
    private final EnifClient client;
    private final EnifAdmin admin;
    private RpcClient rpcClient;

    private ClusterBackend(String metaServers, long timeoutMillis, EnifClient client) {
        this.metaServers = metaServers;
        this.timeoutMillis = timeoutMillis;
        this.client = client;
        this.admin = client.admin();
    }

    /** A backend for these meta servers ({@code host:port,...}); nothing is contacted yet. */
    public static ClusterBackend connect(String metaServers, long timeoutMillis) {
        Properties properties = new Properties();
        properties.setProperty("meta_servers", metaServers);
        properties.setProperty("operation_timeout", Long.toString(timeoutMillis));
        properties.setProperty("meta_query_timeout", "3000");
        return new ClusterBackend(
                metaServers, timeoutMillis, EnifClient.create(ClientConfig.fromProperties(properties)));
    }

    @Override
    public ShellBackend connectTo(String otherMetaServers) {
        return connect(otherMetaServers, timeoutMillis);
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
        EnifAdmin.TableConfig config = admin.queryConfig(name);
        List<PartitionInfo> partitions = new ArrayList<>();
        for (EnifAdmin.PartitionConfig p : config.partitions()) {
            partitions.add(new PartitionInfo(p.index(), p.ballot(), p.maxReplicaCount(), p.primary(), p.secondaries()));
        }
        return new AppConfig(name, config.appId(), config.partitionCount(), partitions);
    }

    @Override
    public void createApp(String name, int partitionCount, int replicaCount, Map<String, String> envs) {
        admin.sendCreateApp(name, partitionCount, replicaCount, envs);
    }

    @Override
    public void dropApp(String name, long reserveSeconds) {
        // the client's drop succeeds on a missing table (Pegasus's admin API); the shell, like Pegasus's, refuses it
        if (client.listApps(true).stream().noneMatch(t -> t.name().equals(name))) {
            throw new EnifTableNotFoundException(name, "no available table '" + name + "' to drop");
        }
        client.dropApp(name, (int) Math.max(0, Math.min(Integer.MAX_VALUE, reserveSeconds)));
    }

    @Override
    public String recallApp(int appId, String newName) {
        return admin.recallApp(appId, newName);
    }

    @Override
    public List<NodeInfo> listNodes() {
        List<NodeInfo> nodes = new ArrayList<>();
        for (EnifAdmin.NodeInfo n : admin.listNodes()) {
            nodes.add(new NodeInfo(n.address(), n.alive()));
        }
        return nodes;
    }

    @Override
    public Map<String, String> clusterInfo() {
        return admin.clusterInfo();
    }

    @Override
    public String metaLevel() {
        return admin.metaLevel();
    }

    @Override
    public String setMetaLevel(String level) {
        return admin.setMetaLevel(level);
    }

    @Override
    public void setAppEnvs(String app, List<String> keys, List<String> values) {
        Map<String, String> envs = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            envs.put(keys.get(i), values.get(i));
        }
        admin.setAppEnvs(app, envs);
    }

    @Override
    public String delAppEnvs(String app, List<String> keys) {
        return admin.delAppEnvs(app, keys);
    }

    @Override
    public String clearAppEnvs(String app, String prefix) {
        return admin.clearAppEnvs(app, prefix);
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
