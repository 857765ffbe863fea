package io.enif.test.sim;

/**
 * A process's local monotonic clock: it runs at a fixed rate against true time (DESIGN §10: rate skew at most 10%
 * between any two processes, never backwards) from a random offset.
 */
final class SimClock {
    private final SimScheduler scheduler;
    private final double rate;
    private final long offsetMs;

    SimClock(SimScheduler scheduler, double rate, long offsetMs) {
        this.scheduler = scheduler;
        this.rate = rate;
        this.offsetMs = offsetMs;
    }

    /** The local time now. */
    long nowMs() {
        return offsetMs + (long) Math.floor(scheduler.now() * rate);
    }

    /** The true delay after which {@code localMs} of local time have passed. */
    long trueDelay(long localMs) {
        return (long) Math.ceil(localMs / rate) + 1;
    }

    /** Runs {@code action} once {@code localMs} of local time have passed. */
    void after(long localMs, Runnable action) {
        scheduler.after(trueDelay(localMs), action);
    }

    double rate() {
        return rate;
    }
}
