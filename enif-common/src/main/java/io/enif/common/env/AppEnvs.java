package io.enif.common.env;

import static io.enif.common.env.EnvValueType.INT32;
import static io.enif.common.env.EnvValueType.INT64;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The complete registry of table envs ({@code spec/ops-tables.md} §1.3), with the types and limits of Pegasus's meta
 * server ({@code src/meta/app_env_validator.cpp}).
 *
 * <p>Besides the operator keys, Pegasus's validator also accepts four keys its meta server writes itself while a
 * table is the follower of a duplication ({@code duplication.master_cluster}, {@code duplication.master_metas}, {@code
 * duplication.master_app_name}, {@code duplication.follower_app_status}); they are registered here as internal
 * strings so that tables copied from a Pegasus cluster keep their envs. Every other key is unknown and refused.
 */
public final class AppEnvs {

    public static final AppEnvKey BUSINESS_INFO = AppEnvKey.string(
            "business.info", "", "", EnvValueCheck.ANY, null, "A label for operators; the server ignores it.");

    public static final AppEnvKey DEFAULT_TTL = AppEnvKey.integer(
            "default_ttl",
            INT32,
            ">= 0",
            "86400",
            v -> v >= 0,
            "0",
            "Table-level TTL in seconds, applied to records written without one and at compaction; 0 = none.");

    public static final AppEnvKey MANUAL_COMPACT_DISABLED = AppEnvKey.bool(
            "manual_compact.disabled", "false", "Master switch that turns manual compaction of the table off.");

    public static final AppEnvKey MANUAL_COMPACT_MAX_CONCURRENT_RUNNING_COUNT = AppEnvKey.integer(
            "manual_compact.max_concurrent_running_count",
            INT32,
            ">= 0",
            "8",
            v -> v >= 0,
            null,
            "Per-node limit on manual compactions running at once; absent = unlimited, 0 = start none.");

    public static final AppEnvKey MANUAL_COMPACT_ONCE_TRIGGER_TIME = AppEnvKey.integer(
            "manual_compact.once.trigger_time",
            INT64,
            "> 0, timestamp (in seconds) to trigger the once manual compaction",
            "1700000000",
            v -> v > 0,
            null,
            "Unix time in seconds of a one-shot manual compaction; absent = none.");

    public static final AppEnvKey MANUAL_COMPACT_ONCE_TARGET_LEVEL = AppEnvKey.integer(
            "manual_compact.once.target_level",
            INT64,
            "-1 or >= 1",
            "6",
            v -> v == -1 || v >= 1,
            "-1",
            "Output level of the one-shot compaction; -1 = chosen by the engine.");

    public static final AppEnvKey MANUAL_COMPACT_ONCE_BOTTOMMOST_LEVEL_COMPACTION = AppEnvKey.string(
            "manual_compact.once.bottommost_level_compaction",
            "force | skip",
            "skip",
            oneOf("force", "skip"),
            "skip",
            "Whether the one-shot compaction rewrites the bottom level.");

    public static final AppEnvKey MANUAL_COMPACT_PERIODIC_TRIGGER_TIME = AppEnvKey.string(
            "manual_compact.periodic.trigger_time",
            "H:MM[,H:MM...] (24-hour local time)",
            "3:00,21:00",
            PeriodicTriggerTimes::problem,
            null,
            "Daily times at which a periodic manual compaction starts; absent = none.");

    public static final AppEnvKey MANUAL_COMPACT_PERIODIC_TARGET_LEVEL = AppEnvKey.integer(
            "manual_compact.periodic.target_level",
            INT64,
            "-1 or >= 1",
            "6",
            v -> v == -1 || v >= 1,
            "-1",
            "Output level of the periodic compaction; -1 = chosen by the engine.");

    public static final AppEnvKey MANUAL_COMPACT_PERIODIC_BOTTOMMOST_LEVEL_COMPACTION = AppEnvKey.string(
            "manual_compact.periodic.bottommost_level_compaction",
            "force | skip",
            "skip",
            oneOf("force", "skip"),
            "skip",
            "Whether the periodic compaction rewrites the bottom level.");

    public static final AppEnvKey BACKUP_REQUEST_THROTTLING = throttling(
            "replica.backup_request_throttling", "Throttles backup reads served by secondaries; absent = off.");

    public static final AppEnvKey DENY_CLIENT_REQUEST = AppEnvKey.string(
            "replica.deny_client_request",
            DenyClientRequest.LIMITATION,
            "timeout*all",
            DenyClientRequest::problem,
            null,
            "Refuses client reads and/or writes of the table; absent = serve normally.");

