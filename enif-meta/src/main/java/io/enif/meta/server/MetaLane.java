package io.enif.meta.server;

import io.enif.meta.election.PauseGate;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread on which a meta server reads and changes its state: every RPC, timer and election event runs here,
 * in order, so the state needs no locks. ZooKeeper writes run here too and block it, which keeps "persist, then apply
 * in memory, then answer" trivially ordered; the meta server's load is small enough for that.
 */
final class MetaLane implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MetaLane.class);

    private final ScheduledThreadPoolExecutor executor;
    private final PauseGate pauseGate = new PauseGate();
    private final Queue<Runnable> manual;

    MetaLane(String name) {
        this(name, false);
    }

    /**
     * A lane; a {@code manual} one (for unit tests) runs nothing by itself: tasks queue until {@link #drain()} runs
     * them on the caller's thread, and timers are never started.
     */
    MetaLane(String name, boolean manual) {
        this.manual = manual ? new ArrayDeque<>() : null;
        executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
    }

    /** Runs {@code task} on the lane; an exception is logged, never lost. Ignored after close. */
    void execute(Runnable task) {
        if (manual != null) {
            manual.add(task);
            return;
        }
        if (executor.isShutdown()) {
            return;
        }
        try {
            executor.execute(() -> runLogged(task));
        } catch (RejectedExecutionException closed) {
            LOG.debug("meta lane closed; task dropped");
        }
    }

    /** Runs {@code task} every {@code periodMs}, first after {@code periodMs}. */
    ScheduledFuture<?> every(long periodMs, Runnable task) {
        if (manual != null) {
            return executor.schedule(() -> {}, 365, TimeUnit.DAYS);
        }
        return executor.scheduleWithFixedDelay(() -> runLogged(task), periodMs, periodMs, TimeUnit.MILLISECONDS);
    }

    /** Runs {@code task} once after {@code delayMs}. */
    ScheduledFuture<?> after(long delayMs, Runnable task) {
        if (manual != null) {
            return executor.schedule(() -> {}, 365, TimeUnit.DAYS);
        }
        return executor.schedule(() -> runLogged(task), delayMs, TimeUnit.MILLISECONDS);
    }

    /** Runs the queued tasks of a manual lane, including those they queue, on the caller's thread. */
    void drain() {
        Runnable task;
        while ((task = manual.poll()) != null) {
            runLogged(task);
        }
    }

    /** Fault injection: the lane stops until {@link #resume()}; work queues up meanwhile. */
    void pause() {
        pauseGate.pause(executor);
    }

    void resume() {
        pauseGate.resume();
    }

    @Override
    public void close() {
        pauseGate.resume();
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void runLogged(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.error("meta lane task failed", e);
        }
    }
}
