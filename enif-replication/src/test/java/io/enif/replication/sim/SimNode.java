package io.enif.replication.sim;

import io.enif.common.HostPort;
import io.enif.replication.Mutation;
import io.enif.replication.Replica;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.TreeMap;

/**
 * One simulated replica server hosting one replica: the core, a fake private log whose appends complete only when
 * the test (or the cluster's auto mode) says so, and a fake storage engine that records what was applied.
 */
final class SimNode {
    final HostPort id;
    Replica replica;
    boolean alive = true;
    /** Appends the log has not completed yet, oldest first. */
    final Deque<Mutation> pendingAppends = new ArrayDeque<>();
    /** Everything the log completed, in completion order (what a restart replays). */
    final List<Mutation> durableLog = new ArrayList<>();
    /** The storage engine: decree → the mutation applied at it. */
    final TreeMap<Long, Mutation> applied = new TreeMap<>();
    /** Learned-state transfers the driver has started and not finished. */
    final Deque<io.enif.replication.ready.Ready.ApplyLearnedState> pendingTransfers = new ArrayDeque<>();

    SimNode(HostPort id, Replica replica) {
        this.id = id;
        this.replica = replica;
    }

    long appliedUpTo() {
        return applied.isEmpty() ? 0 : applied.lastKey();
    }

    @Override
    public String toString() {
        return id + (alive ? "" : " (dead)") + " " + replica;
    }
}
