package io.enif.meta.guardian;

import io.enif.common.HostPort;
import io.enif.meta.state.ConfigProposal;
import io.enif.meta.state.PartitionConfig;

/**
 * Cure of a partition with more members than {@code max_replica_count} (secondaries >= max_replica_count; {@code
 * spec/ops-recovery-and-architecture.md} §6.13 rule 3, {@code spec/ops-cluster.md} FD-12): REMOVE the secondary on
 * the node hosting the most replicas (of all tables; the first such secondary on ties), through the primary. This
 * happens after the max replica count of a table was lowered, or when a balancer copy left one replica too many.
 */
final class RedundantSecondaryRule {

    private RedundantSecondaryRule() {}

    static RuleOutcome apply(CurePass pass, PartitionConfig pc) {
        HostPort victim = null;
        int most = -1;
        for (HostPort secondary : pc.secondaries()) {
            int load = pass.load.currentTotalPartitions(secondary);
            if (load > most) {
                most = load;
                victim = secondary;
            }
        }
        return RuleOutcome.propose(CureStatus.ILL, ConfigProposal.remove(pc.gpid(), pc.primary(), victim));
    }
}
