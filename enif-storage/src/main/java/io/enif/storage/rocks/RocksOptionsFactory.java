package io.enif.storage.rocks;

import io.enif.storage.StoreOptions;
import java.util.ArrayList;
import java.util.List;
import org.rocksdb.AbstractNativeReference;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.InfoLogLevel;

/**
 * Builds the RocksDB options of a partition store from {@link StoreOptions}, the way Pegasus's
 * {@code pegasus_server_impl} does: {@code atomic_flush} on (the decree and the data flush together), the shared block
 * cache, a whole-key bloom filter, compression per level, and a small uncompressed meta column family.
 *
 * <p>Benchmarks use this to open a raw RocksDB with exactly the options of the store.
 */
public final class RocksOptionsFactory {
    /** Bytes of RocksDB's own info log before it rolls. */
    private static final long INFO_LOG_FILE_SIZE = 8L << 20;
    /** Info log files kept per database. */
    private static final int INFO_LOG_FILES_KEPT = 4;
    /** Pegasus sets this for the meta column family, to compact its tiny files rarely. */
    private static final int META_LEVEL0_COMPACTION_TRIGGER = 10;

    private RocksOptionsFactory() {}

    /**
     * The options for one store. The caller owns the result and closes it after the database.
     *
     * @throws IllegalArgumentException when the compression spec does not parse
     */
    public static RocksOptionsBundle create(StoreOptions options, RocksResources resources) {
        List<CompressionType> compression = CompressionSpec.parse(options.compression(), options.numLevels());
        List<AbstractNativeReference> owned = new ArrayList<>();
        DBOptions db = new DBOptions()
                .setCreateIfMissing(true)
                .setCreateMissingColumnFamilies(true)
                .setAtomicFlush(true)
                .setMaxBackgroundJobs(options.maxBackgroundJobs())
                .setAvoidFlushDuringShutdown(!options.flushOnClose())
                .setInfoLogLevel(InfoLogLevel.INFO_LEVEL)
                .setMaxLogFileSize(INFO_LOG_FILE_SIZE)
                .setKeepLogFileNum(INFO_LOG_FILES_KEPT);
        ColumnFamilyOptions data = columnFamily(options, resources, owned).setCompressionPerLevel(compression);
        ColumnFamilyOptions meta = columnFamily(options, resources, owned)
                .setLevel0FileNumCompactionTrigger(META_LEVEL0_COMPACTION_TRIGGER)
                .setCompressionPerLevel(CompressionSpec.parse("none", options.numLevels()));
        return new RocksOptionsBundle(db, data, meta, owned);
    }

    private static ColumnFamilyOptions columnFamily(
            StoreOptions o, RocksResources resources, List<AbstractNativeReference> owned) {
        BlockBasedTableConfig table = new BlockBasedTableConfig().setBlockCache(resources.blockCache());
        if (o.bloomFilterBitsPerKey() > 0) {
            BloomFilter bloom = new BloomFilter(o.bloomFilterBitsPerKey());
            owned.add(bloom);
            table.setFilterPolicy(bloom);
        }
        return new ColumnFamilyOptions()
                .setWriteBufferSize(o.writeBufferSize())
                .setMaxWriteBufferNumber(o.maxWriteBufferNumber())
                .setNumLevels(o.numLevels())
                .setTargetFileSizeBase(o.targetFileSizeBase())
                .setMaxBytesForLevelBase(o.maxBytesForLevelBase())
                .setMaxCompactionBytes(o.targetFileSizeBase() * 25)
                .setLevel0FileNumCompactionTrigger(o.level0FileNumCompactionTrigger())
                .setLevel0SlowdownWritesTrigger(o.level0SlowdownWritesTrigger())
                .setLevel0StopWritesTrigger(o.level0StopWritesTrigger())
                .setTableFormatConfig(table);
    }
}
