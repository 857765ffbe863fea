package io.enif.meta.election;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;

/**
 * Fault injection: blocks single-threaded executors as a stopped process would be blocked (SIGSTOP), until resumed.
 * Work submitted meanwhile queues up and runs after {@link #resume()}. Used only by tests and the mini-cluster.
 */
public final class PauseGate {

    private CountDownLatch gate;

    /** Blocks each executor's thread with a task that waits for {@link #resume()}; idempotent. */
    public synchronized void pause(ExecutorService... executors) {
        if (gate != null) {
            return;
        }
        CountDownLatch latch = new CountDownLatch(1);
        gate = latch;
        for (ExecutorService executor : executors) {
            executor.execute(() -> {
                try {
                    latch.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    /** Lets the paused executors run again. */
    public synchronized void resume() {
        if (gate != null) {
            gate.countDown();
            gate = null;
        }
    }

    public synchronized boolean isPaused() {
        return gate != null;
    }
}
