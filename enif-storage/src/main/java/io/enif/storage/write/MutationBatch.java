package io.enif.storage.write;

import io.enif.proto.key.ValueCodec;
import io.enif.storage.op.StoredValue;
import io.enif.storage.rocks.RocksHandles;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatchWithIndex;

/**
 * The data-column-family view of one mutation being built: reads see the database plus what the mutation already
 * wrote; writes go into the batch. Also carries the mutation's time, for expiry checks and the table's default TTL.
 */
final class MutationBatch {
    private final RocksHandles rocks;
    private final WriteBatchWithIndex batch;
    private final ReadOptions readOptions;
    private final int now;
    private final int defaultTtlSeconds;

    MutationBatch(RocksHandles rocks, WriteBatchWithIndex batch, ReadOptions readOptions, int now, int defaultTtl) {
        this.rocks = rocks;
        this.batch = batch;
        this.readOptions = readOptions;
        this.now = now;
        this.defaultTtlSeconds = defaultTtl;
    }

    /** The mutation's time, 2016-epoch seconds. */
    int now() {
        return now;
    }

    /** The stored value under {@code key} as of this point of the mutation, or null. */
    byte[] getStored(byte[] key) throws RocksDBException {
        return batch.getFromBatchAndDB(rocks.db(), rocks.data(), readOptions, key);
    }

    /** The live user value under {@code key} (null when absent or expired). */
    byte[] getLive(byte[] key) throws RocksDBException {
        return StoredValue.liveUserValue(getStored(key), now);
    }

    /**
     * Stores {@code userValue} with {@code expireTs}; an expiry of 0 becomes now + the table's default TTL when one is
     * set ({@code ops-tables.md} §10.3).
     */
    void put(byte[] key, byte[] userValue, int expireTs) throws RocksDBException {
        int expire = expireTs == 0 && defaultTtlSeconds > 0 ? now + defaultTtlSeconds : expireTs;
        batch.put(rocks.data(), key, ValueCodec.encode(expire, userValue));
    }

    void delete(byte[] key) throws RocksDBException {
        batch.delete(rocks.data(), key);
    }
}
