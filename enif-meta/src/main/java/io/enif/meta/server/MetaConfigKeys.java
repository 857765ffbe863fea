package io.enif.meta.server;

import io.enif.common.config.ConfigKey;
import io.enif.common.config.ConfigKeyHolder;
import io.enif.common.config.Validator;
import io.enif.meta.level.MetaFunctionLevel;
import java.time.Duration;
import java.util.List;

/**
 * The meta server's {@code [meta_server]} and {@code [zookeeper]} keys, with Pegasus's names and the defaults of
 * DESIGN §10 ({@code spec/ops-cluster.md} Appendix A), plus the raw sections {@code [meta_server.apps.*]} (tables
 * created when a cluster starts empty). Found by the registry through {@link java.util.ServiceLoader}; {@link
 * MetaServerConfigs} binds them to the typed {@link MetaServerConfig}.
 */
public final class MetaConfigKeys implements ConfigKeyHolder {

    /** The raw sections naming bootstrap tables, e.g. {@code [meta_server.apps.temp]}. */
    public static final String BOOTSTRAP_APPS_PREFIX = "meta_server.apps.";

    private static final String META = "meta_server";
    private static final String ZK = "zookeeper";

    // [meta_server] server_list is shared with the replica server: io.enif.common.replication.ReplicationKeys.

    /** {@code [meta_server] cluster_root}. */
    public static final ConfigKey<String> CLUSTER_ROOT = ConfigKey.stringKey(
                    META, "cluster_root", "/", "The ZooKeeper node under which the cluster's metadata lives")
            .validator(Validator.of("starts with /", v -> v.startsWith("/"), "does not start with '/'"));

    /** {@code [meta_server] distributed_lock_service_parameters}. */
    public static final ConfigKey<String> LOCK_ROOT = ConfigKey.stringKey(
            META,
            "distributed_lock_service_parameters",
            "",
            "The ZooKeeper node under which the meta servers elect their leader; empty means <cluster_root>/lock");

    /** {@code [meta_server] meta_function_level_on_start}. */
    public static final ConfigKey<String> LEVEL_ON_START = ConfigKey.stringKey(
                    META,
                    "meta_function_level_on_start",
                    "steady",
                    "The meta function level a new leader starts with: stopped, blind, freezed, steady or lively")
            .validator(Validator.of("a meta level", MetaConfigKeys::isLevel, "is not a meta function level"));

    /** {@code [meta_server] min_live_node_count_for_unfreeze}. */
    public static final ConfigKey<Integer> MIN_LIVE_NODE_COUNT_FOR_UNFREEZE = ConfigKey.intKey(
                    META,
                    "min_live_node_count_for_unfreeze",
                    3,
                    "With fewer alive replica servers the meta server freezes itself (no cure)")
            .min(0)
            .mutable();

    /** {@code [meta_server] node_live_percentage_threshold_for_update}. */
    public static final ConfigKey<Integer> NODE_LIVE_PERCENTAGE_THRESHOLD_FOR_UPDATE = ConfigKey.intKey(
                    META,
                    "node_live_percentage_threshold_for_update",
                    65,
                    "With a smaller percentage of replica servers alive the meta server freezes itself")
            .min(0)
            .max(100);

    /** {@code [meta_server] replica_assign_delay_ms_for_dropouts}. */
    public static final ConfigKey<Duration> REPLICA_ASSIGN_DELAY_MS_FOR_DROPOUTS = ConfigKey.millisKey(
            META,
            "replica_assign_delay_ms_for_dropouts",
            300_000,
            "How long a partition short of a secondary waits for the dropped node before building one elsewhere");

    /** {@code [meta_server] max_reserved_dropped_replicas}. */
    public static final ConfigKey<Integer> MAX_RESERVED_DROPPED_REPLICAS = ConfigKey.intKey(
                    META,
                    "max_reserved_dropped_replicas",
                    1,
                    "Dropped replicas kept as candidates beyond max_replica_count members")
            .min(0)
            .mutable();

