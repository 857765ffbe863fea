package io.enif.storage.read;

import io.enif.proto.base.blob;
import io.enif.proto.key.KeyCodec;
import io.enif.proto.rrdb.count_response;
import io.enif.storage.RocksStatus;
import io.enif.storage.StoreClock;
import io.enif.storage.StoreOptions;
import io.enif.storage.op.Bytes;
import io.enif.storage.op.Keys;
import io.enif.storage.op.ResponseHeader;
import io.enif.storage.op.StoredValue;
import io.enif.storage.rocks.RocksHandles;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;

/** sortkey_count: the live records of one hash key; -1 when the iteration time limit ran out. */
public final class SortKeyCounter {
    private final RocksHandles rocks;
    private final ResponseHeader header;
    private final StoreClock clock;
    private final StoreOptions options;

    public SortKeyCounter(RocksHandles rocks, ResponseHeader header, StoreClock clock, StoreOptions options) {
        this.rocks = rocks;
        this.header = header;
        this.clock = clock;
        this.options = options;
    }

    public count_response count(blob hashKeyBlob) {
        count_response response = header.count();
        byte[] hashKey = Bytes.of(hashKeyBlob);
        if (!Keys.isValidHashKey(hashKey)) {
            response.error = RocksStatus.INVALID_ARGUMENT;
            return response;
        }
        byte[] prefix = KeyCodec.hashKeyPrefix(hashKey);
        IterationLimiter limiter =
                new IterationLimiter(Integer.MAX_VALUE, 0, options.iterationThresholdTimeMs(), clock);
        int now = clock.nowSeconds2016();
        long count = 0;
        try (Slice upperBound = new Slice(KeyCodec.successorOfPrefix(prefix));
                ReadOptions read = new ReadOptions().setIterateUpperBound(upperBound);
                RocksIterator it = rocks.db().newIterator(rocks.data(), read)) {
            for (it.seek(prefix); it.isValid(); it.next()) {
                if (limiter.isTimeExceeded()) {
                    count = -1;
                    break;
                }
                if (!StoredValue.isExpired(it.value(), now)) {
                    count++;
                }
            }
            if (count >= 0) {
                it.status();
            }
            response.count = count;
        } catch (RocksDBException e) {
            response.count = 0;
            response.error = RocksStatus.of(e);
        }
        return response;
    }
}
