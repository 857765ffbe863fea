package io.enif.meta.guardian;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.meta.state.ClusterState;
import io.enif.meta.state.ConfigProposal;
import io.enif.meta.state.ConfigType;
import io.enif.meta.state.ConfigUpdate;
import io.enif.meta.state.PartitionConfig;
import io.enif.meta.state.TableState;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything the guardian remembers between passes, as one immutable value: a {@link CureContext} per partition and
 * the {@link NewlyAssigned} counts. The meta server keeps the current value and replaces it with the one each
 * operation returns. Nothing here is persisted: it is rebuilt from ZooKeeper ({@link #seed}) and config syncs.
 *
 * @param contexts per partition, its context (absent = {@link CureContext#EMPTY})
 * @param newly roles proposed and not carried out yet
 */
public record GuardianBookkeeping(Map<Gpid, CureContext> contexts, NewlyAssigned newly) {

    /** No memory at all. */
    public static final GuardianBookkeeping EMPTY = new GuardianBookkeeping(Map.of(), NewlyAssigned.NONE);

    public GuardianBookkeeping {
        Map<Gpid, CureContext> copy = new TreeMap<>(contexts);
        copy.values().removeIf(CureContext.EMPTY::equals);
        contexts = Collections.unmodifiableMap(copy);
    }

    /**
     * The bookkeeping of a new meta leader ({@code spec/ops-recovery-and-architecture.md} §6.2): every node in a
     * partition's {@code last_drops} becomes a dropped candidate, removed "now".
     */
    public static GuardianBookkeeping seed(ClusterState state, long nowMs, GuardianConfig config) {
        Map<Gpid, CureContext> contexts = new HashMap<>();
        for (TableState table : state.allTables()) {
            for (PartitionConfig pc : table.partitions()) {
                CureContext context = CureContext.EMPTY;
                for (HostPort node : pc.lastDrops()) {
                    context = context.withDropRecorded(node, nowMs, pc, config.maxReservedDroppedReplicas());
                }
                contexts.put(pc.gpid(), context);
            }
        }
        return new GuardianBookkeeping(contexts, NewlyAssigned.NONE);
    }

    /** The context of {@code gpid}. */
    public CureContext context(Gpid gpid) {
        return contexts.getOrDefault(gpid, CureContext.EMPTY);
    }

    /** This bookkeeping with the context of {@code gpid} replaced. */
    public GuardianBookkeeping withContext(Gpid gpid, CureContext context) {
        Map<Gpid, CureContext> updated = new HashMap<>(contexts);
        updated.put(gpid, context);
        return new GuardianBookkeeping(updated, newly);
    }

    /** The partitions with a ZooKeeper write in flight. */
    public Set<Gpid> pendingRemoteSync() {
        Set<Gpid> pending = new TreeSet<>();
        contexts.forEach((gpid, context) -> {
            if (context.pendingRemoteSync()) {
                pending.add(gpid);
            }
        });
        return pending;
    }

    /** This bookkeeping with the ZooKeeper-write flag of {@code gpid} set or cleared. */
    public GuardianBookkeeping withPendingRemoteSync(Gpid gpid, boolean pending) {
        return withContext(gpid, context(gpid).withPendingRemoteSync(pending));
    }

    /**
     * Updates the memory after {@code update} was persisted and applied (Pegasus's {@code reconfig}): the current
     * queued proposal is done; a node that left the group becomes a dropped candidate removed at {@code nowMs}; a node
     * that joined stops being one.
     */
    public GuardianBookkeeping onConfigApplied(ConfigUpdate update, long nowMs, GuardianConfig config) {
        PartitionConfig pc = update.config();
        CureContext context = context(pc.gpid());
        NewlyAssigned updatedNewly = newly;
        if (!context.queued().isEmpty()) {
            if (!context.queuedFromBalancer()) {
                updatedNewly = finished(updatedNewly, context.queued().get(0));
            }
            context = context.withFirstQueuedDone();
        }
        int reserved = config.maxReservedDroppedReplicas();
        if (update.type() == ConfigType.DROP_PARTITION) {
            for (HostPort node : pc.lastDrops()) {
                context = context.withDropRecorded(node, nowMs, pc, reserved);
            }
        } else if (update.type().addsNode()) {
            context = context.withoutDropped(update.node()).trimmed(pc, reserved);
        } else if (update.type().removesNode()) {
            context = context.withDropRecorded(update.node(), nowMs, pc, reserved);
        }
        Map<Gpid, CureContext> updated = new HashMap<>(contexts);
        updated.put(pc.gpid(), context);
        return new GuardianBookkeeping(updated, updatedNewly);
    }

    /**
     * Records the replica info a node reported by config sync for a partition it is not a member of ({@code
     * spec/ops-recovery-and-architecture.md} §6.11): this is how DDD candidates are "collected".
     */
    public GuardianBookkeeping onReplicaCollected(DroppedReplica info, PartitionConfig pc, GuardianConfig config) {
        return withContext(
                pc.gpid(), context(pc.gpid()).withReplicaCollected(info, pc, config.maxReservedDroppedReplicas()));
    }

    /**
     * Queues proposals for a partition on behalf of the balancer or a manual {@code propose} without {@code -f}
     * ({@code spec/ops-recovery-and-architecture.md} §3.3-4); the next cure pass validates and sends them.
     *
     * @throws IllegalStateException when the partition already has queued proposals (the RPC answers {@code
     *     ERR_INVALID_PARAMETERS})
     */
    public GuardianBookkeeping withProposalsRegistered(Gpid gpid, List<ConfigProposal> proposals) {
        CureContext context = context(gpid);
        if (!context.queued().isEmpty()) {
            throw new IllegalStateException(gpid + " already has queued proposals: " + context.queued());
        }
        return withContext(gpid, context.withQueued(proposals, true));
    }

    /** Discards every queued proposal, as setting a meta level up to steady does (§6.12). */
    public GuardianBookkeeping withoutQueuedProposals() {
        Map<Gpid, CureContext> updated = new HashMap<>();
        NewlyAssigned updatedNewly = newly;
        for (Map.Entry<Gpid, CureContext> entry : contexts.entrySet()) {
            CureContext context = entry.getValue();
            if (!context.queuedFromBalancer()) {
                for (ConfigProposal proposal : context.queued()) {
                    updatedNewly = finished(updatedNewly, proposal);
                }
            }
            updated.put(entry.getKey(), context.withoutQueued());
        }
        return new GuardianBookkeeping(updated, updatedNewly);
    }

    /** The in-flight counts after a cure proposal is done or abandoned (Pegasus's {@code finish_cure_proposal}). */
    static NewlyAssigned finished(NewlyAssigned newly, ConfigProposal proposal) {
        int appId = proposal.gpid().appId();
        return switch (proposal.type()) {
            case ASSIGN_PRIMARY -> newly.withPrimary(proposal.node(), appId, false, -1);
            case UPGRADE_TO_PRIMARY -> newly.withPrimary(proposal.node(), appId, true, -1);
            case ADD_SECONDARY, UPGRADE_TO_SECONDARY -> newly.withPartition(proposal.node(), appId, -1);
            default -> newly;
        };
    }
}
