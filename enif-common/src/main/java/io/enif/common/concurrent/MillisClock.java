package io.enif.common.concurrent;

import java.util.concurrent.TimeUnit;

/**
 * A monotonic millisecond clock: the time source of the replication core's ticks, leases and mutation timestamps.
 *
 * <p>{@link #SYSTEM} never goes backwards (it counts {@link System#nanoTime()}) but starts at the wall-clock time of
 * the process start, so that mutation timestamps derived from it are close to real time (expiry decisions use them)
 * while a wall-clock step cannot shorten or stretch a lease.
 */
@FunctionalInterface
public interface MillisClock {
    /** The current time in milliseconds; never decreases. */
    long nowMs();

    /** The system clock, anchored at the wall-clock time when the class loaded. */
    MillisClock SYSTEM = new MillisClock() {
        private final long startWallMs = System.currentTimeMillis();
        private final long startNanos = System.nanoTime();

        @Override
        public long nowMs() {
            return startWallMs + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        }
    };
}
