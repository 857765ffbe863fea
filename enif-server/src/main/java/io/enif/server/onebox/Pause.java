package io.enif.server.onebox;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * The interval between two polls of a condition (a process answering, a cluster becoming healthy). Polling loops
 * always check a deadline and the state they wait for; the pause only spaces the checks out.
 */
final class Pause {
    private Pause() {}

    /** Waits about {@code interval}, returning early if the thread is interrupted. */
    static void between(Duration interval) {
        long deadline = System.nanoTime() + interval.toNanos();
        long left;
        while ((left = deadline - System.nanoTime()) > 0
                && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(left);
        }
    }
}
