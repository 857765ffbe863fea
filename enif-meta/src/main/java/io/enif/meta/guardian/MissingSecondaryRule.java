package io.enif.meta.guardian;

import io.enif.common.HostPort;
import io.enif.meta.state.ConfigProposal;
import io.enif.meta.state.PartitionConfig;
import java.util.List;
import java.util.Optional;

/**
 * Cure of a partition with a primary but fewer than {@code max_replica_count - 1} secondaries ({@code
 * spec/ops-recovery-and-architecture.md} §6.13 rule 2; {@code spec/ops-cluster.md} FD-11).
 *
 * <p>It is an <em>emergency</em> when any of these holds:
 *
 * <ol type="a">
 *   <li>{@code max_replica_count > M} and the members are fewer than M ({@code mutation_2pc_min_replica_count}): the
 *       partition cannot take writes;
 *   <li>no dropped candidate is known;
 *   <li>the most recent drop is older than {@code replica_assign_delay_ms_for_dropouts} (strictly: at exactly the
 *       delay it still waits); candidates known only from config sync have drop time 0 and count as long ago;
 *   <li>the most recently dropped node is on the assign-secondary black list.
 * </ol>
 *
 * <p>Emergency: walk the dropped list from the cursor down (newest first, moving the cursor past each candidate tried)
 * and take the first alive one; if there is none, or it is black-listed, take the alive node that is neither a member
 * nor black-listed with the fewest replicas of this table (then overall), counting this pass's proposals. Not an
 * emergency: only the most recently dropped node is acceptable, and only once it is alive again (it still has most of
 * the data, so catching up is cheap); otherwise wait. Either way the proposal is ADD_SECONDARY to the primary.
 */
final class MissingSecondaryRule {

    private MissingSecondaryRule() {}

    static RuleOutcome apply(CurePass pass, PartitionConfig pc) {
        CureContext context = pass.context(pc.gpid());
        Optional<DroppedReplica> latest = context.latestDrop();
        HostPort chosen = null;
        if (isEmergency(pass, pc, latest)) {
            List<DroppedReplica> dropped = context.dropped();
            int cursor = context.preferredDropped();
            if (cursor < 0 || cursor >= dropped.size()) {
                cursor = dropped.size() - 1;
            }
            while (cursor >= 0) {
                HostPort candidate = dropped.get(cursor--).node();
                if (pass.alive(candidate) && !pc.isMember(candidate)) {
                    chosen = candidate;
                    break;
                }
            }
            pass.setContext(pc.gpid(), context.withPreferredDropped(cursor));
            if (chosen == null || pass.blackListed(chosen)) {
                chosen = leastLoadedNewNode(pass, pc);
            }
        } else {
            HostPort last = latest.orElseThrow().node();
            if (pass.alive(last) && !pc.isMember(last)) {
                chosen = last;
            }
        }
        if (chosen == null) {
            return RuleOutcome.waiting(CureStatus.ILL);
        }
        pass.load.proposePartition(chosen, pc.gpid().appId());
        return RuleOutcome.propose(CureStatus.ILL, ConfigProposal.addSecondary(pc.gpid(), pc.primary(), chosen));
    }

    /** Whether the partition must get a secondary now rather than wait for its last dropped node. */
    static boolean isEmergency(CurePass pass, PartitionConfig pc, Optional<DroppedReplica> latest) {
        int min2pc = pass.config.health().minReplicaCountFor(pc.maxReplicaCount());
        if (pc.maxReplicaCount() > min2pc && pc.memberCount() < min2pc) {
            return true;
        }
        if (latest.isEmpty()) {
            return true;
        }
        if (latest.get().timeMs() + pass.config.replicaAssignDelayMsForDropouts() < pass.nowMs) {
            return true;
        }
        return pass.blackListed(latest.get().node());
    }

    private static HostPort leastLoadedNewNode(CurePass pass, PartitionConfig pc) {
        int appId = pc.gpid().appId();
        HostPort best = null;
        for (HostPort node : pass.nodes.aliveNodes()) {
            if (pc.isMember(node) || pass.blackListed(node)) {
                continue;
            }
            if (best == null || pass.load.lessPartitions(node, best, appId)) {
                best = node;
            }
        }
        return best;
    }
}
