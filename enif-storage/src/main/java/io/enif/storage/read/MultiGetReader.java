package io.enif.storage.read;

import io.enif.proto.base.blob;
import io.enif.proto.key.KeyCodec;
import io.enif.proto.rrdb.filter_type;
import io.enif.proto.rrdb.key_value;
import io.enif.proto.rrdb.multi_get_request;
import io.enif.proto.rrdb.multi_get_response;
import io.enif.storage.RocksStatus;
import io.enif.storage.StoreClock;
import io.enif.storage.StoreOptions;
import io.enif.storage.op.Bytes;
import io.enif.storage.op.FilterMatcher;
import io.enif.storage.op.KeyRange;
import io.enif.storage.op.Keys;
import io.enif.storage.op.ResponseHeader;
import io.enif.storage.op.StoredValue;
import io.enif.storage.rocks.RocksHandles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * multi_get ({@code protocol.md} §11): point lookups when sort keys are given, otherwise a range of one hash key,
 * forward or reverse (results always ascending). Returns error 7 when a limit stopped it while records remain in
 * range: the result count ({@code max_kv_count}, capped by the server), the bytes returned ({@code max_kv_size},
 * capped), the records examined, or the time.
 */
public final class MultiGetReader {
    private final RocksHandles rocks;
    private final ResponseHeader header;
    private final StoreClock clock;
    private final StoreOptions options;

    public MultiGetReader(RocksHandles rocks, ResponseHeader header, StoreClock clock, StoreOptions options) {
        this.rocks = rocks;
        this.header = header;
        this.clock = clock;
        this.options = options;
    }

    public multi_get_response multiGet(multi_get_request request) {
        multi_get_response response = header.multiGet();
        byte[] hashKey = Bytes.of(request.hash_key);
        if (!Keys.isValidHashKey(hashKey)) {
            response.error = RocksStatus.INVALID_ARGUMENT;
            return response;
        }
        int maxKvCount = request.max_kv_count > 0
                ? Math.min(request.max_kv_count, options.multiGetMaxIterationCount())
                : options.multiGetMaxIterationCount();
        long maxSize = maxSize(request.max_kv_size);
        try {
            boolean complete = request.sort_keys == null || request.sort_keys.isEmpty()
                    ? readRange(request, hashKey, maxKvCount, maxSize, response.kvs)
                    : readPoints(request, hashKey, maxKvCount, maxSize, response.kvs);
            response.error = complete ? RocksStatus.OK : RocksStatus.INCOMPLETE;
        } catch (RocksDBException e) {
            response.kvs.clear();
            response.error = RocksStatus.of(e);
        }
        return response;
    }

    /** The byte limit: the request's when positive, capped by the server's (0 = no server cap). */
    private long maxSize(int requested) {
        long server = options.multiGetMaxIterationSize();
        if (requested <= 0) {
            return server;
        }
        return server <= 0 ? requested : Math.min(requested, server);
    }

    private boolean readPoints(
            multi_get_request request, byte[] hashKey, int maxKvCount, long maxSize, List<key_value> out)
            throws RocksDBException {
        List<byte[]> keys = new ArrayList<>(request.sort_keys.size());
        for (blob sortKey : request.sort_keys) {
            keys.add(KeyCodec.encode(hashKey, Bytes.of(sortKey)));
        }
        List<byte[]> values = rocks.db().multiGetAsList(Collections.nCopies(keys.size(), rocks.data()), keys);
        int now = clock.nowSeconds2016();
        long size = 0;
        for (int i = 0; i < values.size(); i++) {
            byte[] value = StoredValue.liveUserValue(values.get(i), now);
            if (value == null) {
                continue;
            }
            if (out.size() >= maxKvCount || (maxSize > 0 && size >= maxSize)) {
                return false;
            }
            byte[] sortKey = Bytes.of(request.sort_keys.get(i));
            byte[] returned = request.no_value ? Bytes.EMPTY : value;
            out.add(new key_value(new blob(sortKey), new blob(returned)));
            size += sortKey.length + returned.length;
        }
        return true;
    }

    private boolean readRange(
            multi_get_request request, byte[] hashKey, int maxKvCount, long maxSize, List<key_value> out)
            throws RocksDBException {
        filter_type filterType = request.sort_key_filter_type;
        byte[] pattern = Bytes.of(request.sort_key_filter_pattern);
        KeyRange range = KeyRange.forMultiGet(
                hashKey,
                Bytes.of(request.start_sortkey),
                request.start_inclusive,
                Bytes.of(request.stop_sortkey),
                request.stop_inclusive,
                filterType,
                pattern);
        if (range.isEmpty()) {
            return true;
        }
        boolean reverse = request.reverse;
        IterationLimiter limiter = new IterationLimiter(
                options.multiGetMaxIterationCount(), maxSize, options.iterationThresholdTimeMs(), clock);
        int now = clock.nowSeconds2016();
        int sortKeyOffset = 2 + hashKey.length;
        boolean complete = true;
        try (RocksIterator it = rocks.db().newIterator(rocks.data())) {
            if (reverse) {
                it.seekForPrev(range.stop());
            } else {
                it.seek(range.start());
            }
            for (; it.isValid(); advance(it, reverse)) {
                byte[] key = it.key();
                if (range.isAfterStop(key) || range.isBeforeStart(key)) {
                    // Past the far end: done. At the near end (an exclusive bound) only skip it.
                    boolean farEnd = reverse ? range.isBeforeStart(key) : range.isAfterStop(key);
                    if (farEnd) {
                        break;
                    }
                    continue;
                }
                if (out.size() >= maxKvCount || !limiter.canContinue()) {
                    complete = false;
                    break;
                }
                limiter.addCount();
                byte[] stored = it.value();
                if (StoredValue.isExpired(stored, now)
                        || !FilterMatcher.matches(
                                filterType, pattern, key, sortKeyOffset, key.length - sortKeyOffset)) {
                    continue;
                }
                byte[] sortKey = Arrays.copyOfRange(key, sortKeyOffset, key.length);
                byte[] value = request.no_value ? Bytes.EMPTY : StoredValue.userValue(stored);
                out.add(new key_value(new blob(sortKey), new blob(value)));
                limiter.addSize(sortKey.length + value.length);
            }
            if (complete) {
                it.status();
            }
        }
        if (reverse) {
            Collections.reverse(out);
        }
        return complete;
    }

    private static void advance(RocksIterator it, boolean reverse) {
        if (reverse) {
            it.prev();
        } else {
            it.next();
        }
    }
}
