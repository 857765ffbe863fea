package io.enif.storage;

import java.time.Duration;
import java.util.Objects;

/**
 * The typed knobs of a partition store. Names follow Pegasus's {@code [pegasus.server] rocksdb_*} keys and defaults
 * follow Pegasus's source; the replica server builds this from its config, and benchmarks build raw RocksDB from the
 * same values through {@link io.enif.storage.rocks.RocksOptionsFactory}.
 *
 * @param compression {@code rocksdb_compression_type}: {@code none|snappy|lz4|zstd} (level 1 and up, see
 *     {@link io.enif.storage.rocks.CompressionSpec}), or
 *     {@code per_level:<type>,<type>,...} for levels 0, 1, ... with the last entry covering the rest; default lz4
 * @param writeBufferSize {@code rocksdb_write_buffer_size}, bytes (64 MiB)
 * @param maxWriteBufferNumber {@code rocksdb_max_write_buffer_number} (3)
 * @param numLevels {@code rocksdb_num_levels} (6)
 * @param targetFileSizeBase {@code rocksdb_target_file_size_base}, bytes (64 MiB)
 * @param maxBytesForLevelBase {@code rocksdb_max_bytes_for_level_base}, bytes (640 MiB)
 * @param level0FileNumCompactionTrigger {@code rocksdb_level0_file_num_compaction_trigger} (4)
 * @param level0SlowdownWritesTrigger {@code rocksdb_level0_slowdown_writes_trigger} (30)
 * @param level0StopWritesTrigger {@code rocksdb_level0_stop_writes_trigger} (60)
 * @param maxBackgroundJobs RocksDB's background flush and compaction threads (8)
 * @param bloomFilterBitsPerKey {@code rocksdb_bloom_filter_bits_per_key}; 0 disables the bloom filter (10)
 * @param flushOnClose whether {@link PartitionStore#close()} persists the memtables; false drops them, as a crash
 *     would (the private log replays them)
 * @param multiGetMaxIterationCount {@code rocksdb_multi_get_max_iteration_count}: records one multi_get examines,
 *     expired and filtered ones included, and the cap on its result count (3000)
 * @param multiGetMaxIterationSize {@code rocksdb_multi_get_max_iteration_size}: bytes (key + value) one multi_get
 *     returns; 0 = no cap (30 MiB)
 * @param maxIterationCount {@code rocksdb_max_iteration_count}: the cap on a scan's batch size and on the records one
 *     scan RPC examines (1000)
 * @param iterationThresholdTimeMs {@code rocksdb_iteration_threshold_time_ms}: time one multi_get, sortkey_count or
 *     scan RPC may iterate; 0 = no limit (30 000)
 * @param scannerIdleTimeout how long an unused scan context lives (5 minutes)
 * @param ttlSweepBatchSize records the TTL sweeper examines per step ({@link io.enif.storage.ttl.TtlSweeper}) (1000)
 */
