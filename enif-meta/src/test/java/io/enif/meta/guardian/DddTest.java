package io.enif.meta.guardian;

import static io.enif.meta.MetaFixtures.gpid;
import static io.enif.meta.MetaFixtures.pc;
import static io.enif.meta.MetaFixtures.r;
import static io.enif.meta.MetaFixtures.withDrops;
import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.Gpid;
import io.enif.meta.state.ConfigProposal;
import io.enif.meta.state.PartitionConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Partitions with no member left (spec/ops-recovery-and-architecture.md §3.3-2, §6.13; DESIGN §10: never pick a
 * primary that could lose committed data). The meta server knows committed decree 100 for the partition.
 */
@Timeout(10)
class DddTest {
    private static final Gpid G = gpid(1, 0);
    /** No members; r1, r2, r3 dropped in that order (r3 the latest). */
    private static final PartitionConfig DDD = withDrops(pc(G, null), r(1), r(2), r(3));

    private static DroppedReplica info(int node, long ballot, long committed, long prepared) {
        return new DroppedReplica(r(node), 1_000 * node, ballot, committed, prepared);
    }

    @Test
    void allDeadWaitsAndListsThePartitionForDddDiagnose() {
        CureResult result = new GuardianScenario()
                .partitions(DDD)
                .dropped(G, r(1), 1_000)
                .dropped(G, r(2), 2_000)
                .dropped(G, r(3), 3_000)
                .alive(r(4))
                .dead(r(1), r(2), r(3))
                .cure();
        assertThat(result.proposals()).isEmpty();
        assertThat(result.status(G)).isEqualTo(CureStatus.DEAD);
        assertThat(result.dddPartitions()).hasSize(1);
        DddPartition ddd = result.dddPartitions().get(0);
        assertThat(ddd.reason()).isEqualTo("the last dropped node(" + r(3) + ") hasn't come back yet");
        assertThat(ddd.dropped()).extracting(DddPartition.Node::node).containsExactly(r(1), r(2), r(3));
        assertThat(ddd.dropped()).allMatch(n -> !n.alive() && n.ballot() == -1);
    }

    /** DDD-2: the last two drops come back with their replicas; the one with more committed data leads. */
    @Test
    void lastTwoBackAndCollectedTheMostUpToDateBecomesPrimary() {
        CureResult result = new GuardianScenario()
                .partitions(DDD)
                .dropped(G, info(2, 7, 98, 101))
                .dropped(G, info(3, 7, 100, 102))
                .alive(r(2), r(3))
                .dead(r(1))
                .cure();
        assertThat(result.proposals()).containsExactly(ConfigProposal.assignPrimary(G, r(3)));
        assertThat(result.dddPartitions()).isEmpty();
    }

    @Test
    void largerBallotWinsThenCommittedThenPrepared() {
        GuardianScenario higherBallotOlder = new GuardianScenario()
                .partitions(DDD)
                .dropped(G, info(2, 8, 100, 101))
                .dropped(G, info(3, 7, 100, 101))
                .alive(r(2), r(3));
        assertThat(higherBallotOlder.cure().proposals()).containsExactly(ConfigProposal.assignPrimary(G, r(2)));

        GuardianScenario morePrepared = new GuardianScenario()
                .partitions(DDD)
                .dropped(G, info(2, 7, 100, 105))
                .dropped(G, info(3, 7, 100, 101))
                .alive(r(2), r(3));
        assertThat(morePrepared.cure().proposals()).containsExactly(ConfigProposal.assignPrimary(G, r(2)));

        GuardianScenario allEqual = new GuardianScenario()
                .partitions(DDD)
                .dropped(G, info(2, 7, 100, 101))
                .dropped(G, info(3, 7, 100, 101))
                .alive(r(2), r(3));
        assertThat(allEqual.cure().proposals())
                .as("ties go to the latest dropped")
                .containsExactly(ConfigProposal.assignPrimary(G, r(3)));
    }

