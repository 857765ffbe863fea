package io.enif.replica.plog;

import io.enif.common.config.Config;
import io.enif.common.config.ConfigKey;
import io.enif.common.config.ConfigKeyHolder;
import java.time.Duration;
import java.util.List;

/** The {@code [replication]} keys of the private log, with Pegasus's names, bound to {@link PrivateLogConfig}. */
public final class PrivateLogConfigKeys implements ConfigKeyHolder {
    private static final String REPLICATION = "replication";
    private static final long MB = 1024L * 1024L;
    private static final PrivateLogConfig DEFAULTS = PrivateLogConfig.defaults();

    public static final ConfigKey<Boolean> PLOG_FORCE_FLUSH = ConfigKey.boolKey(
            REPLICATION,
            "plog_force_flush",
            DEFAULTS.forceFlush(),
            "Fsync every group-commit batch of the private log before its writes count as logged (power-loss safe);"
                    + " false leaves them in the page cache, as Pegasus does");

    public static final ConfigKey<Integer> LOG_PRIVATE_FILE_SIZE_MB = ConfigKey.intKey(
                    REPLICATION,
                    "log_private_file_size_mb",
                    (int) (DEFAULTS.fileSizeBytes() / MB),
                    "A private log file is rolled at this size, in MB")
            .min(1);

    public static final ConfigKey<Integer> LOG_PRIVATE_BATCH_BUFFER_KB = ConfigKey.intKey(
                    REPLICATION,
                    "log_private_batch_buffer_kb",
                    DEFAULTS.batchBytes() / 1024,
                    "The most KB handed to one write call of the private log (a group commit still syncs once)")
            .min(1);

    public static final ConfigKey<Integer> LOG_PRIVATE_RESERVE_MAX_SIZE_MB = ConfigKey.intKey(
                    REPLICATION,
                    "log_private_reserve_max_size_mb",
                    (int) (DEFAULTS.reserveMaxSizeBytes() / MB),
                    "Private log files no longer needed are kept while they add up to at most this many MB")
            .min(0);

    public static final ConfigKey<Long> LOG_PRIVATE_RESERVE_MAX_TIME_SECONDS = ConfigKey.longKey(
                    REPLICATION,
                    "log_private_reserve_max_time_seconds",
                    DEFAULTS.reserveMaxTimeSeconds(),
                    "...and while they were last written at most this many seconds ago")
            .min(0);

    public static final ConfigKey<Boolean> PLOG_GC_ENABLED = ConfigKey.boolKey(
            REPLICATION,
            "plog_gc_enabled",
            DEFAULTS.gcEnabled(),
            "Whether private log files no longer needed are deleted");

    @Override
    public List<ConfigKey<?>> configKeys() {
        return ConfigKeyHolder.staticKeysOf(PrivateLogConfigKeys.class);
    }

    /** The private-log settings of {@code config}. */
    public static PrivateLogConfig privateLogConfig(Config config) {
        return new PrivateLogConfig(
                config.get(LOG_PRIVATE_FILE_SIZE_MB) * MB,
                config.get(PLOG_FORCE_FLUSH),
                config.get(LOG_PRIVATE_BATCH_BUFFER_KB) * 1024,
                Duration.ZERO,
                config.get(LOG_PRIVATE_RESERVE_MAX_SIZE_MB) * MB,
                config.get(LOG_PRIVATE_RESERVE_MAX_TIME_SECONDS),
                config.get(PLOG_GC_ENABLED));
    }
}
