package io.enif.meta.server;

import io.enif.common.HostPort;
import io.enif.meta.fd.FailureDetectorConfig;
import io.enif.meta.guardian.GuardianConfig;
import io.enif.meta.level.MetaLevelConfig;
import io.enif.meta.store.MetaPaths;
import io.enif.rpc.RpcServerConfig;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Everything a {@link MetaServer} is configured with, typed; built from the ini file by {@link MetaServerConfigs}.
 *
 * @param rpc the RPC port to bind (port 0 picks a free one; the bound port is the server's identity)
 * @param serverList {@code [meta_server] server_list}: every meta server, as {@code cluster_info} shows them
 * @param clusterName {@code [replication] cluster_name}
 * @param paths {@code [meta_server] cluster_root} and {@code distributed_lock_service_parameters}
 * @param zkHosts {@code [zookeeper] hosts_list}
 * @param zkSessionTimeout {@code [zookeeper] timeout_ms}
 * @param fd the failure-detector timers; checked at construction of the server ({@link
 *     FailureDetectorConfig#validate()})
 * @param level the meta level settings
 * @param guardian the cure settings
 * @param lbInterval {@code [replication] lb_interval_ms}: the cure period
 * @param holdForDroppedApp {@code [meta_server] hold_seconds_for_dropped_app}
 * @param minAllowedReplicaCount {@code [meta_server] min_allowed_replica_count}
 * @param maxAllowedReplicaCount {@code [meta_server] max_allowed_replica_count}
 * @param bootstrapTables the {@code [meta_server.apps.*]} tables
 */
public record MetaServerConfig(
        RpcServerConfig rpc,
        List<HostPort> serverList,
        String clusterName,
        MetaPaths paths,
        String zkHosts,
        Duration zkSessionTimeout,
        FailureDetectorConfig fd,
        MetaLevelConfig level,
        GuardianConfig guardian,
        Duration lbInterval,
        Duration holdForDroppedApp,
        int minAllowedReplicaCount,
        int maxAllowedReplicaCount,
        List<BootstrapTable> bootstrapTables) {

    public MetaServerConfig {
        Objects.requireNonNull(rpc, "rpc");
        serverList = List.copyOf(serverList);
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(paths, "paths");
        Objects.requireNonNull(zkHosts, "zkHosts");
        Objects.requireNonNull(fd, "fd");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(guardian, "guardian");
        bootstrapTables = List.copyOf(bootstrapTables);
        if (zkHosts.isBlank()) {
            throw new IllegalArgumentException("[zookeeper] hosts_list is empty: the meta server needs ZooKeeper");
        }
        requirePositive("[zookeeper] timeout_ms", zkSessionTimeout);
        requirePositive("[replication] lb_interval_ms", lbInterval);
        if (minAllowedReplicaCount < 1 || minAllowedReplicaCount > maxAllowedReplicaCount) {
            throw new IllegalArgumentException("need 1 <= min_allowed_replica_count (" + minAllowedReplicaCount
                    + ") <= max_allowed_replica_count (" + maxAllowedReplicaCount + ")");
        }
    }

    /** This configuration bound to another RPC address (e.g. the same port again on restart). */
    public MetaServerConfig withRpc(RpcServerConfig newRpc) {
        return edit(e -> e.rpc = newRpc);
    }

    /** This configuration with other ZooKeeper servers. */
    public MetaServerConfig withZkHosts(String hosts) {
        return edit(e -> e.zkHosts = hosts);
    }

    /** This configuration with other cure settings (runtime knobs {@code meta.lb.*}). */
    public MetaServerConfig withGuardian(GuardianConfig newGuardian) {
        return edit(e -> e.guardian = newGuardian);
    }

    /** This configuration with other meta level settings (runtime knob {@code meta.live_percentage}). */
    public MetaServerConfig withLevel(MetaLevelConfig newLevel) {
        return edit(e -> e.level = newLevel);
    }

    /**
     * This configuration with other bounds on a table's replica count.
     *
     * @throws IllegalArgumentException unless 1 <= min <= max
     */
    public MetaServerConfig withAllowedReplicaCounts(int min, int max) {
        return edit(e -> {
            e.minAllowedReplicaCount = min;
            e.maxAllowedReplicaCount = max;
        });
    }

    private MetaServerConfig edit(Consumer<Editor> change) {
        Editor editor = new Editor(this);
        change.accept(editor);
        return editor.build();
    }

    /** A mutable copy of a config, for the {@code with*} methods: each changes what it names and keeps the rest. */
    private static final class Editor {
        RpcServerConfig rpc;
        List<HostPort> serverList;
        String clusterName;
        MetaPaths paths;
        String zkHosts;
        Duration zkSessionTimeout;
        FailureDetectorConfig fd;
        MetaLevelConfig level;
        GuardianConfig guardian;
        Duration lbInterval;
        Duration holdForDroppedApp;
        int minAllowedReplicaCount;
        int maxAllowedReplicaCount;
        List<BootstrapTable> bootstrapTables;

        Editor(MetaServerConfig c) {
            rpc = c.rpc;
            serverList = c.serverList;
            clusterName = c.clusterName;
            paths = c.paths;
            zkHosts = c.zkHosts;
            zkSessionTimeout = c.zkSessionTimeout;
            fd = c.fd;
            level = c.level;
            guardian = c.guardian;
            lbInterval = c.lbInterval;
            holdForDroppedApp = c.holdForDroppedApp;
            minAllowedReplicaCount = c.minAllowedReplicaCount;
            maxAllowedReplicaCount = c.maxAllowedReplicaCount;
            bootstrapTables = c.bootstrapTables;
        }

        MetaServerConfig build() {
            return new MetaServerConfig(
                    rpc,
                    serverList,
                    clusterName,
                    paths,
                    zkHosts,
                    zkSessionTimeout,
                    fd,
                    level,
                    guardian,
                    lbInterval,
                    holdForDroppedApp,
                    minAllowedReplicaCount,
                    maxAllowedReplicaCount,
                    bootstrapTables);
        }
    }

    private static void requirePositive(String key, Duration value) {
        Objects.requireNonNull(value, key);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be positive, got " + value.toMillis() + " ms");
        }
    }
}