    /** {@code [meta_server] add_secondary_enable_flow_control}. */
    public static final ConfigKey<Boolean> ADD_SECONDARY_ENABLE_FLOW_CONTROL = ConfigKey.boolKey(
            META,
            "add_secondary_enable_flow_control",
            false,
            "Limit the add-secondary proposals one node receives per cure round");

    /** {@code [meta_server] add_secondary_max_count_for_one_node}. */
    public static final ConfigKey<Integer> ADD_SECONDARY_MAX_COUNT_FOR_ONE_NODE = ConfigKey.intKey(
                    META,
                    "add_secondary_max_count_for_one_node",
                    10,
                    "With flow control, the most add-secondary proposals one node receives per cure round")
            .min(0);

    /** {@code [meta_server] stable_rs_min_running_seconds}. */
    public static final ConfigKey<Duration> STABLE_RS_MIN_RUNNING_SECONDS = ConfigKey.secondsKey(
            META,
            "stable_rs_min_running_seconds",
            600,
            "A replica server restarting sooner than this after its previous start restarts unstably");

    /** {@code [meta_server] max_succssive_unstable_restart} (Pegasus's spelling). */
    public static final ConfigKey<Integer> MAX_SUCCESSIVE_UNSTABLE_RESTART = ConfigKey.intKey(
                    META,
                    "max_succssive_unstable_restart",
                    5,
                    "After this many unstable restarts in a row the meta server stops answering the node's beacons")
            .min(1);

    /** {@code [meta_server] hold_seconds_for_dropped_app}. */
    public static final ConfigKey<Duration> HOLD_SECONDS_FOR_DROPPED_APP = ConfigKey.secondsKey(
            META,
            "hold_seconds_for_dropped_app",
            604_800,
            "How long a dropped table can be recalled, unless drop_app gives its own reserve time");

    /** {@code [meta_server] enable_white_list}. */
    public static final ConfigKey<Boolean> ENABLE_WHITE_LIST =
            ConfigKey.boolKey(META, "enable_white_list", false, "Only replica servers of replica_white_list may join");

    /** {@code [meta_server] replica_white_list}. */
    public static final ConfigKey<List<String>> REPLICA_WHITE_LIST = ConfigKey.stringListKey(
            META, "replica_white_list", List.of(), "The replica servers (ip:port) allowed when enable_white_list");

    /** {@code [meta_server] max_allowed_replica_count}. */
    public static final ConfigKey<Integer> MAX_ALLOWED_REPLICA_COUNT = ConfigKey.intKey(
                    META, "max_allowed_replica_count", 5, "The largest replica count a table may have")
            .min(1)
            .mutable();

    /** {@code [meta_server] min_allowed_replica_count}. */
    public static final ConfigKey<Integer> MIN_ALLOWED_REPLICA_COUNT = ConfigKey.intKey(
                    META, "min_allowed_replica_count", 1, "The smallest replica count a table may have")
            .min(1)
            .mutable();

    /** {@code [zookeeper] hosts_list}. */
    public static final ConfigKey<String> ZK_HOSTS_LIST =
            ConfigKey.stringKey(ZK, "hosts_list", "", "The ZooKeeper servers as host:port, comma separated");

    /** {@code [zookeeper] timeout_ms}: 10 000 by DESIGN §10, so a killed leader is replaced within the lease. */
    public static final ConfigKey<Duration> ZK_TIMEOUT_MS = ConfigKey.millisKey(
                    ZK,
                    "timeout_ms",
                    10_000,
                    "The ZooKeeper session timeout; it bounds how long a crashed meta leader keeps the lock")
            .min(1_000);

    @Override
    public List<ConfigKey<?>> configKeys() {
        return ConfigKeyHolder.staticKeysOf(MetaConfigKeys.class);
    }

    @Override
    public List<String> rawSections() {
        return List.of(BOOTSTRAP_APPS_PREFIX + "*");
    }

    private static boolean isLevel(String text) {
        try {
            MetaFunctionLevel.parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
