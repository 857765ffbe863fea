package io.enif.meta.server;

/**
 * The meta server's two clocks: a monotonic one in milliseconds for the failure detector and the guardian, and the
 * wall clock in seconds for tables' create, drop and expire times. Tests substitute a manual clock.
 */
interface MetaClock {

    /** The system clocks. */
    MetaClock SYSTEM = new MetaClock() {
        @Override
        public long nowMs() {
            return System.nanoTime() / 1_000_000L;
        }

        @Override
        public long nowSecond() {
            return System.currentTimeMillis() / 1000L;
        }
    };

    /** Monotonic milliseconds. */
    long nowMs();

    /** Unix seconds. */
    long nowSecond();
}
