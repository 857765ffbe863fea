package io.enif.replica.server;

import io.enif.common.config.ConfigKey;
import io.enif.common.config.ConfigKeyHolder;
import io.enif.common.replication.ReplicationKeys;
import java.time.Duration;
import java.util.List;

/**
 * The replica server's keys, found by the registry through {@link java.util.ServiceLoader}: Pegasus's {@code
 * [replication]} and {@code [nfs]} names and defaults (spec ops-recovery-and-architecture §6.5–§6.16, §7), a few
 * of Enif's own, and the keys shared with the meta server ({@link ReplicationKeys}). The private log's keys ({@code
 * plog_force_flush}, {@code log_private_*}) are declared by the private log itself. {@link ReplicaServerConfigs}
 * binds them to a {@link ReplicaServerConfig}.
 */
public final class ReplicaConfigKeys implements ConfigKeyHolder {
    private static final String REPLICATION = "replication";
    private static final String PEGASUS_SERVER = "pegasus.server";

    // ---- the write path (the core's options) ----

    /** {@code [replication] prepare_timeout_ms_for_secondaries}. */
    public static final ConfigKey<Duration> PREPARE_TIMEOUT_MS_FOR_SECONDARIES = ConfigKey.millisKey(
                    REPLICATION,
                    "prepare_timeout_ms_for_secondaries",
                    3000,
                    "How long a primary waits for a secondary's prepare ack before asking to remove it")
            .min(1);

    /** {@code [replication] prepare_timeout_ms_for_potential_secondaries}. */
    public static final ConfigKey<Duration> PREPARE_TIMEOUT_MS_FOR_POTENTIAL_SECONDARIES = ConfigKey.millisKey(
                    REPLICATION,
                    "prepare_timeout_ms_for_potential_secondaries",
                    5000,
                    "How long a primary waits for a learner's prepare ack before dropping the learner")
            .min(1);

    /** {@code [replication] max_mutation_count_in_prepare_list}. */
    public static final ConfigKey<Integer> MAX_MUTATION_COUNT_IN_PREPARE_LIST = ConfigKey.intKey(
                    REPLICATION,
                    "max_mutation_count_in_prepare_list",
                    110,
                    "The prepare list's window: decrees kept in memory (also what a learner can learn from cache)")
            .min(2);

    /** {@code [replication] staleness_for_commit}. */
    public static final ConfigKey<Integer> STALENESS_FOR_COMMIT = ConfigKey.intKey(
                    REPLICATION,
                    "staleness_for_commit",
                    20,
                    "How far a new decree may run ahead of the commit point before writes get ERR_CAPACITY_EXCEEDED")
            .min(1);

    /** {@code [replication] max_allowed_write_size}. */
    public static final ConfigKey<Integer> MAX_ALLOWED_WRITE_SIZE = ConfigKey.intKey(
                    REPLICATION,
                    "max_allowed_write_size",
                    1 << 20,
                    "The largest client write in bytes; a larger one gets ERR_INVALID_DATA")
            .min(1);

    /** {@code [replication] group_check_interval_ms}. */
    public static final ConfigKey<Duration> GROUP_CHECK_INTERVAL_MS = ConfigKey.millisKey(
                    REPLICATION,
                    "group_check_interval_ms",
                    100_000,
                    "How often a primary checks its group; an idle primary also writes an empty mutation this often")
            .min(1);

    /** {@code [replication] group_check_disabled}. */
    public static final ConfigKey<Boolean> GROUP_CHECK_DISABLED =
            ConfigKey.boolKey(REPLICATION, "group_check_disabled", false, "Turns the primary's group check off");

    /** {@code [replication] empty_write_disabled}. */
    public static final ConfigKey<Boolean> EMPTY_WRITE_DISABLED = ConfigKey.boolKey(
            REPLICATION, "empty_write_disabled", false, "Turns off the empty writes of an idle primary");

    // ---- storage and durability ----

    /** {@code [replication] data_dirs}. */
    public static final ConfigKey<String> DATA_DIRS = ConfigKey.stringKey(
            REPLICATION,
            "data_dirs",
            "",
            "The replica data directories as tag:path,tag:path; empty means <app_dir>/data with tag default");

    /** {@code [replication] app_dir}. */
    public static final ConfigKey<String> APP_DIR = ConfigKey.stringKey(
            REPLICATION, "app_dir", ".", "The replica server's own directory; holds the data when data_dirs is empty");

    /** {@code [replication] checkpoint_interval_seconds}. */
    public static final ConfigKey<Duration> CHECKPOINT_INTERVAL_SECONDS = ConfigKey.secondsKey(
            REPLICATION,
            "checkpoint_interval_seconds",
            100,
            "How often each replica tries to make a storage checkpoint (0 = never), which learners copy");

