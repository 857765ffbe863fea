package io.enif.storage.rocks;

import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.RocksDB;

/**
 * The RocksDB objects shared by every partition store of a process: today the block cache, one {@link LRUCache} sized
 * by {@code [pegasus.server] rocksdb_block_cache_capacity}, so the server's read-cache memory is bounded as a whole.
 * The replica server creates one and closes it after every store is closed.
 */
public final class RocksResources implements AutoCloseable {
    /** Pegasus's default block cache capacity: 10 GiB. */
    public static final long DEFAULT_BLOCK_CACHE_CAPACITY = 10L << 30;

    static {
        RocksDB.loadLibrary();
    }

    private final LRUCache blockCache;

    private RocksResources(long blockCacheCapacity, int numShardBits) {
        this.blockCache = new LRUCache(blockCacheCapacity, numShardBits);
    }

    /**
     * Resources with a block cache of {@code blockCacheCapacity} bytes split into {@code 2^numShardBits} shards (-1
     * lets RocksDB choose).
     */
    public static RocksResources create(long blockCacheCapacity, int numShardBits) {
        if (blockCacheCapacity <= 0) {
            throw new IllegalArgumentException("block cache capacity must be positive: " + blockCacheCapacity);
        }
        return new RocksResources(blockCacheCapacity, numShardBits);
    }

    /** The shared block cache. */
    public Cache blockCache() {
        return blockCache;
    }

    @Override
    public void close() {
        blockCache.close();
    }
}
