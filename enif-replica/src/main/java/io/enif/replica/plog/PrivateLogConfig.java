package io.enif.replica.plog;

import java.time.Duration;
import java.util.Objects;

/**
 * The settings of one private log, as typed values (the replica server reads them from {@code [replication]}).
 *
 * @param fileSizeBytes a log file is rolled once the next record would take it past this size (a file holding a
 *     single larger record may exceed it); Pegasus's {@code log_private_file_size_mb}, default 32 MB
 * @param forceFlush fsync every group-commit batch before its appends complete; {@code false} completes them once
 *     the batch is in the page cache (Pegasus's behaviour); Pegasus's {@code plog_force_flush}, default {@code true}
 *     in Enif (DESIGN §10, Durability)
 * @param batchBytes the most bytes handed to one write call; a group-commit round larger than this is written in
 *     several calls but still synced once; Pegasus's {@code log_private_batch_buffer_kb}, default 512 KB
 * @param batchDelay how long the writer waits after the first append of an idle log before it writes, to gather a
 *     larger batch; Enif only, default zero (batches form from the appends that arrive during the previous write)
 * @param reserveMaxSizeBytes files no longer needed are still kept while the files kept, newest first, add up to at
 *     most this many bytes; Pegasus's {@code log_private_reserve_max_size_mb}, default 1000 MB; 0 keeps none
 * @param reserveMaxTimeSeconds ...and while the file was last written at most this long ago; Pegasus's {@code
 *     log_private_reserve_max_time_seconds}, default 36000 s; 0 keeps none
 * @param gcEnabled whether {@link PrivateLog#gc(long)} deletes anything; Pegasus's {@code plog_gc_enabled}, default
 *     {@code true}
 */
public record PrivateLogConfig(
        long fileSizeBytes,
        boolean forceFlush,
        int batchBytes,
        Duration batchDelay,
        long reserveMaxSizeBytes,
        long reserveMaxTimeSeconds,
        boolean gcEnabled) {

    private static final long MB = 1024L * 1024L;

    public PrivateLogConfig {
        Objects.requireNonNull(batchDelay, "batchDelay");
        if (fileSizeBytes <= 0) {
            throw new IllegalArgumentException("fileSizeBytes must be positive: " + fileSizeBytes);
        }
        if (batchBytes <= 0) {
            throw new IllegalArgumentException("batchBytes must be positive: " + batchBytes);
        }
        if (batchDelay.isNegative()) {
            throw new IllegalArgumentException("batchDelay must not be negative: " + batchDelay);
        }
        if (reserveMaxSizeBytes < 0 || reserveMaxTimeSeconds < 0) {
            throw new IllegalArgumentException("reserve limits must not be negative");
        }
    }

    /** Pegasus's defaults, with {@code plog_force_flush = true} as DESIGN §10 decides. */
    public static PrivateLogConfig defaults() {
        return new PrivateLogConfig(32 * MB, true, 512 * 1024, Duration.ZERO, 1000 * MB, 36_000, true);
    }

    /** This config with another file size. */
    public PrivateLogConfig withFileSizeBytes(long value) {
        return new PrivateLogConfig(
                value, forceFlush, batchBytes, batchDelay, reserveMaxSizeBytes, reserveMaxTimeSeconds, gcEnabled);
    }

    /** This config with another fsync policy. */
    public PrivateLogConfig withForceFlush(boolean value) {
        return new PrivateLogConfig(
                fileSizeBytes, value, batchBytes, batchDelay, reserveMaxSizeBytes, reserveMaxTimeSeconds, gcEnabled);
    }

    /** This config with other group-commit limits. */
    public PrivateLogConfig withBatch(int bytes, Duration delay) {
        return new PrivateLogConfig(
                fileSizeBytes, forceFlush, bytes, delay, reserveMaxSizeBytes, reserveMaxTimeSeconds, gcEnabled);
    }

    /** This config with other reserve limits. */
    public PrivateLogConfig withReserve(long maxSizeBytes, long maxTimeSeconds) {
        return new PrivateLogConfig(
                fileSizeBytes, forceFlush, batchBytes, batchDelay, maxSizeBytes, maxTimeSeconds, gcEnabled);
    }

    /** This config with garbage collection switched on or off. */
    public PrivateLogConfig withGcEnabled(boolean value) {
        return new PrivateLogConfig(
                fileSizeBytes, forceFlush, batchBytes, batchDelay, reserveMaxSizeBytes, reserveMaxTimeSeconds, value);
    }
}
