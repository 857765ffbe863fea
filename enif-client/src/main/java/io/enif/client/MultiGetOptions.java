package io.enif.client;

import java.util.Objects;

/**
 * Options of a range multiGet ({@link EnifTable#multiGet(byte[], byte[], byte[], MultiGetOptions, int, int, int)}).
 *
 * @param startInclusive whether the start sort key is included (default true)
 * @param stopInclusive whether the stop sort key is included (default false; ignored when the stop is empty, which
 *     means "to the end of the hash key")
 * @param sortKeyFilterType the sort-key filter (default none)
 * @param sortKeyFilterPattern the filter's pattern; null or empty matches everything
 * @param noValue return sort keys only, with empty values (default false)
 * @param reverse walk from the stop end backwards, so the fetch limits keep the last rows; the rows still come back in
 *     ascending sort-key order (default false)
 */
public record MultiGetOptions(
        boolean startInclusive,
        boolean stopInclusive,
        FilterType sortKeyFilterType,
        byte[] sortKeyFilterPattern,
        boolean noValue,
        boolean reverse) {

    public MultiGetOptions {
        Objects.requireNonNull(sortKeyFilterType, "sortKeyFilterType");
    }

    /** The defaults: [start, stop), no filter, values, forward. */
    public static MultiGetOptions defaults() {
        return new MultiGetOptions(true, false, FilterType.NO_FILTER, null, false, false);
    }

    public MultiGetOptions withStartInclusive(boolean value) {
        return new MultiGetOptions(value, stopInclusive, sortKeyFilterType, sortKeyFilterPattern, noValue, reverse);
    }

    public MultiGetOptions withStopInclusive(boolean value) {
        return new MultiGetOptions(startInclusive, value, sortKeyFilterType, sortKeyFilterPattern, noValue, reverse);
    }

    public MultiGetOptions withSortKeyFilter(FilterType type, byte[] pattern) {
        return new MultiGetOptions(startInclusive, stopInclusive, type, pattern, noValue, reverse);
    }

    public MultiGetOptions withNoValue(boolean value) {
        return new MultiGetOptions(
                startInclusive, stopInclusive, sortKeyFilterType, sortKeyFilterPattern, value, reverse);
    }

    public MultiGetOptions withReverse(boolean value) {
        return new MultiGetOptions(
                startInclusive, stopInclusive, sortKeyFilterType, sortKeyFilterPattern, noValue, value);
    }
}
