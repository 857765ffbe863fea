package io.enif.meta.guardian;

import io.enif.common.HostPort;
import io.enif.meta.state.ConfigProposal;
import io.enif.meta.state.PartitionConfig;

/**
 * Cure of a partition without a primary ({@code spec/ops-recovery-and-architecture.md} §6.13 rule 1; {@code
 * spec/ops-cluster.md} FD-8, FD-9, FD-10).
 *
 * <ul>
 *   <li>Some secondaries: UPGRADE_TO_PRIMARY the alive secondary with the fewest primaries of this table (counting the
 *       assignments of this pass), at once. A secondary has every committed mutation (a write commits only when all
 *       members acked it), so promoting any alive one loses nothing. None alive: the partition is dead; wait for one
 *       to come back.
 *   <li>No secondaries and an empty {@code last_drops}: a brand-new partition; ASSIGN_PRIMARY to the alive node with
 *       the fewest primaries of this table. No alive node: wait.
 *   <li>Otherwise every member is gone: {@link DddRule}.
 * </ul>
 */
final class MissingPrimaryRule {

    private MissingPrimaryRule() {}

    static RuleOutcome apply(CurePass pass, PartitionConfig pc) {
        int appId = pc.gpid().appId();
        if (!pc.secondaries().isEmpty()) {
            HostPort best = null;
            for (HostPort secondary : pc.secondaries()) {
                if (pass.alive(secondary) && (best == null || pass.load.lessPrimaries(secondary, best, appId))) {
                    best = secondary;
                }
            }
            if (best == null) {
                return RuleOutcome.waiting(CureStatus.DEAD);
            }
            pass.load.proposePrimary(best, appId, true);
            return RuleOutcome.propose(CureStatus.ILL, ConfigProposal.upgradeToPrimary(pc.gpid(), best));
        }
        if (pc.lastDrops().isEmpty()) {
            HostPort best = null;
            for (HostPort node : pass.nodes.aliveNodes()) {
                if (best == null || pass.load.lessPrimaries(node, best, appId)) {
                    best = node;
                }
            }
            if (best == null) {
                return RuleOutcome.waiting(CureStatus.ILL);
            }
            pass.load.proposePrimary(best, appId, false);
            return RuleOutcome.propose(CureStatus.ILL, ConfigProposal.assignPrimary(pc.gpid(), best));
        }
        return DddRule.apply(pass, pc);
    }
}
