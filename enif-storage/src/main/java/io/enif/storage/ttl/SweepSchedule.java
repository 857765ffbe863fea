package io.enif.storage.ttl;

import io.enif.storage.StoreClock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a store's TTL sweep on an executor: every tick, one step while a pass is running, or the first step of a new
 * pass once {@code passInterval} has passed since the last pass ended. The step size and the tick period bound the
 * rate at which the sweeper reads the partition.
 */
public final class SweepSchedule implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SweepSchedule.class);

    private final String name;
    private final Callable<SweepStats> step;
    private final BooleanSupplier passRunning;
    private final StoreClock clock;
    private final long passIntervalNanos;
    private volatile long lastPassEndNanos;
    private volatile ScheduledFuture<?> future;

    private SweepSchedule(
            String name, Callable<SweepStats> step, BooleanSupplier passRunning, StoreClock clock, Duration interval) {
        this.name = name;
        this.step = step;
        this.passRunning = passRunning;
        this.clock = clock;
        this.passIntervalNanos = interval.toNanos();
        this.lastPassEndNanos = clock.nanoTime();
    }

    /**
     * Starts ticking every {@code stepPeriod} on {@code executor}; the first pass starts one {@code passInterval}
     * from now.
     *
     * @param name the store's name, for logs
     * @param step one sweep step: the pass's totals when it ended the pass, else null
     * @param passRunning whether a pass is in progress
     */
    public static SweepSchedule start(
            String name,
            ScheduledExecutorService executor,
            Callable<SweepStats> step,
            BooleanSupplier passRunning,
            StoreClock clock,
            Duration stepPeriod,
            Duration passInterval) {
        SweepSchedule schedule = new SweepSchedule(name, step, passRunning, clock, passInterval);
        long period = stepPeriod.toNanos();
        schedule.future = executor.scheduleWithFixedDelay(schedule::tick, period, period, TimeUnit.NANOSECONDS);
        return schedule;
    }

    /** One tick; public so tests can drive a schedule without an executor. */
    public void tick() {
        try {
            if (!passRunning.getAsBoolean() && clock.nanoTime() - lastPassEndNanos < passIntervalNanos) {
                return;
            }
            SweepStats stats = step.call();
            if (stats != null) {
                lastPassEndNanos = clock.nanoTime();
                if (stats.deleted() > 0 || stats.stamped() > 0) {
                    LOG.info("{}: TTL sweep pass done: {}", name, stats);
                } else {
                    LOG.debug("{}: TTL sweep pass done: {}", name, stats);
                }
            }
        } catch (Exception e) {
            LOG.warn("{}: TTL sweep step failed; the next tick retries", name, e);
        }
    }

    /** Stops ticking (a step in progress finishes). */
    @Override
    public void close() {
        ScheduledFuture<?> f = future;
        if (f != null) {
            f.cancel(false);
        }
    }
}
