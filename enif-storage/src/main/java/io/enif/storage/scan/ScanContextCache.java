package io.enif.storage.scan;

import io.enif.storage.StoreClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The scan contexts of one store, by handle. Handles are {@code random_hi31 << 32 | counter}, as Pegasus makes them:
 * non-negative, unique per store, and new on every RPC, so a stale handle never reaches a newer page. Contexts idle
 * longer than the timeout are closed: lazily when touched, and in a sweep that runs at most every tenth of the
 * timeout as contexts are put back (or whenever {@link #expireIdle()} is called).
 */
public final class ScanContextCache implements AutoCloseable {
    private final Map<Long, ScanContext> contexts = new ConcurrentHashMap<>();
    private final StoreClock clock;
    private final long idleTimeoutNanos;
    private final long highBits;
    private final AtomicLong counter = new AtomicLong();
    private volatile long lastSweepNanos;
    private volatile boolean closed;

    public ScanContextCache(StoreClock clock, Duration idleTimeout) {
        this.clock = clock;
        this.idleTimeoutNanos = idleTimeout.toNanos();
        this.highBits = (long) (new SecureRandom().nextInt() & 0x7fffffff) << 32;
        this.lastSweepNanos = clock.nanoTime();
    }

    /** Keeps {@code context} for a later scan and returns its new handle (&gt;= 0). */
    public long put(ScanContext context) {
        long now = clock.nanoTime();
        context.lastUsedNanos = now;
        long handle = highBits | (counter.getAndIncrement() & 0xffffffffL);
        contexts.put(handle, context);
        if (closed) {
            discard(handle);
        }
        if (now - lastSweepNanos >= idleTimeoutNanos / 10) {
            expireIdle();
        }
        return handle;
    }

    /** Takes the context of {@code handle} out of the cache, or null when it is unknown or has expired. */
    public ScanContext take(long handle) {
        ScanContext context = contexts.remove(handle);
        if (context != null && isIdleTooLong(context, clock.nanoTime())) {
            context.close();
            return null;
        }
        return context;
    }

    /** Closes the context of {@code handle}, if there is one. */
    public void discard(long handle) {
        ScanContext context = contexts.remove(handle);
        if (context != null) {
            context.close();
        }
    }

    /** Closes every context idle longer than the timeout; returns how many. */
    public int expireIdle() {
        long now = clock.nanoTime();
        lastSweepNanos = now;
        int expired = 0;
        for (Map.Entry<Long, ScanContext> entry : contexts.entrySet()) {
            if (isIdleTooLong(entry.getValue(), now) && contexts.remove(entry.getKey(), entry.getValue())) {
                entry.getValue().close();
                expired++;
            }
        }
        return expired;
    }

    private boolean isIdleTooLong(ScanContext context, long now) {
        return now - context.lastUsedNanos > idleTimeoutNanos;
    }

    /** The number of contexts kept. */
    public int size() {
        return contexts.size();
    }

    /** Closes every context; later puts are closed at once. */
    @Override
    public void close() {
        closed = true;
        for (Long handle : contexts.keySet()) {
            discard(handle);
        }
    }
}