    /** DDD-3: one of the last two never comes back; no automatic choice. */
    @Test
    void oneOfTheLastTwoMissingWaits() {
        CureResult result = new GuardianScenario()
                .partitions(DDD)
                .dropped(G, info(2, 7, 100, 101))
                .alive(r(1), r(2))
                .dead(r(3))
                .cure();
        assertThat(result.proposals()).isEmpty();
        assertThat(result.dddPartitions().get(0).reason())
                .isEqualTo("the last dropped node(" + r(3) + ") hasn't come back yet");
    }

    @Test
    void largerBallotWithSmallerCommittedDecreeIsRefused() {
        CureResult result = new GuardianScenario()
                .partitions(DDD)
                .dropped(G, info(2, 8, 99, 101))
                .dropped(G, info(3, 7, 100, 101))
                .alive(r(2), r(3))
                .cure();
        assertThat(result.proposals()).isEmpty();
        assertThat(result.dddPartitions().get(0).reason()).contains("larger ballot has smaller last committed decree");
    }

    @Test
    void preparedDecreeBehindTheMetaCommittedDecreeIsRefused() {
        CureResult result = new GuardianScenario()
                .partitions(DDD)
                .dropped(G, info(2, 7, 90, 95))
                .dropped(G, info(3, 7, 92, 99))
                .alive(r(2), r(3))
                .cure();
        assertThat(result.proposals()).isEmpty();
        assertThat(result.dddPartitions().get(0).reason())
                .isEqualTo("for the last two drops, larger_prepared_decree(99), last committed decree on meta(100),"
                        + " larger_committed_decree(92)");
    }

    @Test
    void aliveButNotCollectedWaitsForConfigSync() {
        CureResult result = new GuardianScenario()
                .partitions(DDD)
                .dropped(G, r(2), 2_000)
                .dropped(G, r(3), 3_000)
                .aliveNotCollected(r(2), r(3))
                .cure();
        assertThat(result.proposals()).isEmpty();
        DddPartition ddd = result.dddPartitions().get(0);
        assertThat(ddd.reason())
                .isEqualTo("the last dropped node(" + r(3)
                        + ") is unavailable because replica info has not been collected from the node");
        assertThat(ddd.dropped()).allMatch(n -> n.alive() && !n.collected());
    }

    @Test
    void aCandidateUnknownToTheGuardianIsReportedAsSuch() {
        CureResult result = new GuardianScenario()
                .partitions(DDD)
                .dropped(G, info(2, 7, 100, 101))
                .aliveNotCollected(r(2), r(3))
                .cure();
        assertThat(result.dddPartitions().get(0).reason())
                .endsWith("is unavailable because the node is not exist in dropped_nodes");
    }

    @Test
    void aNodeThatCameBackWithoutTheReplicaLeavesTheOtherOne() {
        // r3 reported its replicas and has none of 1.0: it counts as ballot -1, so r2 (with the data) is chosen
        CureResult result = new GuardianScenario()
                .partitions(DDD)
                .dropped(G, info(2, 7, 100, 101))
                .alive(r(2), r(3))
                .cure();
        assertThat(result.proposals()).containsExactly(ConfigProposal.assignPrimary(G, r(2)));
    }

    @Test
    void neitherOfTheLastTwoHasTheReplica() {
        CureResult result =
                new GuardianScenario().partitions(DDD).alive(r(2), r(3)).cure();
        assertThat(result.proposals()).isEmpty();
        assertThat(result.dddPartitions().get(0).reason())
                .isEqualTo("no replica info collected from the last two drops");
    }

    @Test
    void aSingleDroppedNodeIsTheOnlyHolderAndLeadsOnceBack() {
        PartitionConfig single = withDrops(pc(G, null), r(1));
        GuardianScenario down =
                new GuardianScenario().partitions(single).alive(r(2)).dead(r(1));
        CureResult waiting = down.cure();
        assertThat(waiting.proposals()).isEmpty();
        assertThat(waiting.dddPartitions().get(0).reason()).contains("waiting for it to come back");

        CureResult back =
                new GuardianScenario().partitions(single).alive(r(1), r(2)).cure();
        assertThat(back.proposals()).containsExactly(ConfigProposal.assignPrimary(G, r(1)));
    }
}
