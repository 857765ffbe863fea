package io.enif.common.replication;

import io.enif.common.config.ConfigKey;
import java.time.Duration;
import java.util.List;

/**
 * The {@code [replication]} and {@code [meta_server]} keys both servers read, with Pegasus's names and the defaults
 * of DESIGN §10: beacon 3 s, check 2 s, lease 20 s, grace 22 s; writes need 2 members. Not a key holder itself: the
 * meta server's and the replica server's holders list these fields with their own keys.
 */
public final class ReplicationKeys {
    private static final String REPLICATION = "replication";

    private ReplicationKeys() {}

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

    /** {@code [replication] mutation_2pc_min_replica_count}. */
    public static final ConfigKey<Integer> MUTATION_2PC_MIN_REPLICA_COUNT = ConfigKey.intKey(
            REPLICATION,
            "mutation_2pc_min_replica_count",
            2,
            "The fewest members (primary included) with which a partition accepts writes");

    /** {@code [meta_server] server_list}. */
    public static final ConfigKey<List<String>> META_SERVER_LIST = ConfigKey.stringListKey(
            "meta_server", "server_list", List.of(), "Every meta server of the cluster as ip:port, comma separated");
}
