package io.enif.meta.server;

import io.enif.common.config.ConfigKey;
import io.enif.common.config.ConfigKeyHolder;
import io.enif.common.replication.ReplicationKeys;
import java.time.Duration;
import java.util.List;

/**
 * The {@code [replication]} keys only the meta server reads: the cure interval and the cluster name. The keys it
 * shares with the replica server (failure-detector timers, {@code mutation_2pc_min_replica_count}, the meta server
 * list) are declared once in {@link io.enif.common.replication.ReplicationKeys}.
 */
public final class MetaReplicationKeys implements ConfigKeyHolder {

    private static final String REPLICATION = "replication";

    /** {@code [replication] lb_interval_ms}. */
    public static final ConfigKey<Duration> LB_INTERVAL_MS = ConfigKey.millisKey(
                    REPLICATION, "lb_interval_ms", 10_000, "How often the meta leader checks every partition (cure)")
            .min(1);

    /** {@code [replication] cluster_name}. */
    public static final ConfigKey<String> CLUSTER_NAME =
            ConfigKey.stringKey(REPLICATION, "cluster_name", "", "The cluster's name, as cluster_info shows it");

    @Override
    public List<ConfigKey<?>> configKeys() {
        return ConfigKeyHolder.staticKeysOf(MetaReplicationKeys.class, ReplicationKeys.class);
    }
}