public record StoreOptions(
        String compression,
        long writeBufferSize,
        int maxWriteBufferNumber,
        int numLevels,
        long targetFileSizeBase,
        long maxBytesForLevelBase,
        int level0FileNumCompactionTrigger,
        int level0SlowdownWritesTrigger,
        int level0StopWritesTrigger,
        int maxBackgroundJobs,
        double bloomFilterBitsPerKey,
        boolean flushOnClose,
        int multiGetMaxIterationCount,
        long multiGetMaxIterationSize,
        int maxIterationCount,
        long iterationThresholdTimeMs,
        Duration scannerIdleTimeout,
        int ttlSweepBatchSize) {

    private static final long MIB = 1L << 20;

    public StoreOptions {
        Objects.requireNonNull(compression, "compression");
        Objects.requireNonNull(scannerIdleTimeout, "scannerIdleTimeout");
        requirePositive(writeBufferSize, "writeBufferSize");
        requirePositive(maxWriteBufferNumber, "maxWriteBufferNumber");
        requirePositive(numLevels, "numLevels");
        requirePositive(targetFileSizeBase, "targetFileSizeBase");
        requirePositive(maxBytesForLevelBase, "maxBytesForLevelBase");
        requirePositive(maxBackgroundJobs, "maxBackgroundJobs");
        requirePositive(multiGetMaxIterationCount, "multiGetMaxIterationCount");
        requirePositive(maxIterationCount, "maxIterationCount");
        requirePositive(ttlSweepBatchSize, "ttlSweepBatchSize");
        if (multiGetMaxIterationSize < 0 || iterationThresholdTimeMs < 0 || bloomFilterBitsPerKey < 0) {
            throw new IllegalArgumentException("negative limit in store options");
        }
        if (scannerIdleTimeout.isNegative() || scannerIdleTimeout.isZero()) {
            throw new IllegalArgumentException("scannerIdleTimeout must be positive: " + scannerIdleTimeout);
        }
    }

    private static void requirePositive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    /** Pegasus's defaults, with lz4 compression (DESIGN §10). */
    public static StoreOptions defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds {@link StoreOptions}; every setter returns the builder. */
    public static final class Builder {
        private String compression = "lz4";
        private long writeBufferSize = 64 * MIB;
        private int maxWriteBufferNumber = 3;
        private int numLevels = 6;
        private long targetFileSizeBase = 64 * MIB;
        private long maxBytesForLevelBase = 640 * MIB;
        private int level0FileNumCompactionTrigger = 4;
        private int level0SlowdownWritesTrigger = 30;
        private int level0StopWritesTrigger = 60;
        private int maxBackgroundJobs = 8;
        private double bloomFilterBitsPerKey = 10;
        private boolean flushOnClose = true;
        private int multiGetMaxIterationCount = 3000;
        private long multiGetMaxIterationSize = 30 * MIB;
        private int maxIterationCount = 1000;
        private long iterationThresholdTimeMs = 30_000;
        private Duration scannerIdleTimeout = Duration.ofMinutes(5);
        private int ttlSweepBatchSize = 1000;

        private Builder() {}

        private Builder(StoreOptions o) {
            compression = o.compression;
            writeBufferSize = o.writeBufferSize;
            maxWriteBufferNumber = o.maxWriteBufferNumber;
            numLevels = o.numLevels;
            targetFileSizeBase = o.targetFileSizeBase;
            maxBytesForLevelBase = o.maxBytesForLevelBase;
            level0FileNumCompactionTrigger = o.level0FileNumCompactionTrigger;
            level0SlowdownWritesTrigger = o.level0SlowdownWritesTrigger;
            level0StopWritesTrigger = o.level0StopWritesTrigger;
            maxBackgroundJobs = o.maxBackgroundJobs;
            bloomFilterBitsPerKey = o.bloomFilterBitsPerKey;
            flushOnClose = o.flushOnClose;
            multiGetMaxIterationCount = o.multiGetMaxIterationCount;
            multiGetMaxIterationSize = o.multiGetMaxIterationSize;
            maxIterationCount = o.maxIterationCount;
            iterationThresholdTimeMs = o.iterationThresholdTimeMs;
            scannerIdleTimeout = o.scannerIdleTimeout;
            ttlSweepBatchSize = o.ttlSweepBatchSize;
        }

        public Builder compression(String value) {
            compression = value;
            return this;
        }

        public Builder writeBufferSize(long value) {
            writeBufferSize = value;
            return this;
        }

        public Builder maxWriteBufferNumber(int value) {
            maxWriteBufferNumber = value;
            return this;
        }

        public Builder numLevels(int value) {
            numLevels = value;
            return this;
        }

        public Builder targetFileSizeBase(long value) {
            targetFileSizeBase = value;
            return this;
        }

        public Builder maxBytesForLevelBase(long value) {
            maxBytesForLevelBase = value;
            return this;
        }

        public Builder level0FileNumCompactionTrigger(int value) {
            level0FileNumCompactionTrigger = value;
            return this;
        }

        public Builder level0SlowdownWritesTrigger(int value) {
            level0SlowdownWritesTrigger = value;
            return this;
        }

        public Builder level0StopWritesTrigger(int value) {
            level0StopWritesTrigger = value;
            return this;
        }

        public Builder maxBackgroundJobs(int value) {
            maxBackgroundJobs = value;
            return this;
        }

        public Builder bloomFilterBitsPerKey(double value) {
            bloomFilterBitsPerKey = value;
            return this;
        }

        public Builder flushOnClose(boolean value) {
            flushOnClose = value;
            return this;
        }

        public Builder multiGetMaxIterationCount(int value) {
            multiGetMaxIterationCount = value;
            return this;
        }

        public Builder multiGetMaxIterationSize(long value) {
            multiGetMaxIterationSize = value;
            return this;
        }

        public Builder maxIterationCount(int value) {
            maxIterationCount = value;
            return this;
        }

        public Builder iterationThresholdTimeMs(long value) {
            iterationThresholdTimeMs = value;
            return this;
        }

        public Builder scannerIdleTimeout(Duration value) {
            scannerIdleTimeout = value;
            return this;
        }

        public Builder ttlSweepBatchSize(int value) {
            ttlSweepBatchSize = value;
            return this;
        }

        public StoreOptions build() {
            return new StoreOptions(
                    compression,
                    writeBufferSize,
                    maxWriteBufferNumber,
                    numLevels,
                    targetFileSizeBase,
                    maxBytesForLevelBase,
                    level0FileNumCompactionTrigger,
                    level0SlowdownWritesTrigger,
                    level0StopWritesTrigger,
                    maxBackgroundJobs,
                    bloomFilterBitsPerKey,
                    flushOnClose,
                    multiGetMaxIterationCount,
                    multiGetMaxIterationSize,
                    maxIterationCount,
                    iterationThresholdTimeMs,
                    scannerIdleTimeout,
                    ttlSweepBatchSize);
        }
    }
}
