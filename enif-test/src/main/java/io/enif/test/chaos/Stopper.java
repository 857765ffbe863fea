package io.enif.test.chaos;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A stop signal that threads of the run wait on instead of sleeping: {@link #await} returns early once {@link #stop}
 * is called (or the thread is interrupted).
 */
public final class Stopper {
    private final CountDownLatch stopped = new CountDownLatch(1);

    /** Asks every waiter to stop. */
    public void stop() {
        stopped.countDown();
    }

    /** Whether {@link #stop} was called. */
    public boolean stopped() {
        return stopped.getCount() == 0;
    }

    /**
     * Waits up to {@code millis}; returns whether the run was stopped meanwhile (or the thread interrupted).
     */
    public boolean await(long millis) {
        if (millis <= 0) {
            return stopped();
        }
        try {
            return stopped.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /**
     * Polls {@code condition} every {@code everyMillis} until it holds or {@code timeoutMillis} passed; ignores {@link
     * #stop} (used to heal and check after a stop). Returns whether the condition held.
     */
    public static boolean pollUntil(BooleanSupplier condition, long timeoutMillis, long everyMillis) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        CountDownLatch never = new CountDownLatch(1);
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return false;
            }
            try {
                never.await(Math.min(left, everyMillis), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
