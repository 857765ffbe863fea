package io.enif.meta.fd;

/**
 * The replica server's side of the failure detector: the lease its acknowledged beacons grant ({@code
 * spec/ops-recovery-and-architecture.md} §6.5, {@code spec/ops-cluster.md} FD-2).
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>The lease runs from the <em>send</em> time of the newest beacon the meta leader acknowledged; acks of older
 *       beacons, and acks from a meta server that is not the leader, do not extend it.
 *   <li>Checks run every {@code check} ms, so a check disconnects as soon as the lease would expire before the next
 *       check: when {@code now + check - lastAckedSend > lease} (about 18 s after the send with the defaults). On
 *       disconnection every replica of the server becomes inactive and stops serving.
 *   <li>An ack received while disconnected reconnects only if it is still within the lease of its send time.
 *   <li>A new lease starts disconnected; {@code fd_disabled} keeps it from ever disconnecting.
 * </ul>
 *
 * <p>Single-threaded; time is a parameter in milliseconds of the replica server's clock.
 */
public final class WorkerLease {

    /** A change of the replica server's connection to the meta leader. */
    public enum Event {
        NONE,
        /** Lease granted: replicas may serve again after config sync. */
        CONNECTED,
        /** Lease lost: every replica becomes inactive. */
        DISCONNECTED
    }

    private final FailureDetectorConfig config;
    private long lastAckedSendMs = Long.MIN_VALUE;
    private boolean connected;

    /**
     * A lease that starts disconnected, with no beacon acknowledged yet.
     *
     * @throws IllegalArgumentException when the timers are unsafe (see {@link FailureDetectorConfig#validate()})
     */
    public WorkerLease(FailureDetectorConfig config) {
        this.config = config.validate();
    }

    /**
     * Handles the ack, received at {@code nowMs}, of the beacon sent at {@code sendTimeMs}.
     *
     * @param fromLeader whether the answering meta server said it is the leader
     */
    public Event onBeaconAck(long sendTimeMs, boolean fromLeader, long nowMs) {
        if (sendTimeMs <= lastAckedSendMs || !fromLeader) {
            return Event.NONE;
        }
        lastAckedSendMs = sendTimeMs;
        if (!connected && nowMs >= sendTimeMs && nowMs - sendTimeMs <= config.leaseMs()) {
            connected = true;
            return Event.CONNECTED;
        }
        return Event.NONE;
    }

    /** Runs one check at {@code nowMs}. */
    public Event check(long nowMs) {
        if (connected
                && !config.disabled()
                && nowMs > lastAckedSendMs
                && nowMs + config.checkIntervalMs() - lastAckedSendMs > config.leaseMs()) {
            connected = false;
            return Event.DISCONNECTED;
        }
        return Event.NONE;
    }

    /** Whether the replica server holds a lease (and so may serve). */
    public boolean isConnected() {
        return connected;
    }

    /** The send time of the newest acknowledged beacon ({@link Long#MIN_VALUE} before the first). */
    public long lastAckedSendMs() {
        return lastAckedSendMs;
    }
}
