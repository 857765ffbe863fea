package io.enif.replication;

import io.enif.common.Gpid;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One decree of a partition's history: the header the primary assigned and the client writes it batches.
 *
 * <p>A mutation is immutable. The same decree may be proposed again under a higher ballot (reconciliation after a
 * primary change); {@link #withBallot} makes that copy. A mutation with no updates is an <em>empty write</em>: the
 * primary issues one to move the commit point on an idle partition or to fill a hole during reconciliation, and the
 * driver applies it as Pegasus's empty write (it only advances the storage's decree).
 *
 * @param gpid the partition
 * @param ballot the configuration epoch under which the primary proposed it
 * @param decree its position in the partition's history, from 1
 * @param lastCommittedDecree the primary's commit point when it sent this mutation (piggybacked commit)
 * @param timestampUs the primary's timestamp in microseconds, strictly increasing per primary
 * @param updates the client writes, in the order they are applied; empty for an empty write
 */
public record Mutation(
        Gpid gpid, long ballot, long decree, long lastCommittedDecree, long timestampUs, List<MutationUpdate> updates) {

    public Mutation {
        Objects.requireNonNull(gpid, "gpid");
        updates = List.copyOf(updates);
        if (decree <= 0) {
            throw new IllegalArgumentException("decree must be positive: " + decree);
        }
        if (lastCommittedDecree >= decree) {
            throw new IllegalArgumentException(
                    "last committed decree " + lastCommittedDecree + " not below decree " + decree);
        }
    }

    /** An empty write at {@code decree}. */
    public static Mutation empty(Gpid gpid, long ballot, long decree, long lastCommittedDecree, long timestampUs) {
        return new Mutation(gpid, ballot, decree, lastCommittedDecree, timestampUs, List.of());
    }

    /** Whether this is an empty write. */
    public boolean isEmptyWrite() {
        return updates.isEmpty();
    }

    /** The same content re-proposed under {@code newBallot} with a new piggybacked commit point. */
    public Mutation withBallot(long newBallot, long newLastCommittedDecree) {
        return new Mutation(gpid, newBallot, decree, newLastCommittedDecree, timestampUs, updates);
    }

    /** Whether a local client waits for any of this mutation's updates. */
    public boolean hasRequests() {
        for (MutationUpdate u : updates) {
            if (u.hasRequest()) {
                return true;
            }
        }
        return false;
    }

    /** This mutation with no local clients to reply to (what another replica receives). */
    public Mutation withoutRequests() {
        if (!hasRequests()) {
            return this;
        }
        List<MutationUpdate> stripped = new ArrayList<>(updates.size());
        for (MutationUpdate u : updates) {
            stripped.add(u.withoutRequest());
        }
        return new Mutation(gpid, ballot, decree, lastCommittedDecree, timestampUs, stripped);
    }

    /** Same decree and the same client writes (ballot, commit point, timestamp and request ids may differ). */
    public boolean sameContent(Mutation other) {
        if (decree != other.decree || updates.size() != other.updates.size()) {
            return false;
        }
        for (int i = 0; i < updates.size(); i++) {
            if (!updates.get(i).sameContent(other.updates.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Pegasus's mutation name, {@code <gpid>.<ballot>.<decree>}. */
    public String name() {
        return gpid + "." + ballot + "." + decree;
    }

    @Override
    public String toString() {
        return "Mutation[" + name() + ", committed " + lastCommittedDecree + ", " + updates + "]";
    }
}