    public static final AppEnvKey READ_THROTTLING =
            throttling("replica.read_throttling", "Throttles reads by requests per second; absent = off.");

    public static final AppEnvKey READ_THROTTLING_BY_SIZE = AppEnvKey.string(
            "replica.read_throttling_by_size",
            "",
            SizeThrottlingSpec.SAMPLE,
            SizeThrottlingSpec::problem,
            null,
            "Throttles reads by bytes per second with a token bucket; absent = off.");

    public static final AppEnvKey ROCKSDB_BLOCK_CACHE_ENABLED = AppEnvKey.bool(
            "replica.rocksdb_block_cache_enabled", "true", "Whether reads of the table fill the block cache.");

    public static final AppEnvKey ROCKSDB_ITERATION_THRESHOLD_TIME_MS = AppEnvKey.integer(
            "replica.rocksdb_iteration_threshold_time_ms",
            INT64,
            ">= 0",
            "1000",
            v -> v >= 0,
            null,
            "Time limit of one scan iteration in ms (0 = none); absent = [pegasus.server]"
                    + " rocksdb_iteration_threshold_time_ms.");

    public static final AppEnvKey SLOW_QUERY_THRESHOLD = AppEnvKey.integer(
            "replica.slow_query_threshold",
            INT64,
            ">= 20",
            "1000",
            v -> v >= 20,
            null,
            "Reads slower than this many ms are logged as slow; absent = the server's configured threshold.");

    public static final AppEnvKey SPLIT_VALIDATE_PARTITION_HASH = AppEnvKey.bool(
            "replica.split.validate_partition_hash",
            "false",
            "Whether replicas check key ownership after a partition split; the meta server sets it when a split"
                    + " starts.");

    public static final AppEnvKey WRITE_THROTTLING =
            throttling("replica.write_throttling", "Throttles writes by requests per second; absent = off.");

    public static final AppEnvKey WRITE_THROTTLING_BY_SIZE =
            throttling("replica.write_throttling_by_size", "Throttles writes by bytes per second; absent = off.");

    public static final AppEnvKey ACCESS_CONTROLLER_ALLOWED_USERS = AppEnvKey.string(
            "replica_access_controller.allowed_users",
            "",
            "",
            EnvValueCheck.ANY,
            null,
            "Users allowed to access the table (ACL); stored, not enforced yet.");

    public static final AppEnvKey ACCESS_CONTROLLER_RANGER_POLICIES = AppEnvKey.string(
            "replica_access_controller.ranger_policies",
            "",
            "",
            EnvValueCheck.ANY,
            null,
            "Ranger policies of the table (ACL); stored, not enforced yet.");

    public static final AppEnvKey ROCKSDB_ALLOW_INGEST_BEHIND = AppEnvKey.bool(
            "rocksdb.allow_ingest_behind",
            "false",
            "Opens the table's RocksDB with ingest-behind (bulk load); only takes effect when set at create time.");

    public static final AppEnvKey ROCKSDB_CHECKPOINT_RESERVE_MIN_COUNT = AppEnvKey.integer(
            "rocksdb.checkpoint.reserve_min_count",
            INT32,
            "> 0",
            "2",
            v -> v > 0,
            null,
            "Checkpoints kept at least; absent = [pegasus.server] checkpoint_reserve_min_count (2).");

    public static final AppEnvKey ROCKSDB_CHECKPOINT_RESERVE_TIME_SECONDS = AppEnvKey.integer(
            "rocksdb.checkpoint.reserve_time_seconds",
            INT32,
            ">= 0",
            "3600",
            v -> v >= 0,
            null,
            "Seconds each checkpoint is kept at least; absent = [pegasus.server] checkpoint_reserve_time_seconds"
                    + " (1800).");

    public static final AppEnvKey ROCKSDB_NUM_LEVELS = AppEnvKey.integer(
            "rocksdb.num_levels",
            INT64,
            "In range [1, 10]",
            "6",
            v -> v >= 1 && v <= 10,
            null,
            "Number of LSM levels, applied when a replica opens; absent = the server's configured value.");

    public static final AppEnvKey ROCKSDB_USAGE_SCENARIO = AppEnvKey.string(
            "rocksdb.usage_scenario",
            "bulk_load | normal | prefer_write",
            "normal",
            oneOf("normal", "prefer_write", "bulk_load"),
            "normal",
            "Preset RocksDB option bundle for the table.");

