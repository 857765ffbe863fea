package io.enif.client;

import java.util.Objects;

/**
 * Options of {@link EnifTable#delRange}, and its one output: when the call fails part-way, {@link #nextSortKey()}
 * holds the first sort key that was not deleted, so the caller can resume from there. (As in Pegasus, this object is
 * mutable for that reason; use one per call.)
 */
public final class DelRangeOptions {
    private boolean startInclusive = true;
    private boolean stopInclusive;
    private FilterType sortKeyFilterType = FilterType.NO_FILTER;
    private byte[] sortKeyFilterPattern;
    private volatile byte[] nextSortKey;

    /** Whether the start sort key is deleted too (default true). */
    public boolean startInclusive() {
        return startInclusive;
    }

    public DelRangeOptions startInclusive(boolean value) {
        this.startInclusive = value;
        return this;
    }

    /** Whether the stop sort key is deleted too (default false). */
    public boolean stopInclusive() {
        return stopInclusive;
    }

    public DelRangeOptions stopInclusive(boolean value) {
        this.stopInclusive = value;
        return this;
    }

    /** The sort-key filter: only matching keys are deleted (default none). */
    public FilterType sortKeyFilterType() {
        return sortKeyFilterType;
    }

    /** The sort-key filter's pattern. */
    public byte[] sortKeyFilterPattern() {
        return sortKeyFilterPattern;
    }

    public DelRangeOptions sortKeyFilter(FilterType type, byte[] pattern) {
        this.sortKeyFilterType = Objects.requireNonNull(type, "type");
        this.sortKeyFilterPattern = pattern;
        return this;
    }

    /** After a failed delRange: the first sort key not deleted (null when the call succeeded or deleted nothing). */
    public byte[] nextSortKey() {
        return nextSortKey;
    }

    /** Set by the client when delRange stops part-way. */
    public void nextSortKey(byte[] value) {
        this.nextSortKey = value;
    }
}
