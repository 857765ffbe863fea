package io.enif.meta.guardian;

import static io.enif.meta.MetaFixtures.gpid;
import static io.enif.meta.MetaFixtures.pc;
import static io.enif.meta.MetaFixtures.r;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enif.common.Gpid;
import io.enif.meta.state.AppStatus;
import io.enif.meta.state.ClusterState;
import io.enif.meta.state.ConfigProposal;
import io.enif.meta.state.PartitionConfig;
import io.enif.meta.state.TableInfo;
import io.enif.meta.state.TableState;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** §6.13 rule 3, queued proposals, skipped partitions and tables. */
@Timeout(10)
class RedundantAndQueuedTest {
    private static final Gpid G = gpid(1, 0);

    @Test
    void healthyPartitionNeedsNothing() {
        CureResult result = new GuardianScenario()
                .partitions(pc(G, r(1), r(2), r(3)))
                .alive(r(1), r(2), r(3))
                .cure();
        assertThat(result.proposals()).isEmpty();
        assertThat(result.status(G)).isEqualTo(CureStatus.HEALTHY);
        assertThat(result.allHealthy()).isTrue();
    }

    @Test
    void extraReplicaIsRemovedFromTheMostLoadedNode() {
        // 1.0 has four members for three wanted; r3 also hosts 1.1, so it is the most loaded secondary
        CureResult result = new GuardianScenario()
                .partitions(pc(G, r(1), r(2), r(3), r(4)), pc(gpid(1, 1), r(5), r(3)))
                .alive(r(1), r(2), r(3), r(4), r(5))
                .cure();
        assertThat(result.proposals()).contains(ConfigProposal.remove(G, r(1), r(3)));
        assertThat(result.bookkeeping().context(G).queuedFromBalancer()).isTrue();
    }

    @Test
    void extraReplicaAfterLoweringTheReplicaCount() {
        PartitionConfig lowered = pc(G, r(1), r(2), r(3)).withMaxReplicaCount(2);
        CureResult result = new GuardianScenario()
                .partitions(lowered)
                .alive(r(1), r(2), r(3))
                .cure();
        assertThat(result.proposals()).containsExactly(ConfigProposal.remove(G, r(1), r(2)));
    }

    @Test
    void aValidQueuedProposalIsSentAgain() {
        GuardianScenario scenario =
                new GuardianScenario().partitions(pc(G, r(1), r(2))).alive(r(1), r(2), r(3));
        CureResult first = scenario.cure();
        ConfigProposal proposal = ConfigProposal.addSecondary(G, r(1), r(3));
        assertThat(first.proposals()).containsExactly(proposal);
        CureResult again = scenario.book(first.bookkeeping()).cure();
        assertThat(again.proposals()).containsExactly(proposal);
        assertThat(again.bookkeeping().newly().of(r(3)).partitions(1))
                .as("a re-sent proposal is not counted twice")
                .isEqualTo(1);
    }

    @Test
    void aQueuedProposalWhoseNodeDiedIsDiscardedAndThePartitionJudgedAgain() {
        GuardianScenario scenario =
                new GuardianScenario().partitions(pc(G, r(1), r(2))).alive(r(1), r(2), r(3), r(4));
        CureResult first = scenario.cure();
        assertThat(first.proposals()).containsExactly(ConfigProposal.addSecondary(G, r(1), r(3)));

        CureResult next = new GuardianScenario()
                .partitions(pc(G, r(1), r(2)))
                .alive(r(1), r(2), r(4))
                .dead(r(3))
                .book(first.bookkeeping())
                .cure();
        assertThat(next.proposals()).containsExactly(ConfigProposal.addSecondary(G, r(1), r(4)));
        assertThat(next.bookkeeping().newly().of(r(3)).partitions(1)).isZero();
        assertThat(next.bookkeeping().newly().of(r(4)).partitions(1)).isEqualTo(1);
    }

    @Test
    void aManualProposalIsValidatedAndSentByTheNextPass() {
        GuardianBookkeeping book =
                GuardianBookkeeping.EMPTY.withProposalsRegistered(G, List.of(ConfigProposal.assignPrimary(G, r(2))));
        CureResult result = new GuardianScenario()
                .partitions(PartitionConfig.empty(G, 3))
                .alive(r(1), r(2))
                .book(book)
                .cure();
        assertThat(result.proposals()).containsExactly(ConfigProposal.assignPrimary(G, r(2)));
        assertThatThrownBy(() ->
                        result.bookkeeping().withProposalsRegistered(G, List.of(ConfigProposal.assignPrimary(G, r(1)))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already has queued proposals");
    }

    @Test
    void clearingQueuedProposalsForgetsTheirInFlightCounts() {
        CureResult result = new GuardianScenario()
                .partitions(pc(G, r(1), r(2)))
                .alive(r(1), r(2), r(3))
                .cure();
        GuardianBookkeeping cleared = result.bookkeeping().withoutQueuedProposals();
        assertThat(cleared.context(G).queued()).isEmpty();
        assertThat(cleared.newly().of(r(3)).partitions(1)).isZero();
    }

    @Test
    void partitionWithAZooKeeperWriteInFlightIsSkipped() {
        CureResult result = new GuardianScenario()
                .partitions(pc(G, r(1), r(2)))
                .alive(r(1), r(2), r(3))
                .book(GuardianBookkeeping.EMPTY.withPendingRemoteSync(G, true))
                .cure();
        assertThat(result.proposals()).isEmpty();
        assertThat(result.status(G)).isEqualTo(CureStatus.SKIPPED);
        assertThat(result.allHealthy()).isFalse();
        assertThat(result.bookkeeping().pendingRemoteSync()).containsExactly(G);
    }

    @Test
    void unregisteredSplitChildIsSkipped() {
        PartitionConfig child =
                new PartitionConfig(gpid(1, 1), PartitionConfig.INVALID_BALLOT, 3, null, List.of(), List.of(), 0, 0);
        CureResult result = new GuardianScenario()
                .partitions(pc(G, r(1), r(2), r(3)), child)
                .alive(r(1), r(2), r(3))
                .cure();
        assertThat(result.proposals()).isEmpty();
        assertThat(result.status(gpid(1, 1))).isEqualTo(CureStatus.SKIPPED);
    }

    @Test
    void creatingAndDroppingTablesAreLeftAlone() {
        for (AppStatus status : new AppStatus[] {AppStatus.AS_CREATING, AppStatus.AS_DROPPING, AppStatus.AS_DROPPED}) {
            TableState table =
                    TableState.created(TableInfo.available(1, "t", 1, 3, 0).withStatus(status));
            CureResult result = PartitionGuardian.cure(
                    ClusterState.of(table),
                    new GuardianScenario().alive(r(1)).nodes(),
                    GuardianBookkeeping.EMPTY,
                    GuardianConfig.defaults(),
                    0);
            assertThat(result.proposals()).as(status.name()).isEmpty();
            assertThat(result.statuses()).isEmpty();
        }
    }
}
