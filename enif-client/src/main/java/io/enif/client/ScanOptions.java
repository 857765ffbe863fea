package io.enif.client;

import java.util.Objects;

/**
 * Options of a scanner ({@link EnifTable#getScanner} and {@link EnifTable#getUnorderedScanners}).
 *
 * @param timeoutMillis the timeout of each scan RPC; {@code <= 0} means the table's {@code operation_timeout}
 *     (default 5000)
 * @param batchSize rows fetched per RPC (default 1000, the server's cap; Pegasus's Java client uses 100)
 * @param startInclusive whether the start sort key is included (default true; unordered scanners ignore it)
 * @param stopInclusive whether the stop sort key is included (default false; unordered scanners ignore it)
 * @param hashKeyFilterType the hash-key filter (default none)
 * @param hashKeyFilterPattern its pattern; null or empty matches everything
 * @param sortKeyFilterType the sort-key filter (default none)
 * @param sortKeyFilterPattern its pattern; null or empty matches everything
 * @param noValue return keys only, with empty values (default false)
 */
public record ScanOptions(
        int timeoutMillis,
        int batchSize,
        boolean startInclusive,
        boolean stopInclusive,
        FilterType hashKeyFilterType,
        byte[] hashKeyFilterPattern,
        FilterType sortKeyFilterType,
        byte[] sortKeyFilterPattern,
        boolean noValue) {

    /** The default batch size: the server's cap of rows per scan RPC. */
    public static final int DEFAULT_BATCH_SIZE = 1000;

    public ScanOptions {
        Objects.requireNonNull(hashKeyFilterType, "hashKeyFilterType");
        Objects.requireNonNull(sortKeyFilterType, "sortKeyFilterType");
        if (batchSize <= 0) {
            throw new EnifInvalidArgumentException("scan batch size must be positive, not " + batchSize);
        }
    }

    /** The defaults. */
    public static ScanOptions defaults() {
        return new ScanOptions(
                5000, DEFAULT_BATCH_SIZE, true, false, FilterType.NO_FILTER, null, FilterType.NO_FILTER, null, false);
    }

    public ScanOptions withTimeoutMillis(int value) {
        return new ScanOptions(
                value,
                batchSize,
                startInclusive,
                stopInclusive,
                hashKeyFilterType,
                hashKeyFilterPattern,
                sortKeyFilterType,
                sortKeyFilterPattern,
                noValue);
    }

    public ScanOptions withBatchSize(int value) {
        return new ScanOptions(
                timeoutMillis,
                value,
                startInclusive,
                stopInclusive,
                hashKeyFilterType,
                hashKeyFilterPattern,
                sortKeyFilterType,
                sortKeyFilterPattern,
                noValue);
    }

    public ScanOptions withInclusive(boolean start, boolean stop) {
        return new ScanOptions(
                timeoutMillis,
                batchSize,
                start,
                stop,
                hashKeyFilterType,
                hashKeyFilterPattern,
                sortKeyFilterType,
                sortKeyFilterPattern,
                noValue);
    }

    public ScanOptions withHashKeyFilter(FilterType type, byte[] pattern) {
        return new ScanOptions(
                timeoutMillis,
                batchSize,
                startInclusive,
                stopInclusive,
                type,
                pattern,
                sortKeyFilterType,
                sortKeyFilterPattern,
                noValue);
    }

    public ScanOptions withSortKeyFilter(FilterType type, byte[] pattern) {
        return new ScanOptions(
                timeoutMillis,
                batchSize,
                startInclusive,
                stopInclusive,
                hashKeyFilterType,
                hashKeyFilterPattern,
                type,
                pattern,
                noValue);
    }

    public ScanOptions withNoValue(boolean value) {
        return new ScanOptions(
                timeoutMillis,
                batchSize,
                startInclusive,
                stopInclusive,
                hashKeyFilterType,
                hashKeyFilterPattern,
                sortKeyFilterType,
                sortKeyFilterPattern,
                value);
    }
}
