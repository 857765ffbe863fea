package io.enif.meta.guardian;

import io.enif.common.HostPort;
import io.enif.meta.state.ClusterState;
import io.enif.meta.state.ConfigProposal;
import io.enif.meta.state.ConfigType;
import io.enif.meta.state.ConfigUpdate;
import io.enif.meta.state.PartitionConfig;
import io.enif.meta.state.TableState;
import java.util.ArrayList;
import java.util.List;

/**
 * The meta server's reaction to a replica server's death ({@code spec/ops-recovery-and-architecture.md} §6.5, {@code
 * spec/ops-cluster.md} FD-5), for every partition the node was a member of:
 *
 * <ol type="a">
 *   <li>primary: persist DOWNGRADE_TO_INACTIVE itself (ballot + 1, no primary, the node appended to {@code
 *       last_drops}), even while another change of the partition is being written (that one is cancelled);
 *   <li>secondary of a partition with a primary: propose DOWNGRADE_TO_INACTIVE to the primary, unless a change of the
 *       partition is being written;
 *   <li>secondary of a partition without a primary: nothing.
 * </ol>
 *
 * Partitions of dropped tables are left alone. The lease rule (grace > lease) guarantees the node stopped serving
 * before this runs, so a new primary never overlaps the old one.
 */
public final class NodeDeathPlanner {

    private NodeDeathPlanner() {}

    /** The plan for the death of {@code node}. */
    public static NodeDeathPlan onNodeDead(ClusterState state, GuardianBookkeeping book, HostPort node) {
        List<ConfigUpdate> updates = new ArrayList<>();
        List<ConfigProposal> proposals = new ArrayList<>();
        for (TableState table : state.allTables()) {
            if (!table.info().stateful()) {
                continue;
            }
            for (PartitionConfig pc : table.partitions()) {
                if (pc.isDropped() || !pc.isMember(node)) {
                    continue;
                }
                if (pc.isPrimary(node)) {
                    updates.add(ConfigUpdate.of(pc, ConfigType.DOWNGRADE_TO_INACTIVE, node));
                } else if (pc.hasPrimary() && !book.context(pc.gpid()).pendingRemoteSync()) {
                    proposals.add(ConfigProposal.downgradeToInactive(pc.gpid(), pc.primary(), node));
                }
            }
        }
        return new NodeDeathPlan(updates, proposals);
    }
}
