package io.enif.replica.peer;

/**
 * A byte-rate limit for file copies (Pegasus's {@code nfs.max_copy_rate_megabytes_per_disk} and {@code
 * max_send_rate_megabytes_per_disk}): each chunk reserves its bytes and learns how long to wait before it may go, so
 * callers delay with their scheduler instead of blocking. Thread-safe.
 */
public final class RateLimiter {
    private volatile long bytesPerSecond;
    private long nextFreeNanos = Long.MIN_VALUE;

    /** @param bytesPerSecond the limit; 0 or less means unlimited */
    public RateLimiter(long bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
    }

    /** A limiter of {@code megabytes} MiB per second (0 = unlimited). */
    public static RateLimiter ofMegabytes(long megabytes) {
        return new RateLimiter(megabytes << 20);
    }

    /** Changes the limit from now on ({@code nfs.max_*_rate_megabytes_per_disk} at runtime); 0 = unlimited. */
    public synchronized void setMegabytes(long megabytes) {
        this.bytesPerSecond = megabytes << 20;
        this.nextFreeNanos = Long.MIN_VALUE;
    }

    /** The limit in bytes per second (0 or less = unlimited). */
    public long bytesPerSecond() {
        return bytesPerSecond;
    }

    /** Reserves {@code bytes} and returns how many nanoseconds to wait before sending them (0 = at once). */
    public synchronized long reserve(long bytes) {
        if (bytesPerSecond <= 0) {
            return 0;
        }
        long now = System.nanoTime();
        if (nextFreeNanos == Long.MIN_VALUE || nextFreeNanos - now < 0) {
            nextFreeNanos = now;
        }
        long wait = nextFreeNanos - now;
        nextFreeNanos += (long) (bytes * 1_000_000_000.0 / bytesPerSecond);
        return wait;
    }
}
