package io.enif.meta.guardian;

import static io.enif.meta.MetaFixtures.gpid;
import static io.enif.meta.MetaFixtures.pc;
import static io.enif.meta.MetaFixtures.r;
import static org.assertj.core.api.Assertions.assertThat;

import io.enif.meta.state.ConfigProposal;
import io.enif.meta.state.ConfigType;
import io.enif.meta.state.ConfigUpdate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** spec/ops-recovery-and-architecture.md §6.5 (a)(b)(c), FD-5. */
@Timeout(10)
class NodeDeathPlannerTest {

    @Test
    void primariesAreDowngradedByMetaSecondariesThroughTheirPrimary() {
        GuardianScenario scenario = new GuardianScenario()
                .partitions(
                        pc(gpid(1, 0), r(1), r(2), r(3)), // r1 primary
                        pc(gpid(1, 1), r(2), r(1), r(3)), // r1 secondary, primary r2
                        pc(gpid(1, 2), null, r(1), r(3)), // r1 secondary, no primary
                        pc(gpid(1, 3), r(2), r(3))); // r1 not a member
        NodeDeathPlan plan = NodeDeathPlanner.onNodeDead(scenario.state(), GuardianBookkeeping.EMPTY, r(1));

        assertThat(plan.updates()).hasSize(1);
        ConfigUpdate update = plan.updates().get(0);
        assertThat(update.type()).isEqualTo(ConfigType.DOWNGRADE_TO_INACTIVE);
        assertThat(update.config().gpid()).isEqualTo(gpid(1, 0));
        assertThat(update.config().hasPrimary()).isFalse();
        assertThat(update.config().secondaries()).containsExactly(r(2), r(3));
        assertThat(update.config().lastDrops()).containsExactly(r(1));
        assertThat(update.config().ballot()).isEqualTo(6);

        assertThat(plan.proposals()).containsExactly(ConfigProposal.downgradeToInactive(gpid(1, 1), r(2), r(1)));
    }

    @Test
    void secondaryOfAPartitionBeingWrittenIsLeftForLater() {
        GuardianScenario scenario = new GuardianScenario().partitions(pc(gpid(1, 0), r(2), r(1)));
        GuardianBookkeeping pending = GuardianBookkeeping.EMPTY.withPendingRemoteSync(gpid(1, 0), true);
        assertThat(NodeDeathPlanner.onNodeDead(scenario.state(), pending, r(1)).proposals())
                .isEmpty();
        // a dead primary is downgraded even then
        assertThat(NodeDeathPlanner.onNodeDead(scenario.state(), pending, r(2)).updates())
                .hasSize(1);
    }
}
