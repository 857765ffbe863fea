package io.enif.meta.guardian;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.meta.state.AppStatus;
import io.enif.meta.state.ClusterState;
import io.enif.meta.state.ConfigProposal;
import io.enif.meta.state.ConfigType;
import io.enif.meta.state.NodeStates;
import io.enif.meta.state.PartitionConfig;
import io.enif.meta.state.TableState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The partition guardian, "cure" ({@code spec/ops-recovery-and-architecture.md} §6.13): a pure function from the
 * cluster state, node liveness, the guardian's bookkeeping and the time to the proposals that bring every partition
 * back to one primary and {@code max_replica_count - 1} secondaries.
 *
 * <p>Per partition, in order:
 *
 * <ol>
 *   <li>Skip it while a change of it is being written to ZooKeeper, or while it is a split child not registered yet.
 *   <li>A queued proposal is re-validated ({@link ProposalValidator}): still valid, it is sent again; invalid, every
 *       queued proposal of the partition is discarded and the partition is judged afresh.
 *   <li>No primary: {@link MissingPrimaryRule} (with {@link DddRule}). Fewer secondaries than wanted: {@link
 *       MissingSecondaryRule}. More: {@link RedundantSecondaryRule}. Otherwise healthy.
 *   <li>A new proposal is queued in the partition's context until the configuration changes.
 * </ol>
 *
 * <p>The full pass ({@link #cure}) looks at every available or recalling stateful table (creating and dropping ones
 * are left alone) and applies add-secondary flow control ({@code spec/ops-tables.md} §3.4.3). The caller runs it only
 * when the effective meta level allows {@link io.enif.meta.level.MetaAction#CURE} (above freezed), every {@code
 * lb_interval_ms}, and runs {@link #curePartition} right after each configuration change of a partition.
 */
public final class PartitionGuardian {

    private PartitionGuardian() {}

    /** One cure pass over every partition. */
    public static CureResult cure(
            ClusterState state, NodeStates nodes, GuardianBookkeeping book, GuardianConfig config, long nowMs) {
        CurePass pass = new CurePass(state, nodes, book, config, nowMs);
        List<ConfigProposal> proposals = new ArrayList<>();
        List<ConfigProposal> addSecondaries = new ArrayList<>();
        List<DddPartition> ddd = new ArrayList<>();
        Map<Gpid, CureStatus> statuses = new HashMap<>();
        for (TableState table : state.allTables()) {
            if (!curable(table)) {
                continue;
            }
            for (PartitionConfig pc : table.partitions()) {
                RuleOutcome outcome = curePartition(pass, pc);
                statuses.put(pc.gpid(), outcome.status());
                if (outcome.ddd() != null) {
                    ddd.add(outcome.ddd());
                }
                if (outcome.proposal() == null) {
                    continue;
                }
                if (outcome.proposal().type().isAddSecondary()) {
                    addSecondaries.add(outcome.proposal());
                } else {
                    proposals.add(outcome.proposal());
                }
            }
        }
        List<ConfigProposal> deferred = new ArrayList<>();
        proposals.addAll(flowControlled(state, addSecondaries, config, deferred));
        return new CureResult(proposals, deferred, ddd, statuses, pass.bookkeeping());
    }

    /**
     * Cures one partition, as the meta server does right after a configuration change of it. With flow control on, an
     * add-secondary proposal is not sent now ({@link CureResult#deferredByFlowControl()}) but stays queued for the next
     * full pass.
     */
    public static CureResult curePartition(
            ClusterState state,
            NodeStates nodes,
            GuardianBookkeeping book,
            GuardianConfig config,
            long nowMs,
            Gpid gpid) {
        Optional<PartitionConfig> pc = state.partition(gpid);
        Optional<TableState> table = state.table(gpid.appId());
        if (pc.isEmpty() || !curable(table.orElseThrow())) {
            return new CureResult(List.of(), List.of(), List.of(), Map.of(), book);
        }
        CurePass pass = new CurePass(state, nodes, book, config, nowMs);
        RuleOutcome outcome = curePartition(pass, pc.get());
        List<ConfigProposal> proposals = new ArrayList<>();
        List<ConfigProposal> deferred = new ArrayList<>();
        if (outcome.proposal() != null) {
            if (config.addSecondaryEnableFlowControl()
                    && outcome.proposal().type().isAddSecondary()) {
                deferred.add(outcome.proposal());
            } else {
                proposals.add(outcome.proposal());
            }
        }
        return new CureResult(
                proposals,
                deferred,
                outcome.ddd() == null ? List.of() : List.of(outcome.ddd()),
                Map.of(gpid, outcome.status()),
                pass.bookkeeping());
    }

    private static boolean curable(TableState table) {
        AppStatus status = table.info().status();
        return table.info().stateful() && (status == AppStatus.AS_AVAILABLE || status == AppStatus.AS_RECALLING);
    }

    private static RuleOutcome curePartition(CurePass pass, PartitionConfig pc) {
        CureContext context = pass.context(pc.gpid());
        if (pc.isUnregisteredChild() || context.pendingRemoteSync()) {
            return RuleOutcome.waiting(CureStatus.SKIPPED);
        }
        if (!context.queued().isEmpty()) {
            ConfigProposal current = context.queued().get(0);
            if (ProposalValidator.problem(current, pc, pass.nodes).isEmpty()) {
                return RuleOutcome.propose(CureStatus.ILL, current);
            }
            if (!context.queuedFromBalancer()) {
                context.queued().forEach(pass.load::finish);
            }
            context = context.withoutQueued();
            pass.setContext(pc.gpid(), context);
        }
        RuleOutcome outcome;
        if (!pc.hasPrimary()) {
            outcome = MissingPrimaryRule.apply(pass, pc);
        } else if (pc.secondaries().size() + 1 < pc.maxReplicaCount()) {
            outcome = MissingSecondaryRule.apply(pass, pc);
        } else if (pc.secondaries().size() >= pc.maxReplicaCount()) {
            outcome = RedundantSecondaryRule.apply(pass, pc);
        } else {
            outcome = RuleOutcome.waiting(CureStatus.HEALTHY);
        }
        if (outcome.proposal() != null) {
            boolean fromBalancer = outcome.proposal().type() == ConfigType.REMOVE;
            pass.setContext(pc.gpid(), pass.context(pc.gpid()).withQueued(List.of(outcome.proposal()), fromBalancer));
        }
        return outcome;
    }

    /**
     * Add-secondary flow control ({@code spec/ops-tables.md} §3.4.3, {@code spec/ops-cluster.md} FD-13): partitions
     * without any secondary are served first, then the rest; with flow control on, no node receives more than {@code
     * add_secondary_max_count_for_one_node} proposals in a pass. Held-back proposals go to {@code deferred}.
     */
    private static List<ConfigProposal> flowControlled(
            ClusterState state, List<ConfigProposal> candidates, GuardianConfig config, List<ConfigProposal> deferred) {
        Map<HostPort, Integer> perNode = new HashMap<>();
        boolean[] sent = new boolean[candidates.size()];
        List<ConfigProposal> result = new ArrayList<>();
        for (boolean urgentRound : new boolean[] {true, false}) {
            for (int i = 0; i < candidates.size(); i++) {
                ConfigProposal proposal = candidates.get(i);
                boolean urgent = state.partition(proposal.gpid())
                        .map(pc -> pc.secondaries().isEmpty())
                        .orElse(false);
                if (sent[i] || (urgentRound && !urgent)) {
                    continue;
                }
                int count = perNode.getOrDefault(proposal.node(), 0);
                if (config.addSecondaryEnableFlowControl() && count >= config.addSecondaryMaxCountForOneNode()) {
                    continue;
                }
                perNode.put(proposal.node(), count + 1);
                sent[i] = true;
                result.add(proposal);
            }
        }
        for (int i = 0; i < candidates.size(); i++) {
            if (!sent[i]) {
                deferred.add(candidates.get(i));
            }
        }
        return result;
    }
}
