package io.enif.bench.ycsb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Properties;
import java.util.Set;
import java.util.Vector;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompressionType;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteOptions;
import site.ycsb.ByteIterator;
import site.ycsb.DBException;
import site.ycsb.Status;

/**
 * YCSB binding for RocksDB in the benchmark's own process: the storage ceiling, with no network, no replication and
 * no log of Enif's. One database per directory, shared by the client threads; the YCSB table name is ignored.
 *
 * <p>Properties: {@code rocksdb.dir} (required), {@code rocksdb.sync} (fsync the WAL on every write; default false,
 * RocksDB's own default), {@code rocksdb.block_cache_mb} (default 1024). The other options follow Enif's store: lz4,
 * 64 MiB write buffers (3), a 10-bit bloom filter.
 */
public final class RocksDbBinding extends KeyValueBinding {
    private static final SharedHandles<Database> DATABASES = new SharedHandles<>();

    static {
        RocksDB.loadLibrary();
    }

    private String dir;
    private Database database;

    /** One open database and the native objects it needs. */
    private static final class Database implements AutoCloseable {
        final Options options;
        final LRUCache cache;
        final BloomFilter bloom;
        final WriteOptions writeOptions;
        final RocksDB db;

        Database(Path dir, long cacheBytes, boolean sync) throws RocksDBException, IOException {
            Files.createDirectories(dir);
            cache = new LRUCache(cacheBytes);
            bloom = new BloomFilter(10, false);
            options = new Options()
                    .setCreateIfMissing(true)
                    .setCompressionType(CompressionType.LZ4_COMPRESSION)
                    .setWriteBufferSize(64L << 20)
                    .setMaxWriteBufferNumber(3)
                    .setTableFormatConfig(
                            new BlockBasedTableConfig().setBlockCache(cache).setFilterPolicy(bloom));
            writeOptions = new WriteOptions().setSync(sync);
            db = RocksDB.open(options, dir.toString());
        }

        @Override
        public void close() {
            db.close();
            writeOptions.close();
            options.close();
            bloom.close();
            cache.close();
        }
    }

    @Override
    public void init() throws DBException {
        super.init();
        Properties p = getProperties();
        dir = p.getProperty("rocksdb.dir");
        if (dir == null || dir.isBlank()) {
            throw new DBException("rocksdb.dir is required: the database's directory");
        }
        long cacheBytes =
                Long.parseLong(p.getProperty("rocksdb.block_cache_mb", "1024").trim()) << 20;
        boolean sync =
                Boolean.parseBoolean(p.getProperty("rocksdb.sync", "false").trim());
        try {
            database = DATABASES.acquire(dir, d -> {
                try {
                    return new Database(Path.of(d), cacheBytes, sync);
                } catch (RocksDBException | IOException e) {
                    throw new IllegalStateException("cannot open RocksDB in " + d + ": " + e.getMessage(), e);
                }
            });
        } catch (IllegalStateException e) {
            throw new DBException(e.getMessage(), e);
        }
    }

    @Override
    public void cleanup() throws DBException {
        if (database == null) {
            return;
        }
        database = null;
        try {
            DATABASES.release(dir);
        } catch (Exception e) {
            throw new DBException("closing RocksDB in " + dir + " failed", e);
        }
    }

    @Override
    protected byte[] get(String table, byte[] key) throws RocksDBException {
        return database.db.get(key);
    }

    @Override
    protected void put(String table, byte[] key, byte[] value) throws RocksDBException {
        database.db.put(database.writeOptions, key, value);
    }

    @Override
    protected void remove(String table, byte[] key) throws RocksDBException {
        database.db.delete(database.writeOptions, key);
    }

    /** RocksDB keeps its keys in byte order, so YCSB's scan is a seek and {@code recordCount} nexts. */
    @Override
    public Status scan(
            String table,
            String startKey,
            int recordCount,
            Set<String> fields,
            Vector<HashMap<String, ByteIterator>> result) {
        try (RocksIterator it = database.db.newIterator()) {
            it.seek(keyBytes(startKey));
            for (int i = 0; i < recordCount && it.isValid(); i++, it.next()) {
                result.add(decodeRecord(it.value(), fields));
            }
            it.status();
            return Status.OK;
        } catch (RocksDBException | RuntimeException e) {
            return failed("scan", startKey, e);
        }
    }
}
