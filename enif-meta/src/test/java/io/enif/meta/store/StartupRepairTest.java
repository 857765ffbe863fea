package io.enif.meta.store;

import static io.enif.meta.MetaFixtures.r;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enif.common.Gpid;
import io.enif.meta.state.AppStatus;
import io.enif.meta.state.ConfigType;
import io.enif.meta.state.PartitionConfig;
import io.enif.meta.state.PartitionConfigChanges;
import io.enif.meta.state.TableInfo;
import io.enif.meta.state.TableState;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class StartupRepairTest {

    private final MemMetaStore store = new MemMetaStore();

    private TableState create(int appId, int partitions) {
        TableState table = TableState.created(TableInfo.available(appId, "t" + appId, partitions, 3, 100));
        store.write(LeaderFence.ofEpoch(store.epoch()), StoreBatch.createTable(table));
        return table;
    }

    @Test
    void aConsistentStoreNeedsNoRepair() {
        store.bumpEpoch();
        create(1, 2);

        StartupRepair.Plan plan = StartupRepair.plan(store.load());

        assertThat(plan.batch()).isEmpty();
        assertThat(plan.state()).isEqualTo(store.load().state());
    }

    @Test
    void anInterruptedDropIsFinished() {
        store.bumpEpoch();
        TableState table = create(1, 2);
        PartitionConfig p0 = PartitionConfigChanges.apply(table.partition(0), ConfigType.ASSIGN_PRIMARY, r(1));
        store.putRawPartition(p0.gpid(), p0);
        store.putRawTable(table.info().withStatus(AppStatus.AS_DROPPED));

        StartupRepair.Plan plan = StartupRepair.plan(store.load());

        PartitionConfig repaired = plan.state().partition(new Gpid(1, 0)).orElseThrow();
        assertThat(repaired.isDropped()).isTrue();
        assertThat(repaired.ballot()).isEqualTo(p0.ballot() + 1);
        assertThat(repaired.lastDrops()).containsExactly(r(1));
        assertThat(plan.state().partition(new Gpid(1, 1)).orElseThrow().isDropped())
                .isTrue();
        assertThat(plan.batch().orElseThrow().partitions()).hasSize(2);
    }

    @Test
    void anInterruptedRecallIsFinished() {
        store.bumpEpoch();
        TableState table = create(1, 1);
        PartitionConfig dropped = PartitionConfigChanges.apply(table.partition(0), ConfigType.DROP_PARTITION, r(1));
        store.putRawPartition(dropped.gpid(), dropped);

        StartupRepair.Plan plan = StartupRepair.plan(store.load());

        PartitionConfig repaired = plan.state().partition(new Gpid(1, 0)).orElseThrow();
        assertThat(repaired.isDropped()).isFalse();
        assertThat(repaired.ballot()).isEqualTo(dropped.ballot() + 1);
    }

    @Test
    void missingPartitionsAreCreatedAgainAndPersisted() {
        long epoch = store.bumpEpoch();
        create(1, 3);
        store.putRawPartition(new Gpid(1, 1), null);

        StartupRepair.Plan plan = StartupRepair.plan(store.load());
        store.write(LeaderFence.ofEpoch(epoch), plan.batch().orElseThrow());

        assertThat(plan.batch().orElseThrow().createdPartitions())
                .extracting(PartitionConfig::gpid)
                .containsExactly(new Gpid(1, 1));
        StoredCluster reloaded = store.load();
        assertThat(reloaded.missingPartitions()).isEmpty();
        assertThat(reloaded.state()).isEqualTo(plan.state());
    }

    @Test
    void aStagingStatusInTheStoreIsFatal() {
        store.bumpEpoch();
        TableState table = create(1, 1);
        store.putRawTable(table.info().withStatus(AppStatus.AS_CREATING));

        assertThatThrownBy(() -> StartupRepair.plan(store.load()))
                .isInstanceOfSatisfying(
                        MetaStoreException.class, e -> assertThat(e.kind()).isEqualTo(MetaStoreException.Kind.CORRUPT));
    }

    @Test
    void theMemStoreFencesOldEpochsAndCanBeUnavailable() {
        long first = store.bumpEpoch();
        create(1, 1);
        store.bumpEpoch();

        assertThatThrownBy(() -> store.write(
                        LeaderFence.ofEpoch(first),
                        StoreBatch.createTable(TableState.created(TableInfo.available(2, "x", 1, 3, 0)))))
                .isInstanceOfSatisfying(
                        MetaStoreException.class, e -> assertThat(e.fenced()).isTrue());
        store.setUnavailable(true);
        assertThatThrownBy(store::load)
                .isInstanceOfSatisfying(
                        MetaStoreException.class,
                        e -> assertThat(e.kind()).isEqualTo(MetaStoreException.Kind.UNAVAILABLE));
        store.setUnavailable(false);
        assertThat(store.load().state().allTables()).hasSize(1);
        assertThat(store.writes()).extracting(StoreWrite::zxid).containsExactly(1L);
        assertThat(List.copyOf(store.writes())).allMatch(w -> w.epoch() == first);
    }
}
