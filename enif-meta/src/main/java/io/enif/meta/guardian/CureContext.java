package io.enif.meta.guardian;

import io.enif.common.HostPort;
import io.enif.meta.state.ConfigProposal;
import io.enif.meta.state.PartitionConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The guardian's memory of one partition, Pegasus's {@code config_context} minus the RPC plumbing ({@code
 * spec/ops-recovery-and-architecture.md} §6.3).
 *
 * @param dropped former members that are candidates to return, in {@link DroppedReplica#ORDER} (the most recent,
 *     best-informed last)
 * @param preferredDropped the cursor into {@code dropped} for emergency re-adds, moving down after each attempt so
 *     that a failed candidate is not retried forever; -1 or out of range means "start from the newest"
 * @param queued proposals waiting to be carried out, the first one current
 * @param queuedFromBalancer whether {@code queued} came from the balancer (or a manual proposal) rather than cure
 * @param pendingRemoteSync whether a change of this partition is being written to ZooKeeper; cure skips it
 */
public record CureContext(
        List<DroppedReplica> dropped,
        int preferredDropped,
        List<ConfigProposal> queued,
        boolean queuedFromBalancer,
        boolean pendingRemoteSync) {

    /** A partition the guardian has no memory of. */
    public static final CureContext EMPTY = new CureContext(List.of(), -1, List.of(), false, false);

    public CureContext {
        dropped = List.copyOf(dropped);
        queued = List.copyOf(queued);
    }

    /** The dropped entry of {@code node}, if any. */
    public Optional<DroppedReplica> findDropped(HostPort node) {
        return dropped.stream().filter(d -> d.node().equals(node)).findFirst();
    }

    /** The most recent drop, if any. */
    public Optional<DroppedReplica> latestDrop() {
        return dropped.isEmpty() ? Optional.empty() : Optional.of(dropped.get(dropped.size() - 1));
    }

    /**
     * Records that the meta server removed {@code node} at {@code nowMs} (Pegasus's {@code record_drop_history}); a
     * node already in the list keeps its entry.
     */
    public CureContext withDropRecorded(HostPort node, long nowMs, PartitionConfig pc, int maxReserved) {
        if (findDropped(node).isPresent()) {
            return this;
        }
        List<DroppedReplica> updated = new ArrayList<>(dropped);
        updated.add(DroppedReplica.removedAt(node, nowMs));
        return withDropped(updated).trimmed(pc, maxReserved);
    }

    /**
     * Records replica info that {@code info.node()} reported for this partition while not a member (Pegasus's {@code
     * collect_drop_replica}): the entry keeps its drop time (or {@link DroppedReplica#UNKNOWN_TIME} when new) and moves
     * to its place in {@link DroppedReplica#ORDER}.
     */
    public CureContext withReplicaCollected(DroppedReplica info, PartitionConfig pc, int maxReserved) {
        long time = findDropped(info.node()).map(DroppedReplica::timeMs).orElse(DroppedReplica.UNKNOWN_TIME);
        DroppedReplica entry = new DroppedReplica(
                info.node(), time, info.ballot(), info.lastCommittedDecree(), info.lastPreparedDecree());
        List<DroppedReplica> updated = new ArrayList<>(dropped);
        updated.removeIf(d -> d.node().equals(info.node()));
        int at = 0;
        while (at < updated.size() && DroppedReplica.ORDER.compare(updated.get(at), entry) < 0) {
            at++;
        }
        updated.add(at, entry);
        return withDropped(updated).trimmed(pc, maxReserved);
    }

    /** Forgets {@code node} as a candidate, because it is a member again. */
    public CureContext withoutDropped(HostPort node) {
        if (findDropped(node).isEmpty()) {
            return this;
        }
        List<DroppedReplica> updated = new ArrayList<>(dropped);
        updated.removeIf(d -> d.node().equals(node));
        return withDropped(updated);
    }

    /**
     * Drops the oldest candidates while members + candidates exceed {@code max_replica_count +
     * max_reserved_dropped_replicas} (Pegasus's {@code check_size}).
     */
    public CureContext trimmed(PartitionConfig pc, int maxReserved) {
        List<DroppedReplica> updated = new ArrayList<>(dropped);
        boolean changed = false;
        while (!updated.isEmpty() && pc.memberCount() + updated.size() > pc.maxReplicaCount() + maxReserved) {
            updated.remove(0);
            changed = true;
        }
        return changed ? withDropped(updated) : this;
    }

    /** This context with another cursor. */
    public CureContext withPreferredDropped(int cursor) {
        return new CureContext(dropped, cursor, queued, queuedFromBalancer, pendingRemoteSync);
    }

    /** This context with {@code proposals} queued (replacing any queue). */
    public CureContext withQueued(List<ConfigProposal> proposals, boolean fromBalancer) {
        return new CureContext(dropped, preferredDropped, proposals, fromBalancer, pendingRemoteSync);
    }

    /** This context with nothing queued. */
    public CureContext withoutQueued() {
        return new CureContext(dropped, preferredDropped, List.of(), false, pendingRemoteSync);
    }

    /** This context with the first queued proposal done. */
    public CureContext withFirstQueuedDone() {
        return new CureContext(
                dropped, preferredDropped, queued.subList(1, queued.size()), queuedFromBalancer, pendingRemoteSync);
    }

    /** This context with the ZooKeeper-write flag set or cleared. */
    public CureContext withPendingRemoteSync(boolean pending) {
        return new CureContext(dropped, preferredDropped, queued, queuedFromBalancer, pending);
    }

    /** The dropped list changed: the cursor restarts from the newest entry, as in Pegasus. */
    private CureContext withDropped(List<DroppedReplica> updated) {
        return new CureContext(updated, updated.size() - 1, queued, queuedFromBalancer, pendingRemoteSync);
    }
}
