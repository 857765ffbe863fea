package io.enif.storage;

import io.enif.proto.key.ExpireTime;

/**
 * The store's time source: the current time in seconds since the 2016 epoch (for TTL) and a monotonic nanosecond
 * counter (for scanner idle expiry and iteration time limits). Tests inject a manual clock instead of sleeping.
 */
public interface StoreClock {
    /** The system clock. */
    StoreClock SYSTEM = new StoreClock() {
        @Override
        public int nowSeconds2016() {
            return ExpireTime.now();
        }

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }
    };

    /** Seconds since 2016-01-01 00:00:00 UTC, as expiry times count them. */
    int nowSeconds2016();

    /** A monotonic time in nanoseconds, only meaningful as a difference. */
    long nanoTime();
}