    /** {@code [pegasus.server] checkpoint_reserve_min_count} (Pegasus's section and default); mutable. */
    public static final ConfigKey<Integer> CHECKPOINT_RESERVE_MIN_COUNT = ConfigKey.uintKey(
                    PEGASUS_SERVER,
                    "checkpoint_reserve_min_count",
                    2,
                    "How many checkpoints each replica keeps at least; older ones go once also past"
                            + " checkpoint_reserve_time_seconds")
            .min(1)
            .mutable();

    /** {@code [pegasus.server] checkpoint_reserve_time_seconds} (Pegasus's section and default); mutable. */
    public static final ConfigKey<Integer> CHECKPOINT_RESERVE_TIME_SECONDS = ConfigKey.uintKey(
                    PEGASUS_SERVER,
                    "checkpoint_reserve_time_seconds",
                    1800,
                    "Seconds each checkpoint is kept at least, beyond checkpoint_reserve_min_count (0 = no time check)")
            .min(0)
            .mutable();

    /** {@code [replication] gc_disk_error_replica_interval_seconds}. */
    public static final ConfigKey<Duration> GC_DISK_ERROR_REPLICA_INTERVAL_SECONDS = ConfigKey.secondsKey(
                    REPLICATION,
                    "gc_disk_error_replica_interval_seconds",
                    604_800,
                    "How long a replica directory in error (.err) is kept before it is deleted")
            .mutable();

    /** {@code [replication] gc_disk_garbage_replica_interval_seconds}. */
    public static final ConfigKey<Duration> GC_DISK_GARBAGE_REPLICA_INTERVAL_SECONDS = ConfigKey.secondsKey(
                    REPLICATION,
                    "gc_disk_garbage_replica_interval_seconds",
                    86_400,
                    "How long a garbage replica directory (.gar) is kept before it is deleted")
            .mutable();

    // ---- meta server link ----

    /** {@code [replication] config_sync_interval_ms}. */
    public static final ConfigKey<Duration> CONFIG_SYNC_INTERVAL_MS = ConfigKey.millisKey(
                    REPLICATION,
                    "config_sync_interval_ms",
                    30_000,
                    "How often a replica server asks the meta server which replicas it should host")
            .min(1)
            .mutable();

    /** {@code [replication] config_sync_disabled}. */
    public static final ConfigKey<Boolean> CONFIG_SYNC_DISABLED =
            ConfigKey.boolKey(REPLICATION, "config_sync_disabled", false, "Turns the periodic config sync off");

    /** {@code [replication] fd_disabled}. */
    public static final ConfigKey<Boolean> FD_DISABLED = ConfigKey.boolKey(
            REPLICATION,
            "fd_disabled",
            false,
            "Test switch: no beacons, and replicas act as if their lease never ran out");

    // ---- file copy ----

    /** {@code [nfs] max_copy_rate_megabytes_per_disk}. */
    public static final ConfigKey<Integer> MAX_COPY_RATE_MEGABYTES_PER_DISK = ConfigKey.intKey(
                    "nfs",
                    "max_copy_rate_megabytes_per_disk",
                    500,
                    "The learning copy rate into one disk, MiB/s (0 = unlimited)")
            .min(0)
            .mutable();

    /** {@code [nfs] max_send_rate_megabytes_per_disk}. */
    public static final ConfigKey<Integer> MAX_SEND_RATE_MEGABYTES_PER_DISK = ConfigKey.intKey(
                    "nfs",
                    "max_send_rate_megabytes_per_disk",
                    500,
                    "The rate at which one disk serves files to learners, MiB/s (0 = unlimited)")
            .min(0)
            .mutable();

    // ---- Enif's own ----

    /** Enif's: the number of partition lanes. */
    public static final ConfigKey<Integer> PARTITION_LANE_COUNT = ConfigKey.intKey(
                    REPLICATION,
                    "partition_lane_count",
                    4,
                    "Enif: threads that run the partition replicas; each replica always runs on the same one")
            .min(1);

    /** Enif's: the number of read threads. */
    public static final ConfigKey<Integer> READ_THREAD_COUNT = ConfigKey.intKey(
                    REPLICATION, "read_thread_count", 4, "Enif: threads that serve client reads from the stores")
            .min(1);

    /** Enif's: the core's tick. */
    public static final ConfigKey<Duration> REPLICA_TICK_INTERVAL_MS = ConfigKey.millisKey(
                    REPLICATION,
                    "replica_tick_interval_ms",
                    10,
                    "Enif: how often each replica's state machine sees the time pass (timer resolution)")
            .min(1);

    @Override
    public List<ConfigKey<?>> configKeys() {
        return ConfigKeyHolder.staticKeysOf(ReplicaConfigKeys.class, ReplicationKeys.class);
    }
}
