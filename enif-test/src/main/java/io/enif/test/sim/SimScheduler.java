package io.enif.test.sim;

import java.util.PriorityQueue;

/**
 * The simulation's only source of time: a queue of tasks ordered by true time (milliseconds since the run began),
 * ties broken by insertion order, so a run is a pure function of its seed.
 */
final class SimScheduler {
    private record Task(long at, long seq, Runnable action) {}

    private final PriorityQueue<Task> queue =
            new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    private long now;
    private long seq;
    private long executed;

    /** True time now. */
    long now() {
        return now;
    }

    /** Runs {@code action} {@code delayMs} from now (0: after the tasks already due now). */
    void after(long delayMs, Runnable action) {
        queue.add(new Task(now + Math.max(0, delayMs), seq++, action));
    }

    /** Runs every task due up to {@code untilMs}, then sets the time to it. */
    void runUntil(long untilMs) {
        while (!queue.isEmpty() && queue.peek().at <= untilMs) {
            Task t = queue.poll();
            now = t.at;
            executed++;
            t.action.run();
        }
        now = Math.max(now, untilMs);
    }

    /** How many tasks ran so far. */
    long executed() {
        return executed;
    }
}
