package io.enif.meta.guardian;

import static io.enif.meta.MetaFixtures.gpid;
import static io.enif.meta.MetaFixtures.pc;
import static io.enif.meta.MetaFixtures.r;
import static io.enif.meta.MetaFixtures.withDrops;
import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.Gpid;
import io.enif.meta.state.ClusterState;
import io.enif.meta.state.ConfigProposal;
import io.enif.meta.state.ConfigType;
import io.enif.meta.state.ConfigUpdate;
import io.enif.meta.state.PartitionConfig;
import io.enif.meta.state.TableInfo;
import io.enif.meta.state.TableState;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How the guardian's memory follows configuration changes and config syncs. */
@Timeout(10)
class BookkeepingTest {
    private static final Gpid G = gpid(1, 0);
    private static final GuardianConfig CONFIG = GuardianConfig.defaults();

    @Test
    void aRemovedNodeBecomesACandidateDroppedNow() {
        ConfigUpdate remove = ConfigUpdate.of(pc(G, r(1), r(2), r(3)), ConfigType.DOWNGRADE_TO_INACTIVE, r(3));
        GuardianBookkeeping book = GuardianBookkeeping.EMPTY.onConfigApplied(remove, 5_000, CONFIG);
        assertThat(book.context(G).dropped()).containsExactly(DroppedReplica.removedAt(r(3), 5_000));
        assertThat(book.context(G).preferredDropped()).isZero();
    }

    @Test
    void aNodeThatJoinsStopsBeingACandidate() {
        GuardianBookkeeping book = GuardianBookkeeping.EMPTY.onConfigApplied(
                ConfigUpdate.of(pc(G, r(1), r(2), r(3)), ConfigType.REMOVE, r(3)), 5_000, CONFIG);
        PartitionConfig afterRemove = withDrops(pc(G, r(1), r(2)), r(3));
        book = book.onConfigApplied(ConfigUpdate.of(afterRemove, ConfigType.UPGRADE_TO_SECONDARY, r(3)), 6_000, CONFIG);
        assertThat(book.context(G).dropped()).isEmpty();
        assertThat(book.contexts()).as("an empty context is not kept").isEmpty();
    }

    @Test
    void theCarriedOutProposalIsDoneAndItsInFlightCountReleased() {
        GuardianScenario scenario =
                new GuardianScenario().partitions(pc(G, r(1), r(2))).alive(r(1), r(2), r(3));
        GuardianBookkeeping book = scenario.cure().bookkeeping();
        assertThat(book.context(G).queued()).containsExactly(ConfigProposal.addSecondary(G, r(1), r(3)));
        assertThat(book.newly().of(r(3)).partitions(1)).isEqualTo(1);

        book = book.onConfigApplied(
                ConfigUpdate.of(pc(G, r(1), r(2)), ConfigType.UPGRADE_TO_SECONDARY, r(3)), 1, CONFIG);
        assertThat(book.context(G).queued()).isEmpty();
        assertThat(book.newly().of(r(3)).partitions(1)).isZero();
    }

    @Test
    void candidatesBeyondTheReservedCountAreForgottenOldestFirst() {
        // 3 members + candidates may not exceed max_replica_count (3) + max_reserved_dropped_replicas (1)
        PartitionConfig full = pc(G, r(1), r(2), r(3));
        CureContext context =
                CureContext.EMPTY.withDropRecorded(r(4), 1, full, 1).withDropRecorded(r(5), 2, full, 1);
        assertThat(context.dropped()).extracting(DroppedReplica::node).containsExactly(r(5));
        assertThat(CureContext.EMPTY.withDropRecorded(r(4), 1, full, 0).dropped())
                .isEmpty();
    }

    @Test
    void collectedReplicaInfoKeepsItsDropTimeAndSortsByData() {
        PartitionConfig pc = pc(G, r(1));
        CureContext context = CureContext.EMPTY
                .withDropRecorded(r(2), 1_000, pc, 1)
                .withDropRecorded(r(3), 2_000, pc, 1)
                .withReplicaCollected(new DroppedReplica(r(2), 99, 7, 100, 101), pc, 1);
        assertThat(context.findDropped(r(2))).contains(new DroppedReplica(r(2), 1_000, 7, 100, 101));
        assertThat(context.dropped()).extracting(DroppedReplica::node).containsExactly(r(2), r(3));

        // a node never dropped by the meta server has an unknown (oldest) drop time
        context = context.withReplicaCollected(new DroppedReplica(r(4), 99, 7, 90, 90), pc, 1);
        assertThat(context.dropped()).extracting(DroppedReplica::node).containsExactly(r(4), r(2), r(3));
        assertThat(context.findDropped(r(4)).orElseThrow().timeMs()).isEqualTo(DroppedReplica.UNKNOWN_TIME);
    }

    @Test
    void aNewLeaderSeedsCandidatesFromLastDrops() {
        PartitionConfig pc = withDrops(pc(G, r(1), r(2)), r(3));
        ClusterState state = ClusterState.of(new TableState(TableInfo.available(1, "t", 1, 3, 0), List.of(pc)));
        GuardianBookkeeping book = GuardianBookkeeping.seed(state, 42_000, CONFIG);
        assertThat(book.context(G).dropped()).containsExactly(DroppedReplica.removedAt(r(3), 42_000));
    }

    @Test
    void droppingATableRecordsEveryMember() {
        ConfigUpdate drop = ConfigUpdate.of(pc(G, r(1), r(2), r(3)), ConfigType.DROP_PARTITION, r(1));
        GuardianBookkeeping book = GuardianBookkeeping.EMPTY.onConfigApplied(drop, 7, CONFIG);
        assertThat(book.context(G).dropped()).extracting(DroppedReplica::node).containsExactly(r(2), r(3), r(1));
    }
}
