package io.enif.replica.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Parks the threads of some executors, as a stopped process's threads are parked: each thread is given a task that
 * waits for {@link #thaw()}. Tasks submitted meanwhile, and delayed or periodic tasks that fall due, queue behind it
 * and run once the threads are thawed, with whatever time has passed (a fixed-delay task runs once for all the periods
 * it missed, then keeps its period).
 *
 * <p>One freeze is used once: {@link #freeze} for every executor, {@link #awaitFrozen} once, {@link #thaw()} once.
 */
final class ThreadFreeze {

    private final CountDownLatch thawed = new CountDownLatch(1);
    private final List<CountDownLatch> parked = new ArrayList<>();

    /** Parks {@code threads} threads of {@code executor} (all of them: a fixed pool of that size, or one lane). */
    void freeze(Executor executor, int threads) {
        CountDownLatch in = new CountDownLatch(threads);
        parked.add(in);
        for (int i = 0; i < threads; i++) {
            try {
                executor.execute(() -> park(in));
            } catch (RejectedExecutionException shutDown) {
                in.countDown(); // a stopped executor runs nothing: frozen enough
            }
        }
    }

    private void park(CountDownLatch in) {
        in.countDown();
        try {
            thawed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the executor is being shut down
        }
    }

    /**
     * Waits until every thread is parked (the tasks they were running have ended).
     *
     * @return false when some thread did not park within {@code timeout}
     */
    boolean awaitFrozen(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (CountDownLatch in : parked) {
            if (!in.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                return false;
            }
        }
        return true;
    }

    /** Lets every parked thread go on. */
    void thaw() {
        thawed.countDown();
    }
}
