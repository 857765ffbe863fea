package io.enif.test.sim;

import io.enif.common.Gpid;
import io.enif.replication.Mutation;
import io.enif.replication.Replica;
import java.util.ArrayList;
import java.util.List;

/**
 * One replica a {@link SimReplicaServer} hosts: the core, its storage, and its private log (what was synced, and the
 * appends still in flight).
 */
final class SimHosted {
    final Gpid gpid;
    Replica replica;
    final SimStore store = new SimStore();
    /** What the private log synced, in completion order (what a restart replays). */
    final List<Mutation> durableLog = new ArrayList<>();
    /** Appends not synced yet, oldest first. */
    final List<Mutation> inFlight = new ArrayList<>();

    /** When the log finishes what it was given (appends complete in order). */
    long logFreeAt;
    /** The highest ballot this replica had in this process's life, for the "ballots only grow" check. */
    long highestBallot;

    SimHosted(Gpid gpid, Replica replica) {
        this.gpid = gpid;
        this.replica = replica;
    }
}
