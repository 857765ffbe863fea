package io.enif.meta.guardian;

import static io.enif.meta.MetaFixtures.gpid;
import static io.enif.meta.MetaFixtures.r;
import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.HostPort;
import io.enif.meta.fd.FailureDetector;
import io.enif.meta.fd.FailureDetectorConfig;
import io.enif.meta.health.ClusterHealth;
import io.enif.meta.health.HealthConfig;
import io.enif.meta.health.TableHealth;
import io.enif.meta.state.ClusterState;
import io.enif.meta.state.ConfigProposal;
import io.enif.meta.state.ConfigType;
import io.enif.meta.state.ConfigUpdate;
import io.enif.meta.state.NodeState;
import io.enif.meta.state.NodeStates;
import io.enif.meta.state.PartitionConfig;
import io.enif.meta.state.TableInfo;
import io.enif.meta.state.TableState;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The pure pieces played together, as the meta server will drive them: a 4-partition table on r1..r3 with r4 spare;
 * r1 dies, its primaries move, the partitions wait for r1 within the assign delay, r1 comes back and is re-added
 * (FD-A1, FD-A2 of spec/ops-cluster.md §6.5 in miniature).
 */
@Timeout(10)
class FailoverStoryTest {
    private static final GuardianConfig CONFIG = GuardianConfig.defaults();
    private static final HostPort[] NODES = {r(1), r(2), r(3), r(4)};

    private ClusterState state;
    private GuardianBookkeeping book = GuardianBookkeeping.EMPTY;
    private final FailureDetector fd = new FailureDetector(FailureDetectorConfig.defaults());

    private NodeStates liveness() {
        NodeStates nodes = NodeStates.empty();
        for (HostPort node : NODES) {
            nodes = nodes.with(new NodeState(node, fd.isAlive(node), 0, true));
        }
        return nodes;
    }

    /** Persist-and-apply, as the meta server does once ZooKeeper acknowledged the write. */
    private void apply(ConfigUpdate update, long now) {
        state = state.withPartition(update.config());
        book = book.onConfigApplied(update, now, CONFIG);
    }

    /** The replica side of a proposal, done at once: learner caught up, primary took over, etc. */
    private void carryOut(ConfigProposal proposal, long now) {
        PartitionConfig pc = state.partition(proposal.gpid()).orElseThrow();
        ConfigType type =
                proposal.type() == ConfigType.ADD_SECONDARY ? ConfigType.UPGRADE_TO_SECONDARY : proposal.type();
        apply(ConfigUpdate.of(pc, type, proposal.node()), now);
    }

    private void beaconsFrom(long now, HostPort... nodes) {
        for (HostPort node : nodes) {
            fd.onBeacon(node, 0, now);
        }
    }

    @Test
    void killedNodeLosesItsPrimariesThenIsReAddedWhenItReturns() {
        TableInfo info = TableInfo.available(1, "temp", 4, 3, 0);
        TableState table = TableState.created(info);
        for (int i = 0; i < 4; i++) {
            HostPort primary = NODES[i % 3];
            table = table.withPartition(new PartitionConfig(
                    gpid(1, i), 3, 3, primary, List.of(NODES[(i + 1) % 3], NODES[(i + 2) % 3]), List.of(), 50, 0));
        }
        state = ClusterState.of(table);
        long now = 1_000_000;
        beaconsFrom(now, NODES);

        // r1 goes silent; the others keep beaconing until the grace period runs out
        for (; fd.isAlive(r(1)); now += 2_000) {
            long t = now;
            beaconsFrom(t, r(2), r(3), r(4));
            for (HostPort dead : fd.check(t).becameDead()) {
                NodeDeathPlan plan = NodeDeathPlanner.onNodeDead(state, book, dead);
                plan.updates().forEach(update -> apply(update, t));
                plan.proposals().forEach(proposal -> carryOut(proposal, t));
            }
        }
        assertThat(state.partitionsOf(r(1))).isEmpty();
        assertThat(state.partition(gpid(1, 0)).orElseThrow().hasPrimary()).isFalse();

        // cure promotes secondaries at once
        long failover = now;
        CureResult cure = PartitionGuardian.cure(state, liveness(), book, CONFIG, failover);
        book = cure.bookkeeping();
        assertThat(cure.proposals()).extracting(ConfigProposal::type).containsOnly(ConfigType.UPGRADE_TO_PRIMARY);
        cure.proposals().forEach(p -> carryOut(p, failover));
        TableHealth health =
                ClusterHealth.of(state, HealthConfig.defaults()).tables().get(0);
        assertThat(health.unhealthy()).isEqualTo(4);
        assertThat(health.writeUnhealthy()).isZero();
        assertThat(health.readUnhealthy()).isZero();

        // within the assign delay nothing is copied to the spare r4
        long later = failover + 60_000;
        beaconsFrom(later, r(2), r(3), r(4));
        cure = PartitionGuardian.cure(state, liveness(), book, CONFIG, later);
        book = cure.bookkeeping();
        assertThat(cure.proposals()).isEmpty();

        // r1 returns: every partition takes it back, none goes to r4
        beaconsFrom(later + 1, NODES);
        assertThat(fd.check(later + 2).becameAlive()).containsExactly(r(1));
        cure = PartitionGuardian.cure(state, liveness(), book, CONFIG, later + 2);
        book = cure.bookkeeping();
        assertThat(cure.proposals())
                .hasSize(4)
                .allMatch(p -> p.type() == ConfigType.ADD_SECONDARY && p.node().equals(r(1)));
        cure.proposals().forEach(p -> carryOut(p, later + 3));

        assertThat(ClusterHealth.of(state, HealthConfig.defaults()).isHealthy()).isTrue();
        CureResult settled = PartitionGuardian.cure(state, liveness(), book, CONFIG, later + 4);
        assertThat(settled.proposals()).isEmpty();
        assertThat(settled.allHealthy()).isTrue();
        assertThat(settled.bookkeeping().newly().counts())
                .as("nothing left in flight")
                .isEmpty();
    }
}