    public static final AppEnvKey ROCKSDB_WRITE_BUFFER_SIZE = AppEnvKey.integer(
            "rocksdb.write_buffer_size",
            INT64,
            "In range [16777216, 536870912]",
            "16777216",
            v -> v >= (16L << 20) && v <= (512L << 20),
            null,
            "Memtable size in bytes; absent = the server's configured value.");

    public static final AppEnvKey USER_SPECIFIED_COMPACTION = AppEnvKey.string(
            "user_specified_compaction",
            "",
            "",
            EnvValueCheck.ANY,
            null,
            "JSON rules that delete or alter records during compaction; stored, not applied yet.");

    public static final AppEnvKey DUPLICATION_MASTER_CLUSTER = AppEnvKey.internalString(
            "duplication.master_cluster", "Duplication: the source cluster of a follower table (meta-written).");

    public static final AppEnvKey DUPLICATION_MASTER_METAS = AppEnvKey.internalString(
            "duplication.master_metas", "Duplication: the source cluster's meta servers (meta-written).");

    public static final AppEnvKey DUPLICATION_MASTER_APP_NAME = AppEnvKey.internalString(
            "duplication.master_app_name", "Duplication: the source table's name (meta-written).");

    public static final AppEnvKey DUPLICATION_FOLLOWER_APP_STATUS = AppEnvKey.internalString(
            "duplication.follower_app_status", "Duplication: creating | created (meta-written).");

    private static final Map<String, AppEnvKey> BY_NAME = index(List.of(
            BUSINESS_INFO,
            DEFAULT_TTL,
            MANUAL_COMPACT_DISABLED,
            MANUAL_COMPACT_MAX_CONCURRENT_RUNNING_COUNT,
            MANUAL_COMPACT_ONCE_TRIGGER_TIME,
            MANUAL_COMPACT_ONCE_TARGET_LEVEL,
            MANUAL_COMPACT_ONCE_BOTTOMMOST_LEVEL_COMPACTION,
            MANUAL_COMPACT_PERIODIC_TRIGGER_TIME,
            MANUAL_COMPACT_PERIODIC_TARGET_LEVEL,
            MANUAL_COMPACT_PERIODIC_BOTTOMMOST_LEVEL_COMPACTION,
            BACKUP_REQUEST_THROTTLING,
            DENY_CLIENT_REQUEST,
            READ_THROTTLING,
            READ_THROTTLING_BY_SIZE,
            ROCKSDB_BLOCK_CACHE_ENABLED,
            ROCKSDB_ITERATION_THRESHOLD_TIME_MS,
            SLOW_QUERY_THRESHOLD,
            SPLIT_VALIDATE_PARTITION_HASH,
            WRITE_THROTTLING,
            WRITE_THROTTLING_BY_SIZE,
            ACCESS_CONTROLLER_ALLOWED_USERS,
            ACCESS_CONTROLLER_RANGER_POLICIES,
            ROCKSDB_ALLOW_INGEST_BEHIND,
            ROCKSDB_CHECKPOINT_RESERVE_MIN_COUNT,
            ROCKSDB_CHECKPOINT_RESERVE_TIME_SECONDS,
            ROCKSDB_NUM_LEVELS,
            ROCKSDB_USAGE_SCENARIO,
            ROCKSDB_WRITE_BUFFER_SIZE,
            USER_SPECIFIED_COMPACTION,
            DUPLICATION_MASTER_CLUSTER,
            DUPLICATION_MASTER_METAS,
            DUPLICATION_MASTER_APP_NAME,
            DUPLICATION_FOLLOWER_APP_STATUS));

    private AppEnvs() {}

    /** Every registered key, sorted by name (the order of {@code /envs/list}). */
    public static Map<String, AppEnvKey> all() {
        return BY_NAME;
    }

    /** The key named {@code name}, or empty when Pegasus does not know it. */
    public static Optional<AppEnvKey> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    private static AppEnvKey throttling(String name, String description) {
        return AppEnvKey.string(
                name, ThrottlingSpec.LIMITATION, ThrottlingSpec.SAMPLE, ThrottlingSpec::problem, null, description);
    }

    private static EnvValueCheck oneOf(String... allowed) {
        List<String> values = List.of(allowed);
        return value -> values.contains(value)
                ? Optional.empty()
                : Optional.of("should be one of " + String.join(" | ", values));
    }

    private static Map<String, AppEnvKey> index(List<AppEnvKey> keys) {
        Map<String, AppEnvKey> byName = new TreeMap<>();
        for (AppEnvKey key : keys) {
            if (byName.put(key.name(), key) != null) {
                throw new IllegalStateException("env key registered twice: " + key.name());
            }
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(byName));
    }
}
