package io.enif.storage;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** A clock tests move by hand; advancing seconds also advances the monotonic nanos. */
public final class ManualClock implements StoreClock {
    /** A fixed start: 2024-01-01 in 2016-epoch seconds, roughly. */
    public static final int START = 252_460_800;

    private final AtomicInteger seconds = new AtomicInteger(START);
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    /** Nanos added on every nanoTime() read, to make iteration time limits trip. */
    private volatile long autoAdvanceNanos;

    @Override
    public int nowSeconds2016() {
        return seconds.get();
    }

    @Override
    public long nanoTime() {
        return nanos.addAndGet(autoAdvanceNanos);
    }

    public void advanceSeconds(int delta) {
        seconds.addAndGet(delta);
        nanos.addAndGet(delta * 1_000_000_000L);
    }

    public void advanceNanos(long delta) {
        nanos.addAndGet(delta);
    }

    public void autoAdvanceNanos(long perRead) {
        autoAdvanceNanos = perRead;
    }
}
