package io.enif.replica.server;

import io.enif.common.HostPort;
import io.enif.common.config.Config;
import io.enif.common.replication.ReplicationKeys;
import io.enif.replication.ReplicaOptions;
import io.enif.rpc.RpcConfigKeys;
import io.enif.storage.StoreConfigKeys;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Binds the registered keys of a {@link Config} to a {@link ReplicaServerConfig}. */
public final class ReplicaServerConfigs {
    private ReplicaServerConfigs() {}

    /**
     * The replica server settings of {@code config}, serving on {@code host:port}.
     *
     * @throws IllegalArgumentException when a value is unusable (a malformed address or data dir, inconsistent
     *     timers)
     */
    public static ReplicaServerConfig fromConfig(Config config, String host, int port) {
        return new ReplicaServerConfig(
                RpcConfigKeys.serverConfig(config, host, port),
                metaServers(config.get(ReplicationKeys.META_SERVER_LIST)),
                DataDir.parse(config.get(ReplicaConfigKeys.DATA_DIRS), Path.of(config.get(ReplicaConfigKeys.APP_DIR))),
                options(config),
                new ReplicaServerConfig.FdConfig(
                        config.get(ReplicationKeys.FD_BEACON_INTERVAL_SECONDS).toMillis(),
                        config.get(ReplicationKeys.FD_CHECK_INTERVAL_SECONDS).toMillis(),
                        config.get(ReplicationKeys.FD_LEASE_SECONDS).toMillis(),
                        config.get(ReplicaConfigKeys.FD_DISABLED)),
                config.get(ReplicaConfigKeys.CONFIG_SYNC_INTERVAL_MS).toMillis(),
                config.get(ReplicaConfigKeys.CONFIG_SYNC_DISABLED),
                config.get(ReplicaConfigKeys.REPLICA_TICK_INTERVAL_MS).toMillis(),
                config.get(ReplicaConfigKeys.CHECKPOINT_INTERVAL_SECONDS).toMillis(),
                config.get(ReplicaConfigKeys.CHECKPOINT_RESERVE_MIN_COUNT),
                config.get(ReplicaConfigKeys.GC_DISK_ERROR_REPLICA_INTERVAL_SECONDS)
                        .toMillis(),
                config.get(ReplicaConfigKeys.GC_DISK_GARBAGE_REPLICA_INTERVAL_SECONDS)
                        .toMillis(),
                config.get(ReplicaConfigKeys.MAX_COPY_RATE_MEGABYTES_PER_DISK),
                config.get(ReplicaConfigKeys.MAX_SEND_RATE_MEGABYTES_PER_DISK),
                config.get(ReplicaConfigKeys.PARTITION_LANE_COUNT),
                config.get(ReplicaConfigKeys.READ_THREAD_COUNT),
                StoreConfigKeys.storeOptions(config),
                config.get(StoreConfigKeys.BLOCK_CACHE_CAPACITY));
    }

    /** The replication core's options from {@code [replication]}. */
    public static ReplicaOptions options(Config config) {
        ReplicaOptions defaults = ReplicaOptions.defaults();
        return new ReplicaOptions(
                config.get(ReplicaConfigKeys.MAX_MUTATION_COUNT_IN_PREPARE_LIST),
                config.get(ReplicaConfigKeys.STALENESS_FOR_COMMIT),
                config.get(ReplicationKeys.MUTATION_2PC_MIN_REPLICA_COUNT),
                config.get(ReplicaConfigKeys.MAX_ALLOWED_WRITE_SIZE),
                config.get(ReplicaConfigKeys.PREPARE_TIMEOUT_MS_FOR_SECONDARIES).toMillis(),
                config.get(ReplicaConfigKeys.PREPARE_TIMEOUT_MS_FOR_POTENTIAL_SECONDARIES)
                        .toMillis(),
                defaults.prepareRetryDelayMs(),
                config.get(ReplicaConfigKeys.GROUP_CHECK_INTERVAL_MS).toMillis(),
                config.get(ReplicaConfigKeys.GROUP_CHECK_DISABLED),
                config.get(ReplicaConfigKeys.EMPTY_WRITE_DISABLED),
                defaults.configUpdateRetryMs(),
                defaults.learnRetryMs());
    }

    private static List<HostPort> metaServers(List<String> texts) {
        List<HostPort> out = new ArrayList<>();
        for (String text : texts) {
            if (!text.isBlank()) {
                out.add(HostPort.parse(text.trim()));
            }
        }
        return out;
    }
}
