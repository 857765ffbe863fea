package io.enif.meta.guardian;

import static io.enif.meta.MetaFixtures.gpid;
import static io.enif.meta.MetaFixtures.pc;
import static io.enif.meta.MetaFixtures.r;
import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.Gpid;
import io.enif.meta.state.ConfigProposal;
import io.enif.meta.state.PartitionConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** spec/ops-recovery-and-architecture.md §6.13 rule 1 (FD-8, FD-10), DDD excluded. */
@Timeout(10)
class MissingPrimaryTest {
    private static final Gpid P0 = gpid(1, 0);
    private static final Gpid P1 = gpid(1, 1);
    private static final Gpid P2 = gpid(1, 2);

    @Test
    void newPartitionGetsAPrimaryOnTheNodeWithFewestPrimaries() {
        CureResult result = new GuardianScenario()
                .partitions(pc(P0, r(1), r(2), r(3)), PartitionConfig.empty(P1, 3))
                .alive(r(1), r(2), r(3))
                .cure();
        // r1 is already primary of 1.0; r2 and r3 tie, r2 comes first in address order
        assertThat(result.proposals()).containsExactly(ConfigProposal.assignPrimary(P1, r(2)));
        assertThat(result.status(P1)).isEqualTo(CureStatus.ILL);
        assertThat(result.status(P0)).isEqualTo(CureStatus.HEALTHY);
    }

    @Test
    void onePassSpreadsNewPrimariesOverTheNodes() {
        CureResult result = new GuardianScenario()
                .partitions(PartitionConfig.empty(P0, 3), PartitionConfig.empty(P1, 3), PartitionConfig.empty(P2, 3))
                .alive(r(1), r(2), r(3))
                .cure();
        assertThat(result.proposals()).extracting(ConfigProposal::node).containsExactlyInAnyOrder(r(1), r(2), r(3));
        assertThat(result.bookkeeping().newly().of(r(1)).primaries(1)).isEqualTo(1);
    }

    @Test
    void newPartitionWithNoLiveNodeWaits() {
        CureResult result = new GuardianScenario()
                .partitions(PartitionConfig.empty(P0, 3))
                .dead(r(1), r(2))
                .cure();
        assertThat(result.proposals()).isEmpty();
    }

    @Test
    void deadPrimaryIsReplacedByTheAliveSecondaryWithFewestPrimaries() {
        CureResult result = new GuardianScenario()
                .partitions(pc(P0, null, r(2), r(3)), pc(P1, r(2), r(3), r(4)))
                .alive(r(2), r(3), r(4))
                .dead(r(1))
                .cure();
        // r2 already leads 1.1, so r3 is promoted at once (no delay: a secondary holds every committed write)
        assertThat(result.proposals()).containsExactly(ConfigProposal.upgradeToPrimary(P0, r(3)));
    }

    @Test
    void deadSecondariesAreSkippedWhenChoosingTheNewPrimary() {
        CureResult result = new GuardianScenario()
                .partitions(pc(P0, null, r(2), r(3)))
                .alive(r(3))
                .dead(r(1), r(2))
                .cure();
        assertThat(result.proposals()).containsExactly(ConfigProposal.upgradeToPrimary(P0, r(3)));
    }

    @Test
    void noLiveMemberMeansNoProposal() {
        CureResult result = new GuardianScenario()
                .partitions(pc(P0, null, r(2), r(3)))
                .alive(r(4), r(5))
                .dead(r(1), r(2), r(3))
                .cure();
        assertThat(result.proposals()).isEmpty();
        assertThat(result.status(P0)).isEqualTo(CureStatus.DEAD);
        assertThat(result.dddPartitions())
                .as("a secondary will come back: not DDD")
                .isEmpty();
    }

    @Test
    void primariesPromotedInOnePassAreSpread() {
        // both partitions lost their primary r1; both have secondaries r2 and r3
        CureResult result = new GuardianScenario()
                .partitions(pc(P0, null, r(2), r(3)), pc(P1, null, r(2), r(3)))
                .alive(r(2), r(3))
                .dead(r(1))
                .cure();
        assertThat(result.proposals())
                .containsExactly(ConfigProposal.upgradeToPrimary(P0, r(2)), ConfigProposal.upgradeToPrimary(P1, r(3)));
    }
}
