package io.enif.meta.election;

/**
 * How long the leader may act without hearing from ZooKeeper (DESIGN §10, "Meta leader fencing").
 *
 * <p>A renewal is a ZooKeeper read, <em>sent</em> at {@code sendNanos}, proving the leader's session and lock were
 * alive then; ZooKeeper cannot expire the session before {@code sendNanos + session timeout}, so acting until {@code
 * sendNanos + lease} with a lease shorter than the session timeout is safe, with margin for clock-rate skew. Times are
 * {@link System#nanoTime()} values. Thread-safe.
 */
public final class LeadershipLease {

    private final long leaseNanos;
    private long expiresAtNanos;
    private boolean valid;

    /** A lease of {@code leaseMs}, not valid until first renewed. */
    public LeadershipLease(long leaseMs) {
        if (leaseMs <= 0) {
            throw new IllegalArgumentException("leadership lease must be positive, got " + leaseMs + " ms");
        }
        this.leaseNanos = leaseMs * 1_000_000L;
    }

    /** The lease for a negotiated session timeout: half of it. */
    public static LeadershipLease forSessionTimeout(long sessionTimeoutMs) {
        return new LeadershipLease(Math.max(1, sessionTimeoutMs / 2));
    }

    /** Extends the lease to {@code sendNanos + lease}, if later than now held. */
    public synchronized void renew(long sendNanos) {
        long expiry = sendNanos + leaseNanos;
        if (!valid || expiry - expiresAtNanos > 0) {
            expiresAtNanos = expiry;
        }
        valid = true;
    }

    /** Ends the lease at once (deposed). */
    public synchronized void invalidate() {
        valid = false;
    }

    /** Whether the leader may act at {@code nowNanos}. */
    public synchronized boolean isValid(long nowNanos) {
        return valid && nowNanos - expiresAtNanos < 0;
    }

    /** The lease length in milliseconds. */
    public long leaseMs() {
        return leaseNanos / 1_000_000L;
    }
}
