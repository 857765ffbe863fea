package io.enif.meta.guardian;

import static io.enif.meta.MetaFixtures.gpid;
import static io.enif.meta.MetaFixtures.pc;
import static io.enif.meta.MetaFixtures.r;
import static org.assertj.core.api.Assertions.assertThat;

import io.enif.meta.state.ConfigProposal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** spec/ops-tables.md §3.4.3 and spec/ops-cluster.md FD-13: add-secondary flow control. */
@Timeout(10)
class FlowControlTest {

    /**
     * Five partitions short of secondaries with no dropped history (an emergency): 1.0-1.2 run as r1 + r2, 1.3 and
     * 1.4 as r1 alone. r2 and r3 are dead, so r4 is the only node a secondary can go to.
     */
    private static GuardianScenario fiveShortPartitions() {
        return new GuardianScenario()
                .partitions(
                        pc(gpid(1, 0), r(1), r(2)),
                        pc(gpid(1, 1), r(1), r(2)),
                        pc(gpid(1, 2), r(1), r(2)),
                        pc(gpid(1, 3), r(1)),
                        pc(gpid(1, 4), r(1)))
                .alive(r(1), r(4))
                .dead(r(2), r(3));
    }

    @Test
    void withoutFlowControlEveryAddSecondaryIsSent() {
        CureResult result = fiveShortPartitions().cure();
        assertThat(result.proposals()).hasSize(5);
        assertThat(result.deferredByFlowControl()).isEmpty();
    }

    @Test
    void capLimitsProposalsPerTargetNodeAndServesPartitionsWithoutSecondariesFirst() {
        CureResult result = fiveShortPartitions()
                .config(GuardianConfig.defaults().withFlowControl(2))
                .cure();
        assertThat(result.proposals()).extracting(ConfigProposal::gpid).containsExactly(gpid(1, 3), gpid(1, 4));
        assertThat(result.proposals()).allMatch(p -> p.node().equals(r(4)));
        assertThat(result.deferredByFlowControl())
                .extracting(ConfigProposal::gpid)
                .containsExactly(gpid(1, 0), gpid(1, 1), gpid(1, 2));
    }

    @Test
    void deferredProposalsStayQueuedAndAreOfferedAgainNextPass() {
        GuardianScenario scenario =
                fiveShortPartitions().config(GuardianConfig.defaults().withFlowControl(2));
        CureResult first = scenario.cure();
        assertThat(first.bookkeeping().context(gpid(1, 0)).queued()).hasSize(1);
        CureResult second = scenario.book(first.bookkeeping()).cure();
        assertThat(second.proposals()).hasSize(2);
        assertThat(second.deferredByFlowControl()).hasSize(3);
    }

    @Test
    void capZeroStopsAllAddSecondaryWork() {
        CureResult result = fiveShortPartitions()
                .config(GuardianConfig.defaults().withFlowControl(0))
                .cure();
        assertThat(result.proposals()).isEmpty();
        assertThat(result.deferredByFlowControl()).hasSize(5);
    }

    @Test
    void capCountsPerNodeNotInTotal() {
        // two partitions short of one secondary, each with a different only-candidate
        CureResult result = new GuardianScenario()
                .partitions(pc(gpid(1, 0), r(1), r(2)), pc(gpid(1, 1), r(3), r(4)))
                .alive(r(1), r(2), r(3), r(4))
                .config(GuardianConfig.defaults().withFlowControl(1))
                .cure();
        assertThat(result.proposals()).hasSize(2);
        assertThat(result.proposals()).extracting(ConfigProposal::node).doesNotHaveDuplicates();
    }

    @Test
    void otherProposalsAreNeverHeldBack() {
        CureResult result = new GuardianScenario()
                .partitions(pc(gpid(1, 0), null, r(2), r(3)))
                .alive(r(2), r(3))
                .config(GuardianConfig.defaults().withFlowControl(0))
                .cure();
        assertThat(result.proposals()).containsExactly(ConfigProposal.upgradeToPrimary(gpid(1, 0), r(2)));
    }

    @Test
    void singlePartitionCureDefersAddSecondaryUnderFlowControl() {
        GuardianScenario scenario = new GuardianScenario()
                .partitions(pc(gpid(1, 0), r(1), r(2)))
                .alive(r(1), r(2), r(3))
                .config(GuardianConfig.defaults().withFlowControl(10));
        CureResult result = PartitionGuardian.curePartition(
                scenario.state(), scenario.nodes(), scenario.book(), scenario.config(), 0, gpid(1, 0));
        assertThat(result.proposals()).isEmpty();
        assertThat(result.deferredByFlowControl()).containsExactly(ConfigProposal.addSecondary(gpid(1, 0), r(1), r(3)));
        assertThat(result.bookkeeping().context(gpid(1, 0)).queued()).hasSize(1);
    }
}
