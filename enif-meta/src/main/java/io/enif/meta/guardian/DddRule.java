package io.enif.meta.guardian;

import io.enif.common.HostPort;
import io.enif.meta.state.ConfigProposal;
import io.enif.meta.state.PartitionConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cure of a partition whose every member is gone ("DDD", {@code spec/ops-recovery-and-architecture.md} §3.3-2 and
 * §6.13 rule 1): pick a primary only when that cannot lose committed data, else wait and leave the choice to {@code
 * ddd_diagnose} (DESIGN §10).
 *
 * <p>Logs are not fsynced on every write in Pegasus's mode, so the last survivor alone is not trusted:
 *
 * <ul>
 *   <li>One node in {@code last_drops}: it is the only holder of the data; it becomes primary once it is alive again.
 *   <li>Otherwise only the last two dropped nodes are eligible, and both must be alive with their replica info
 *       collected (a node that came back without the replica counts as ballot -1). If the one with the larger ballot
 *       has the smaller committed decree, refuse. Else require the larger prepared decree to reach both the meta
 *       server's committed decree and the larger committed decree, and choose the larger ballot, then the larger
 *       committed decree, then the larger prepared decree (ties: the most recently dropped).
 * </ul>
 *
 * A partition left waiting gets a {@link DddPartition} entry with the reason. The status is {@link CureStatus#DEAD}
 * either way.
 */
final class DddRule {

    private DddRule() {}

    static RuleOutcome apply(CurePass pass, PartitionConfig pc) {
        CureContext context = pass.context(pc.gpid());
        List<HostPort> drops = pc.lastDrops();
        HostPort chosen = null;
        String reason;
        if (drops.size() == 1) {
            HostPort only = drops.get(0);
            if (pass.alive(only)) {
                chosen = only;
                reason = "";
            } else {
                reason = "the only node(" + only + ") is dead, waiting for it to come back";
            }
        } else {
            Choice choice =
                    chooseFromLastTwo(pass, pc, context, drops.get(drops.size() - 2), drops.get(drops.size() - 1));
            chosen = choice.node;
            reason = choice.reason;
        }
        if (chosen != null) {
            pass.load.proposePrimary(chosen, pc.gpid().appId(), false);
            return RuleOutcome.propose(CureStatus.DEAD, ConfigProposal.assignPrimary(pc.gpid(), chosen));
        }
        return new RuleOutcome(CureStatus.DEAD, null, entry(pass, pc, context, reason));
    }

    private record Choice(HostPort node, String reason) {}

    private static Choice chooseFromLastTwo(
            CurePass pass, PartitionConfig pc, CureContext context, HostPort previousNode, HostPort recentNode) {
        String reason = "";
        DroppedReplica[] info = new DroppedReplica[2];
        HostPort[] nodes = {previousNode, recentNode};
        boolean ready = true;
        for (int i = 0; i < 2; i++) {
            HostPort node = nodes[i];
            if (!pass.alive(node)) {
                ready = false;
                reason = "the last dropped node(" + node + ") hasn't come back yet";
                continue;
            }
            Optional<DroppedReplica> entry = context.findDropped(node);
            if (entry.isPresent() && entry.get().collected()) {
                info[i] = entry.get();
            } else if (pass.nodes.isCollected(node)) {
                info[i] = new DroppedReplica(node, 0, DroppedReplica.NOT_COLLECTED, -1, -1);
            } else {
                ready = false;
                reason = "the last dropped node(" + node + ") is unavailable because "
                        + (entry.isEmpty()
                                ? "the node is not exist in dropped_nodes"
                                : "replica info has not been collected from the node");
            }
        }
        if (!ready) {
            return new Choice(null, reason);
        }
        DroppedReplica previous = info[0];
        DroppedReplica recent = info[1];
        if (!previous.collected() && !recent.collected()) {
            return new Choice(null, "no replica info collected from the last two drops");
        }
        int ballotGap = Long.compare(previous.ballot(), recent.ballot());
        int committedGap = Long.compare(previous.lastCommittedDecree(), recent.lastCommittedDecree());
        if (ballotGap * committedGap < 0) {
            return new Choice(
                    null, "for the last two drops, the node with larger ballot has smaller last committed decree");
        }
        long largerCommitted = Math.max(previous.lastCommittedDecree(), recent.lastCommittedDecree());
        long largerPrepared = Math.max(previous.lastPreparedDecree(), recent.lastPreparedDecree());
        if (largerPrepared < pc.lastCommittedDecree() || largerPrepared < largerCommitted) {
            return new Choice(
                    null,
                    "for the last two drops, larger_prepared_decree(" + largerPrepared
                            + "), last committed decree on meta(" + pc.lastCommittedDecree()
                            + "), larger_committed_decree(" + largerCommitted + ")");
        }
        HostPort chosen;
        if (ballotGap != 0) {
            chosen = ballotGap < 0 ? recent.node() : previous.node();
        } else if (committedGap != 0) {
            chosen = committedGap < 0 ? recent.node() : previous.node();
        } else {
            chosen = previous.lastPreparedDecree() > recent.lastPreparedDecree() ? previous.node() : recent.node();
        }
        return new Choice(chosen, "");
    }

    private static DddPartition entry(CurePass pass, PartitionConfig pc, CureContext context, String reason) {
        List<DddPartition.Node> dropped = new ArrayList<>();
        for (DroppedReplica d : context.dropped()) {
            boolean alive = pass.alive(d.node());
            boolean collected = alive && pass.nodes.isCollected(d.node());
            dropped.add(new DddPartition.Node(
                    d.node(),
                    d.timeMs(),
                    alive,
                    collected,
                    collected ? d.ballot() : -1,
                    collected ? d.lastCommittedDecree() : -1,
                    collected ? d.lastPreparedDecree() : -1));
        }
        return new DddPartition(pc, dropped, reason);
    }
}
