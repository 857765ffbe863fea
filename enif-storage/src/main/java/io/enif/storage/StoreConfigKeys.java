package io.enif.storage;

import io.enif.common.config.Config;
import io.enif.common.config.ConfigKey;
import io.enif.common.config.ConfigKeyHolder;
import io.enif.common.config.Validator;
import io.enif.storage.rocks.CompressionSpec;
import io.enif.storage.rocks.RocksResources;
import java.util.List;

/**
 * The {@code [pegasus.server] rocksdb_*} keys of the partition store, with Pegasus's names and defaults, and their
 * binding to {@link StoreOptions} and the process-wide {@link RocksResources}.
 */
public final class StoreConfigKeys implements ConfigKeyHolder {
    private static final String SECTION = "pegasus.server";
    private static final long MIB = 1L << 20;
    private static final StoreOptions DEFAULTS = StoreOptions.defaults();

    public static final ConfigKey<String> COMPRESSION_TYPE = ConfigKey.stringKey(
                    SECTION,
                    "rocksdb_compression_type",
                    DEFAULTS.compression(),
                    "Compression of the data column family: none, snappy, lz4 or zstd, or per_level:<type>,<type>,..."
                            + " for levels 0, 1, ... (the last entry covers the deeper levels)")
            .validator(Validator.of(
                    "none|snappy|lz4|zstd|per_level:...", StoreConfigKeys::isCompressionSpec, "is not a compression"));

    public static final ConfigKey<Long> WRITE_BUFFER_SIZE = ConfigKey.longKey(
                    SECTION, "rocksdb_write_buffer_size", DEFAULTS.writeBufferSize(), "Bytes of one memtable")
            .min(MIB);

    public static final ConfigKey<Integer> MAX_WRITE_BUFFER_NUMBER = ConfigKey.intKey(
                    SECTION,
                    "rocksdb_max_write_buffer_number",
                    DEFAULTS.maxWriteBufferNumber(),
                    "Memtables per partition, the active one included, before writes stall")
            .min(2);

    public static final ConfigKey<Integer> NUM_LEVELS = ConfigKey.intKey(
                    SECTION, "rocksdb_num_levels", DEFAULTS.numLevels(), "Levels of the LSM tree")
            .min(2);

    public static final ConfigKey<Long> TARGET_FILE_SIZE_BASE = ConfigKey.longKey(
                    SECTION,
                    "rocksdb_target_file_size_base",
                    DEFAULTS.targetFileSizeBase(),
                    "Target bytes of an SST file in level 1")
            .min(MIB);

    public static final ConfigKey<Long> MAX_BYTES_FOR_LEVEL_BASE = ConfigKey.longKey(
                    SECTION,
                    "rocksdb_max_bytes_for_level_base",
                    DEFAULTS.maxBytesForLevelBase(),
                    "Bytes of level 1 before it compacts into level 2")
            .min(MIB);

    public static final ConfigKey<Integer> LEVEL0_FILE_NUM_COMPACTION_TRIGGER = ConfigKey.intKey(
                    SECTION,
                    "rocksdb_level0_file_num_compaction_trigger",
                    DEFAULTS.level0FileNumCompactionTrigger(),
                    "Level-0 files that start a compaction")
            .min(1);

    public static final ConfigKey<Integer> LEVEL0_SLOWDOWN_WRITES_TRIGGER = ConfigKey.intKey(
                    SECTION,
                    "rocksdb_level0_slowdown_writes_trigger",
                    DEFAULTS.level0SlowdownWritesTrigger(),
                    "Level-0 files that slow writes down")
            .min(1);

    public static final ConfigKey<Integer> LEVEL0_STOP_WRITES_TRIGGER = ConfigKey.intKey(
                    SECTION,
                    "rocksdb_level0_stop_writes_trigger",
                    DEFAULTS.level0StopWritesTrigger(),
                    "Level-0 files that stop writes")
            .min(1);

    public static final ConfigKey<Integer> MAX_BACKGROUND_FLUSHES = ConfigKey.intKey(
                    SECTION, "rocksdb_max_background_flushes", 4, "Background flush threads per RocksDB instance")
            .min(1);

    public static final ConfigKey<Integer> MAX_BACKGROUND_COMPACTIONS = ConfigKey.intKey(
                    SECTION,
                    "rocksdb_max_background_compactions",
                    12,
                    "Background compaction threads per RocksDB instance")
            .min(1);

    public static final ConfigKey<Double> BLOOM_FILTER_BITS_PER_KEY = ConfigKey.doubleKey(
                    SECTION,
                    "rocksdb_bloom_filter_bits_per_key",
                    DEFAULTS.bloomFilterBitsPerKey(),
                    "Bits per key of the whole-key bloom filter; 0 disables it")
            .min(0.0);

