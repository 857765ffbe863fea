package io.enif.common.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Keys shaped like real Pegasus flags, one of each type, for the tests of this package. */
final class TestKeys {
    private TestKeys() {}

    enum MetaLevel {
        STOPPED,
        STEADY,
        LIVELY;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final ConfigKey<Duration> PREPARE_TIMEOUT = ConfigKey.millisKey(
                    "replication",
                    "prepare_timeout_ms_for_secondaries",
                    3000,
                    "How long a primary waits for the secondaries to ack a prepare.")
            .mutable()
            .min(1);

    static final ConfigKey<Duration> FD_GRACE = ConfigKey.secondsKey(
            "replication", "fd_grace_seconds", 22, "Seconds without a beacon before the meta declares a node dead.");

    static final ConfigKey<Boolean> PLOG_FORCE_FLUSH = ConfigKey.boolKey(
            "replication", "plog_force_flush", true, "Fsync every group-commit batch of the private log.");

    static final ConfigKey<Integer> GC_GARBAGE_INTERVAL = ConfigKey.uintKey(
                    "replication",
                    "gc_disk_garbage_replica_interval_seconds",
                    86400,
                    "Seconds a garbage replica directory is kept before deletion.")
            .mutable();

    static final ConfigKey<Integer> MAX_FRAME_SIZE = ConfigKey.intKey(
                    "network", "max_frame_size", 1 << 24, "Largest RPC frame accepted, in bytes.")
            .min(1024)
            .max(1 << 30);

    static final ConfigKey<List<String>> SERVER_LIST = ConfigKey.stringListKey(
            "meta_server", "server_list", List.of("127.0.0.1:34601"), "Addresses of the meta servers.");

    static final ConfigKey<MetaLevel> META_LEVEL = ConfigKey.enumKey(
            "meta_server", "meta_function_level_on_start", MetaLevel.STEADY, "Meta level a new leader starts in.");

    static final ConfigKey<Double> LIVE_PERCENTAGE = ConfigKey.doubleKey(
                    "meta_server",
                    "node_live_percentage_threshold",
                    65.0,
                    "Alive percentage below which the meta freezes.")
            .mutable()
            .min(0.0)
            .max(100.0);

    static final ConfigKey<String> ZK_HOSTS =
            ConfigKey.stringKey("zookeeper", "hosts_list", "127.0.0.1:22181", "The ZooKeeper ensemble, host:port,...");

    static final ConfigKey<Long> BLOCK_CACHE = ConfigKey.longKey(
            "pegasus.server", "rocksdb_block_cache_capacity", 10L << 30, "Shared block cache size in bytes.");

    static final ConfigKey<String> CLUSTER_NAME = ConfigKey.stringKey(
                    "replication", "cluster_name", "onebox", "Name of this cluster; also the metric label.")
            .mutable();
}
