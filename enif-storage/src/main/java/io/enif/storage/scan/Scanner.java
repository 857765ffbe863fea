package io.enif.storage.scan;

import io.enif.proto.base.blob;
import io.enif.proto.key.KeyCodec;
import io.enif.proto.rrdb.get_scanner_request;
import io.enif.proto.rrdb.key_value;
import io.enif.proto.rrdb.scan_request;
import io.enif.proto.rrdb.scan_response;
import io.enif.storage.RocksStatus;
import io.enif.storage.StoreClock;
import io.enif.storage.StoreOptions;
import io.enif.storage.op.Bytes;
import io.enif.storage.op.FilterMatcher;
import io.enif.storage.op.KeyRange;
import io.enif.storage.op.ResponseHeader;
import io.enif.storage.op.StoredValue;
import io.enif.storage.read.IterationLimiter;
import io.enif.storage.rocks.RocksHandles;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * get_scanner, scan and clear_scanner ({@code protocol.md} §12). A page returns at most the batch size (capped at
 * {@code rocksdb_max_iteration_count}) of live, unfiltered records with the full encoded key, and examines at most
 * that cap of records. The response's context id is a handle (&gt;= 0) when records remain in range, -1 when the
 * range is exhausted (also for an empty range). A page that runs out of time returns error 7 and drops its context.
 *
 * <p>{@code validate_partition_hash} (for partition split) and {@code full_scan} do not change what one store returns
 * and are ignored here.
 */
public final class Scanner {
    private final RocksHandles rocks;
    private final ResponseHeader header;
    private final StoreClock clock;
    private final StoreOptions options;
    private final ScanContextCache cache;

    public Scanner(
            RocksHandles rocks, ResponseHeader header, StoreClock clock, StoreOptions options, ScanContextCache cache) {
        this.rocks = rocks;
        this.header = header;
        this.clock = clock;
        this.options = options;
        this.cache = cache;
    }

    /** Opens a scan over the request's range and returns its first page. */
    public scan_response getScanner(get_scanner_request request) {
        scan_response response = header.scan();
        byte[] hashPattern = Bytes.of(request.hash_key_filter_pattern);
        KeyRange range = KeyRange.forScan(
                Bytes.of(request.start_key),
                request.start_inclusive,
                Bytes.of(request.stop_key),
                request.stop_inclusive,
                request.hash_key_filter_type,
                hashPattern);
        if (range.isEmpty()) {
            return response;
        }
        int cap = options.maxIterationCount();
        int batchSize = request.batch_size > 0 ? Math.min(request.batch_size, cap) : cap;
        RocksIterator iterator = rocks.db().newIterator(rocks.data());
        iterator.seek(range.start());
        ScanContext context = new ScanContext(
                iterator,
                range,
                request.hash_key_filter_type,
                hashPattern,
                request.sort_key_filter_type,
                Bytes.of(request.sort_key_filter_pattern),
                batchSize,
                request.no_value,
                request.isSetReturn_expire_ts() && request.return_expire_ts,
                request.isSetOnly_return_count() && request.only_return_count);
        return page(context, response);
    }

    /** Continues the scan of {@code context_id}: error 1 when it is unknown or expired. */
    public scan_response scan(scan_request request) {
        scan_response response = header.scan();
        ScanContext context = cache.take(request.context_id);
        if (context == null) {
            response.error = RocksStatus.NOT_FOUND;
            return response;
        }
        return page(context, response);
    }

    /** Discards a scan (clear_scanner is one-way: there is no response). */
    public void clearScanner(long contextId) {
        cache.discard(contextId);
    }

    private scan_response page(ScanContext context, scan_response response) {
        boolean keep = false;
        try {
            boolean more = fillPage(context, response);
            if (more) {
                keep = true;
                response.context_id = cache.put(context);
            }
        } catch (RocksDBException e) {
            response.kvs.clear();
            response.error = RocksStatus.of(e);
        } finally {
            if (!keep) {
                context.close();
            }
        }
        return response;
    }

    /** Fills one page; returns whether records remain in range (false also after a time-out, with error 7). */
    private boolean fillPage(ScanContext context, scan_response response) throws RocksDBException {
        RocksIterator it = context.iterator;
        KeyRange range = context.range;
        IterationLimiter limiter =
                new IterationLimiter(options.maxIterationCount(), 0, options.iterationThresholdTimeMs(), clock);
        int now = clock.nowSeconds2016();
        int count = 0;
        boolean more = false;
        for (; it.isValid(); it.next()) {
            byte[] key = it.key();
            if (range.isBeforeStart(key)) {
                continue;
            }
            if (range.isAfterStop(key)) {
                break;
            }
            if (count >= context.batchSize || !limiter.canContinue()) {
                more = true;
                break;
            }
            limiter.addCount();
            byte[] stored = it.value();
            if (StoredValue.isExpired(stored, now) || !matchesFilters(context, key)) {
                continue;
            }
            count++;
            if (!context.onlyReturnCount) {
                response.kvs.add(keyValue(context, key, stored));
            }
        }
        if (!more) {
            it.status();
        }
        if (context.onlyReturnCount) {
            response.setKv_count(count);
        }
        if (more && limiter.isTimeExceeded()) {
            response.error = RocksStatus.INCOMPLETE;
            return false;
        }
        return more;
    }

    private static key_value keyValue(ScanContext context, byte[] key, byte[] stored) {
        key_value kv =
                new key_value(new blob(key), new blob(context.noValue ? Bytes.EMPTY : StoredValue.userValue(stored)));
        if (context.returnExpireTs) {
            kv.setExpire_ts_seconds(StoredValue.expireTs(stored));
        }
        return kv;
    }

    private static boolean matchesFilters(ScanContext context, byte[] key) {
        if (!KeyCodec.isWellFormed(key)) {
            return false;
        }
        int hashKeyLength = KeyCodec.hashKeyLength(key);
        int sortKeyOffset = 2 + hashKeyLength;
        return FilterMatcher.matches(context.hashKeyFilterType, context.hashKeyFilterPattern, key, 2, hashKeyLength)
                && FilterMatcher.matches(
                        context.sortKeyFilterType,
                        context.sortKeyFilterPattern,
                        key,
                        sortKeyOffset,
                        key.length - sortKeyOffset);
    }
}
