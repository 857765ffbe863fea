package io.enif.common.concurrent;

/**
 * Asserts thread confinement (Pegasus's {@code _checker.only_one_thread_access()}): code that must run on a
 * partition's lane calls {@link #assertOnLane(Lane)} first. The check is one thread-local read, so it stays on in
 * production builds.
 */
public final class LaneChecker {
    private static final ThreadLocal<Lane> CURRENT = new ThreadLocal<>();

    private LaneChecker() {}

    /** Marks the calling thread as {@code lane}'s thread; called once when a lane thread starts. */
    static void enter(Lane lane) {
        CURRENT.set(lane);
    }

    /** The lane whose thread is calling, or {@code null} off every lane. */
    public static Lane current() {
        return CURRENT.get();
    }

    /**
     * Fails unless the calling thread is {@code lane}'s.
     *
     * @throws IllegalStateException naming both threads, a programming error
     */
    public static void assertOnLane(Lane lane) {
        if (CURRENT.get() != lane) {
            throw new IllegalStateException("must run on " + lane + ", not on thread "
                    + Thread.currentThread().getName());
        }
    }
}
