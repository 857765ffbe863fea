package io.enif.common.concurrent;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One single-thread lane of an {@link OrderedExecutor}: tasks run one at a time, in submission order, on the lane's
 * own thread; delayed and periodic tasks run on the same thread.
 *
 * <p>A task that throws is logged and does not stop the lane (nor later runs of a periodic task). After {@link
 * OrderedExecutor#close()} new tasks are dropped (and logged at debug level): completions that arrive while a server
 * shuts down have nowhere to go.
 */
public final class Lane implements Executor {
    private static final Logger LOG = LoggerFactory.getLogger(Lane.class);

    private final String name;
    private final int index;
    private final ScheduledThreadPoolExecutor executor;

    Lane(String name, int index) {
        this.name = name;
        this.index = index;
        this.executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(
                    () -> {
                        LaneChecker.enter(this);
                        runnable.run();
                    },
                    name);
            thread.setDaemon(true);
            return thread;
        });
        this.executor.setRemoveOnCancelPolicy(true);
        this.executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** The lane's name (also its thread's name). */
    public String name() {
        return name;
    }

    /** The lane's position in its executor. */
    public int index() {
        return index;
    }

    /** Runs {@code task} on this lane after every task submitted before it. */
    @Override
    public void execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        try {
            executor.execute(guarded(task));
        } catch (RejectedExecutionException e) {
            LOG.debug("lane {} is shut down; dropping a task", name);
        }
    }

    /** Runs {@code task} on this lane once {@code delay} has passed; {@code null} when the lane is shut down. */
    public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
        try {
            return executor.schedule(guarded(task), delay, unit);
        } catch (RejectedExecutionException e) {
            LOG.debug("lane {} is shut down; dropping a delayed task", name);
            return null;
        }
    }

    /**
     * Runs {@code task} on this lane every {@code period} (fixed delay between runs), starting after {@code
     * initialDelay}; {@code null} when the lane is shut down. Cancel the returned future to stop it.
     */
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, long initialDelay, long period, TimeUnit unit) {
        try {
            return executor.scheduleWithFixedDelay(guarded(task), initialDelay, period, unit);
        } catch (RejectedExecutionException e) {
            LOG.debug("lane {} is shut down; dropping a periodic task", name);
            return null;
        }
    }

    /** Whether the calling thread is this lane's thread. */
    public boolean isCurrent() {
        return LaneChecker.current() == this;
    }

    /** Whether the lane was shut down. */
    public boolean isShutdown() {
        return executor.isShutdown();
    }

    void shutdown() {
        executor.shutdown();
    }

    boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return executor.awaitTermination(timeout, unit);
    }

    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.error("task on lane {} failed", name, e);
            }
        };
    }

    @Override
    public String toString() {
        return "Lane[" + name + "]";
    }
}
