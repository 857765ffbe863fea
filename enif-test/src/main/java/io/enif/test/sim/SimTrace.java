package io.enif.test.sim;

import io.enif.common.Gpid;
import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * A trace of one partition while a seed replays ({@code ./enif sim --seed S --trace 1.2}): every event its replicas
 * step, every message they send, every mutation they apply, the meta server's configuration changes, and the faults.
 * Off (and free) unless asked for; the system property {@code enif.sim.trace} names the partition.
 */
final class SimTrace {
    private static final String PROPERTY = "enif.sim.trace";

    private final SimScheduler scheduler;
    private final String gpid;
    private final PrintStream out;

    SimTrace(SimScheduler scheduler) {
        this.scheduler = scheduler;
        this.gpid = System.getProperty(PROPERTY);
        this.out = System.out;
    }

    /** Whether {@code partition} is traced. */
    boolean on(Gpid partition) {
        return gpid != null && partition.toString().equals(gpid);
    }

    /** Whether anything is traced. */
    boolean on() {
        return gpid != null;
    }

    /** Prints one line at the current true time, if anything is traced; {@code what} is built only then. */
    void log(Object who, Supplier<String> what) {
        if (on()) {
            out.printf("%8d %-14s %s%n", scheduler.now(), who, what.get());
        }
    }

    /** Prints one line about {@code partition} if it is traced; {@code what} is built only then. */
    void log(Gpid partition, Object who, Supplier<String> what) {
        if (on(partition)) {
            log(who, what);
        }
    }
}
