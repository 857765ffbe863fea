package io.enif.storage.read;

import io.enif.storage.StoreClock;

/**
 * The limits of one range read (Pegasus's {@code range_read_limiter}): records examined (expired and filtered ones
 * included), bytes returned, and time spent iterating.
 */
public final class IterationLimiter {
    private final int maxCount;
    private final long maxSize;
    private final long timeLimitNanos;
    private final long startNanos;
    private final StoreClock clock;
    private int count;
    private long size;
    private boolean timeExceeded;

    /**
     * A limiter starting now.
     *
     * @param maxCount records that may be examined
     * @param maxSize bytes that may be returned; 0 = no limit
     * @param timeLimitMillis time that may be spent; 0 = no limit
     */
    public IterationLimiter(int maxCount, long maxSize, long timeLimitMillis, StoreClock clock) {
        this.maxCount = maxCount;
        this.maxSize = maxSize;
        this.timeLimitNanos = timeLimitMillis * 1_000_000L;
        this.clock = clock;
        this.startNanos = clock.nanoTime();
    }

    /** Whether another record may be examined. */
    public boolean canContinue() {
        return count < maxCount && (maxSize <= 0 || size < maxSize) && !isTimeExceeded();
    }

    /** Whether the time limit has run out (checked against the clock now). */
    public boolean isTimeExceeded() {
        if (!timeExceeded && timeLimitNanos > 0 && clock.nanoTime() - startNanos > timeLimitNanos) {
            timeExceeded = true;
        }
        return timeExceeded;
    }

    /** Counts one examined record. */
    public void addCount() {
        count++;
    }

    /** Counts returned bytes. */
    public void addSize(long bytes) {
        size += bytes;
    }
}