    public static final ConfigKey<Integer> MULTI_GET_MAX_ITERATION_COUNT = ConfigKey.intKey(
                    SECTION,
                    "rocksdb_multi_get_max_iteration_count",
                    DEFAULTS.multiGetMaxIterationCount(),
                    "Records one multi_get examines (expired and filtered ones included) and the most it returns")
            .mutable()
            .min(1);

    public static final ConfigKey<Long> MULTI_GET_MAX_ITERATION_SIZE = ConfigKey.longKey(
                    SECTION,
                    "rocksdb_multi_get_max_iteration_size",
                    DEFAULTS.multiGetMaxIterationSize(),
                    "Bytes (keys and values) one multi_get returns; 0 = no limit")
            .mutable()
            .min(0);

    public static final ConfigKey<Integer> MAX_ITERATION_COUNT = ConfigKey.intKey(
                    SECTION,
                    "rocksdb_max_iteration_count",
                    DEFAULTS.maxIterationCount(),
                    "The cap on a scan's batch size and on the records one scan RPC examines")
            .mutable()
            .min(1);

    public static final ConfigKey<Long> ITERATION_THRESHOLD_TIME_MS = ConfigKey.longKey(
                    SECTION,
                    "rocksdb_iteration_threshold_time_ms",
                    DEFAULTS.iterationThresholdTimeMs(),
                    "Milliseconds one multi_get, sortkey_count or scan RPC may iterate before it stops early"
                            + " (incomplete); 0 = no limit")
            .mutable()
            .min(0);

    public static final ConfigKey<Long> BLOCK_CACHE_CAPACITY = ConfigKey.longKey(
                    SECTION,
                    "rocksdb_block_cache_capacity",
                    RocksResources.DEFAULT_BLOCK_CACHE_CAPACITY,
                    "Bytes of the block cache, shared by every partition of the process")
            .min(0);

    public static final ConfigKey<Integer> BLOCK_CACHE_NUM_SHARD_BITS = ConfigKey.intKey(
                    SECTION,
                    "rocksdb_block_cache_num_shard_bits",
                    -1,
                    "The block cache is split into 2^bits shards; -1 lets RocksDB choose")
            .min(-1)
            .max(19);

    @Override
    public List<ConfigKey<?>> configKeys() {
        return ConfigKeyHolder.staticKeysOf(StoreConfigKeys.class);
    }

    private static boolean isCompressionSpec(String spec) {
        try {
            CompressionSpec.parse(spec, DEFAULTS.numLevels());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The store options of {@code config}. */
    public static StoreOptions storeOptions(Config config) {
        return DEFAULTS.toBuilder()
                .compression(config.get(COMPRESSION_TYPE))
                .writeBufferSize(config.get(WRITE_BUFFER_SIZE))
                .maxWriteBufferNumber(config.get(MAX_WRITE_BUFFER_NUMBER))
                .numLevels(config.get(NUM_LEVELS))
                .targetFileSizeBase(config.get(TARGET_FILE_SIZE_BASE))
                .maxBytesForLevelBase(config.get(MAX_BYTES_FOR_LEVEL_BASE))
                .level0FileNumCompactionTrigger(config.get(LEVEL0_FILE_NUM_COMPACTION_TRIGGER))
                .level0SlowdownWritesTrigger(config.get(LEVEL0_SLOWDOWN_WRITES_TRIGGER))
                .level0StopWritesTrigger(config.get(LEVEL0_STOP_WRITES_TRIGGER))
                .maxBackgroundJobs(config.get(MAX_BACKGROUND_FLUSHES) + config.get(MAX_BACKGROUND_COMPACTIONS))
                .bloomFilterBitsPerKey(config.get(BLOOM_FILTER_BITS_PER_KEY))
                .multiGetMaxIterationCount(config.get(MULTI_GET_MAX_ITERATION_COUNT))
                .multiGetMaxIterationSize(config.get(MULTI_GET_MAX_ITERATION_SIZE))
                .maxIterationCount(config.get(MAX_ITERATION_COUNT))
                .iterationThresholdTimeMs(config.get(ITERATION_THRESHOLD_TIME_MS))
                .build();
    }

    /** The process-wide RocksDB resources (the shared block cache) of {@code config}; the caller closes them. */
    public static RocksResources resources(Config config) {
        return RocksResources.create(config.get(BLOCK_CACHE_CAPACITY), config.get(BLOCK_CACHE_NUM_SHARD_BITS));
    }
}
