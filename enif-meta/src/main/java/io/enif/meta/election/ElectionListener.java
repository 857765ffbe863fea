package io.enif.meta.election;

import io.enif.meta.store.LeaderFence;

/** Told when this meta server becomes the leader and when it stops being it; called on the election's thread. */
public interface ElectionListener {

    /** This server leads from now, with {@code fence}; it must load the state before it acts. */
    void onElected(LeaderFence fence);

    /** This server no longer leads (session, connection or lock lost, fenced, or resigned). */
    void onDeposed(LeaderFence fence, String reason);
}
