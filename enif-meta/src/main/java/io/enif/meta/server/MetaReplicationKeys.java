package io.enif.meta.server;

import io.enif.common.config.ConfigKey;
import io.enif.common.config.ConfigKeyHolder;
import java.time.Duration;
import java.util.List;

/**
 * The {@code [replication]} keys the meta server reads: the failure-detector timers (DESIGN §10: beacon 3 s, check
 * 2 s, lease 20 s, grace 22 s), the cure interval, the write threshold and the cluster name.
 *
 * <p>The failure-detector keys, {@code mutation_2pc_min_replica_count} and {@code cluster_name} are shared with the
 * replica server; DESIGN §10 wants shared keys in {@code enif-common}, so they should move there once both servers
 * exist (the registry accepts one key declared twice only when both declarations are identical).
 */
public final class MetaReplicationKeys implements ConfigKeyHolder {

    private static final String REPLICATION = "replication";

    /** {@code [replication] fd_beacon_interval_seconds}. */
    public static final ConfigKey<Duration> FD_BEACON_INTERVAL_SECONDS = ConfigKey.secondsKey(
                    REPLICATION, "fd_beacon_interval_seconds", 3, "How often a replica server beacons the meta leader")
            .min(1);

    /** {@code [replication] fd_check_interval_seconds}. */
    public static final ConfigKey<Duration> FD_CHECK_INTERVAL_SECONDS = ConfigKey.secondsKey(
                    REPLICATION,
                    "fd_check_interval_seconds",
                    2,
                    "How often the meta and replica servers check failure-detector timers")
            .min(1);

    /** {@code [replication] fd_lease_seconds}. */
    public static final ConfigKey<Duration> FD_LEASE_SECONDS = ConfigKey.secondsKey(
                    REPLICATION,
                    "fd_lease_seconds",
                    20,
                    "How long an acknowledged beacon lets a replica server serve; must exceed 2 beacon intervals")
            .min(1);

    /** {@code [replication] fd_grace_seconds}. */
    public static final ConfigKey<Duration> FD_GRACE_SECONDS = ConfigKey.secondsKey(
                    REPLICATION,
                    "fd_grace_seconds",
                    22,
                    "Silence after which the meta leader declares a replica server dead; must exceed the lease")
            .min(1);

    /** {@code [replication] lb_interval_ms}. */
    public static final ConfigKey<Duration> LB_INTERVAL_MS = ConfigKey.millisKey(
                    REPLICATION, "lb_interval_ms", 10_000, "How often the meta leader checks every partition (cure)")
            .min(1);

    /** {@code [replication] mutation_2pc_min_replica_count}. */
    public static final ConfigKey<Integer> MUTATION_2PC_MIN_REPLICA_COUNT = ConfigKey.intKey(
            REPLICATION,
            "mutation_2pc_min_replica_count",
            2,
            "The fewest members (primary included) with which a partition accepts writes");

    /** {@code [replication] cluster_name}. */
    public static final ConfigKey<String> CLUSTER_NAME =
            ConfigKey.stringKey(REPLICATION, "cluster_name", "", "The cluster's name, as cluster_info shows it");

    @Override
    public List<ConfigKey<?>> configKeys() {
        return ConfigKeyHolder.staticKeysOf(MetaReplicationKeys.class);
    }
}
