package io.enif.meta.store;

import java.util.Objects;

/**
 * The proof of leadership every metadata write carries (DESIGN §10, "Meta leader fencing").
 *
 * <p>A write is applied only if, at that moment, the writer's leader-latch node {@code lockNodePath} still exists and
 * the epoch node's version still equals {@code epoch}. A new leader bumps the epoch before it acts, so the writes of
 * every older leader fail from then on; a leader whose ZooKeeper session ended has lost its latch node, so its writes
 * fail even before that.
 *
 * @param epoch the leadership epoch: the version of the epoch node after this leader's bump, positive and increasing
 *     with each new leadership term
 * @param lockNodePath the leader's ephemeral latch node, or "" where there is none (the in-memory store)
 * @param sessionId the ZooKeeper session that owns {@code lockNodePath} (0 for the in-memory store)
 */
public record LeaderFence(long epoch, String lockNodePath, long sessionId) {

    public LeaderFence {
        Objects.requireNonNull(lockNodePath, "lockNodePath");
        if (epoch <= 0) {
            throw new IllegalArgumentException("leader epoch must be positive, got " + epoch);
        }
    }

    /** A fence of the in-memory store, which checks only the epoch. */
    public static LeaderFence ofEpoch(long epoch) {
        return new LeaderFence(epoch, "", 0);
    }

    @Override
    public String toString() {
        return "epoch " + epoch + (lockNodePath.isEmpty() ? "" : " (" + lockNodePath + ")");
    }
}
