package io.enif.bench.storage;

import io.enif.common.Gpid;
import io.enif.proto.base.blob;
import io.enif.proto.key.KeyCodec;
import io.enif.proto.key.ValueCodec;
import io.enif.proto.rrdb.update_request;
import io.enif.storage.PartitionStore;
import io.enif.storage.StoreOptions;
import io.enif.storage.WriteRequest;
import io.enif.storage.rocks.RocksOptionsBundle;
import io.enif.storage.rocks.RocksOptionsFactory;
import io.enif.storage.rocks.RocksResources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.CompactRangeOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * Two databases with the same options and the same data: an Enif {@link PartitionStore} and a raw RocksDB opened by
 * hand. Both are built by {@link RocksOptionsFactory} from one {@link StoreOptions} (lz4, Pegasus's defaults) and
 * share one block cache; the raw database writes with the WAL off, as the store does.
 */
@State(Scope.Benchmark)
public class StoragePair {
    private static final int LOAD_BATCH = 100;
    private static final long BLOCK_CACHE_BYTES = 1L << 30;
    private static final int VALUE_POOL = 1024;

    /** Hash keys loaded; each has ten sort keys of 1 KiB values. */
    @Param("10000")
    public int hashKeys;

    Path dir;
    RocksResources resources;
    PartitionStore store;
    RocksDB raw;
    ColumnFamilyHandle rawData;
    WriteOptions rawWrite;
    ReadOptions rawRead;
    private RocksOptionsBundle rawOptions;
    private final List<ColumnFamilyHandle> rawHandles = new ArrayList<>();
    private final byte[][] values = new byte[VALUE_POOL][];
    private byte[][] keys;
    private byte[][] hashKeyBytes;
    private long decree;
    private int nextValue;

    @Setup(Level.Trial)
    public void open() throws IOException, RocksDBException {
        dir = Files.createTempDirectory("enif-bench-storage");
        StoreOptions options = StoreOptions.defaults();
        resources = RocksResources.create(BLOCK_CACHE_BYTES, 6);
        store = PartitionStore.builder(dir.resolve("enif"))
                .gpid(new Gpid(1, 0))
                .server("127.0.0.1:34801")
                .options(options)
                .resources(resources)
                .open();
        rawOptions = RocksOptionsFactory.create(options, resources);
        raw = RocksDB.open(rawOptions.dbOptions(), dir.resolve("raw").toString(), rawOptions.descriptors(), rawHandles);
        rawData = rawHandles.get(0);
        rawWrite = new WriteOptions().setDisableWAL(true);
        rawRead = new ReadOptions();
        hashKeyBytes = new byte[hashKeys][];
        keys = new byte[hashKeys * BenchData.SORT_KEYS_PER_HASH_KEY][];
        for (int i = 0; i < keys.length; i++) {
            int hashKey = i / BenchData.SORT_KEYS_PER_HASH_KEY;
            hashKeyBytes[hashKey] = BenchData.hashKey(hashKey);
            keys[i] = KeyCodec.encode(hashKeyBytes[hashKey], BenchData.sortKey(i % BenchData.SORT_KEYS_PER_HASH_KEY));
        }
        Random random = new Random(42);
        for (int i = 0; i < VALUE_POOL; i++) {
            values[i] = BenchData.value(random);
        }
        load();
        System.out.println("# store options: " + store.effectiveOptions());
    }

    private void load() throws RocksDBException {
        int total = keys.length;
        List<WriteRequest<?>> enifBatch = new ArrayList<>(LOAD_BATCH);
        try (WriteBatch rawBatch = new WriteBatch()) {
            for (int i = 0; i < total; i++) {
                byte[] key = keys[i];
                byte[] value = nextValue();
                enifBatch.add(new WriteRequest.Put(new update_request(new blob(key), new blob(value), 0)));
                rawBatch.put(rawData, key, ValueCodec.encode(0, value));
                if (enifBatch.size() == LOAD_BATCH || i == total - 1) {
                    store.apply(nextDecree(), enifBatch);
                    raw.write(rawWrite, rawBatch);
                    enifBatch.clear();
                    rawBatch.clear();
                }
            }
        }
        store.manualCompact(-1, true);
        try (FlushOptions flush = new FlushOptions().setWaitForFlush(true);
                CompactRangeOptions compact = new CompactRangeOptions()
                        .setBottommostLevelCompaction(CompactRangeOptions.BottommostLevelCompaction.kForce)) {
            raw.flush(flush, rawData);
            raw.compactRange(rawData, null, null, compact);
        }
    }

    long nextDecree() {
        return ++decree;
    }

    byte[] nextValue() {
        nextValue = (nextValue + 1) % VALUE_POOL;
        return values[nextValue];
    }

    /** A random loaded key, encoded (precomputed, so key building costs neither side anything). */
    byte[] randomKey() {
        return keys[ThreadLocalRandom.current().nextInt(keys.length)];
    }

    /** A random loaded hash key. */
    byte[] randomHashKey() {
        return hashKeyBytes[ThreadLocalRandom.current().nextInt(hashKeyBytes.length)];
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        store.close();
        rawHandles.forEach(ColumnFamilyHandle::close);
        raw.close();
        rawOptions.close();
        rawWrite.close();
        rawRead.close();
        resources.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
