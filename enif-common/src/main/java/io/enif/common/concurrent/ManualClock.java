package io.enif.common.concurrent;

import java.util.concurrent.atomic.AtomicLong;

/** A {@link MillisClock} that moves only when told, for tests. Thread-safe. */
public final class ManualClock implements MillisClock {
    private final AtomicLong nowMs;

    public ManualClock(long startMs) {
        this.nowMs = new AtomicLong(startMs);
    }

    @Override
    public long nowMs() {
        return nowMs.get();
    }

    /** Moves the clock forward by {@code ms} and returns the new time. */
    public long advance(long ms) {
        if (ms < 0) {
            throw new IllegalArgumentException("a monotonic clock cannot go back " + ms + " ms");
        }
        return nowMs.addAndGet(ms);
    }
}
