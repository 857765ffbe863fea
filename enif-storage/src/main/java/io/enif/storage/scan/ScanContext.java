package io.enif.storage.scan;

import io.enif.proto.rrdb.filter_type;
import io.enif.storage.op.KeyRange;
import org.rocksdb.RocksIterator;

/**
 * A scan between RPCs: the open iterator, positioned at the next record to examine, and the settings of the scan. Owned
 * by one RPC at a time.
 */
public final class ScanContext implements AutoCloseable {
    final RocksIterator iterator;
    final KeyRange range;
    final filter_type hashKeyFilterType;
    final byte[] hashKeyFilterPattern;
    final filter_type sortKeyFilterType;
    final byte[] sortKeyFilterPattern;
    final int batchSize;
    final boolean noValue;
    final boolean returnExpireTs;
    final boolean onlyReturnCount;
    /** When the context was last put back into the cache, by the store clock's nanoTime. */
    long lastUsedNanos;

    ScanContext(
            RocksIterator iterator,
            KeyRange range,
            filter_type hashKeyFilterType,
            byte[] hashKeyFilterPattern,
            filter_type sortKeyFilterType,
            byte[] sortKeyFilterPattern,
            int batchSize,
            boolean noValue,
            boolean returnExpireTs,
            boolean onlyReturnCount) {
        this.iterator = iterator;
        this.range = range;
        this.hashKeyFilterType = hashKeyFilterType;
        this.hashKeyFilterPattern = hashKeyFilterPattern;
        this.sortKeyFilterType = sortKeyFilterType;
        this.sortKeyFilterPattern = sortKeyFilterPattern;
        this.batchSize = batchSize;
        this.noValue = noValue;
        this.returnExpireTs = returnExpireTs;
        this.onlyReturnCount = onlyReturnCount;
    }

    @Override
    public void close() {
        iterator.close();
    }
}
