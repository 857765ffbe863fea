package io.enif.meta.server;

import io.enif.common.HostPort;
import io.enif.common.config.Config;
import io.enif.common.replication.ReplicationKeys;
import io.enif.meta.fd.FailureDetectorConfig;
import io.enif.meta.guardian.GuardianConfig;
import io.enif.meta.health.HealthConfig;
import io.enif.meta.level.MetaFunctionLevel;
import io.enif.meta.level.MetaLevelConfig;
import io.enif.meta.store.MetaPaths;
import io.enif.rpc.RpcConfigKeys;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Binds the registered keys of a {@link Config} to a {@link MetaServerConfig}. */
public final class MetaServerConfigs {

    private MetaServerConfigs() {}

    /**
     * The meta server settings of {@code config}, serving RPC on {@code host:port}.
     *
     * @throws IllegalArgumentException when a value is unusable (e.g. a malformed address or bootstrap table)
     */
    public static MetaServerConfig fromConfig(Config config, String host, int port) {
        FailureDetectorConfig fd = new FailureDetectorConfig(
                config.get(ReplicationKeys.FD_BEACON_INTERVAL_SECONDS).toMillis(),
                config.get(ReplicationKeys.FD_CHECK_INTERVAL_SECONDS).toMillis(),
                config.get(ReplicationKeys.FD_LEASE_SECONDS).toMillis(),
                config.get(ReplicationKeys.FD_GRACE_SECONDS).toMillis(),
                false,
                config.get(MetaConfigKeys.STABLE_RS_MIN_RUNNING_SECONDS).toMillis(),
                config.get(MetaConfigKeys.MAX_SUCCESSIVE_UNSTABLE_RESTART),
                config.get(MetaConfigKeys.ENABLE_WHITE_LIST),
                addresses(config.get(MetaConfigKeys.REPLICA_WHITE_LIST)));
        MetaLevelConfig level = new MetaLevelConfig(
                MetaFunctionLevel.parse(config.get(MetaConfigKeys.LEVEL_ON_START)),
                config.get(MetaConfigKeys.MIN_LIVE_NODE_COUNT_FOR_UNFREEZE),
                config.get(MetaConfigKeys.NODE_LIVE_PERCENTAGE_THRESHOLD_FOR_UPDATE));
        GuardianConfig guardian = new GuardianConfig(
                config.get(MetaConfigKeys.REPLICA_ASSIGN_DELAY_MS_FOR_DROPOUTS).toMillis(),
                Set.of(),
                config.get(MetaConfigKeys.ADD_SECONDARY_ENABLE_FLOW_CONTROL),
                config.get(MetaConfigKeys.ADD_SECONDARY_MAX_COUNT_FOR_ONE_NODE),
                config.get(MetaConfigKeys.MAX_RESERVED_DROPPED_REPLICAS),
                new HealthConfig(config.get(ReplicationKeys.MUTATION_2PC_MIN_REPLICA_COUNT)));
        List<BootstrapTable> tables = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> section :
                config.rawSections(MetaConfigKeys.BOOTSTRAP_APPS_PREFIX).entrySet()) {
            tables.add(BootstrapTable.parse(section.getKey(), section.getValue()));
        }
        return new MetaServerConfig(
                RpcConfigKeys.serverConfig(config, host, port),
                List.copyOf(addresses(config.get(ReplicationKeys.META_SERVER_LIST))),
                config.get(MetaReplicationKeys.CLUSTER_NAME),
                MetaPaths.of(config.get(MetaConfigKeys.CLUSTER_ROOT), config.get(MetaConfigKeys.LOCK_ROOT)),
                config.get(MetaConfigKeys.ZK_HOSTS_LIST),
                config.get(MetaConfigKeys.ZK_TIMEOUT_MS),
                fd,
                level,
                guardian,
                config.get(MetaReplicationKeys.LB_INTERVAL_MS),
                config.get(MetaConfigKeys.HOLD_SECONDS_FOR_DROPPED_APP),
                config.get(MetaConfigKeys.MIN_ALLOWED_REPLICA_COUNT),
                config.get(MetaConfigKeys.MAX_ALLOWED_REPLICA_COUNT),
                tables);
    }

    private static Set<HostPort> addresses(List<String> texts) {
        Set<HostPort> result = new LinkedHashSet<>();
        for (String text : texts) {
            if (!text.isBlank()) {
                result.add(HostPort.parse(text.trim()));
            }
        }
        return result;
    }
}
