package io.enif.meta.state;

import static io.enif.meta.MetaFixtures.gpid;
import static io.enif.meta.MetaFixtures.pc;
import static io.enif.meta.MetaFixtures.r;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ClusterStateTest {

    @Test
    void newTableHasEmptyPartitions() {
        TableState table = TableState.created(TableInfo.available(1, "temp", 8, 3, 1700000000));
        assertThat(table.partitions()).hasSize(8);
        assertThat(table.partition(5)).isEqualTo(PartitionConfig.empty(gpid(1, 5), 3));
        assertThat(table.partition(5).memberCount()).isZero();
    }

    @Test
    void replacingAPartitionLeavesTheOldStateUnchanged() {
        ClusterState before = ClusterState.of(TableState.created(TableInfo.available(1, "t", 2, 3, 0)));
        ClusterState after = before.withPartition(pc(gpid(1, 1), r(1), r(2)));
        assertThat(after.partition(gpid(1, 1)).orElseThrow().primary()).isEqualTo(r(1));
        assertThat(before.partition(gpid(1, 1)).orElseThrow().hasPrimary()).isFalse();
        assertThat(after.partitionsOf(r(2))).extracting(PartitionConfig::gpid).containsExactly(gpid(1, 1));
        assertThat(after.partition(gpid(1, 2))).isEmpty();
        assertThat(after.partition(gpid(9, 0))).isEmpty();
    }

    @Test
    void tableRefusesMisplacedPartitions() {
        TableInfo info = TableInfo.available(1, "t", 1, 3, 0);
        assertThatThrownBy(() -> new TableState(info, List.of(pc(gpid(2, 0), r(1)))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nodeStatesCountAndOrder() {
        NodeStates nodes = NodeStates.of(
                NodeState.aliveSince(r(3), 0), NodeState.deadSince(r(1), 5), NodeState.aliveSince(r(2), 0));
        assertThat(nodes.aliveNodes()).containsExactly(r(2), r(3));
        assertThat(nodes.aliveCount()).isEqualTo(2);
        assertThat(nodes.deadCount()).isEqualTo(1);
        assertThat(nodes.isAlive(r(9))).isFalse();
        assertThat(nodes.isCollected(r(2))).isFalse();
        assertThat(nodes.with(NodeState.aliveSince(r(2), 0).collected()).isCollected(r(2)))
                .isTrue();
    }

    @Test
    void stagingStatuses() {
        assertThat(AppStatus.AS_CREATING.isStaging()).isTrue();
        assertThat(AppStatus.AS_RECALLING.isStaging()).isTrue();
        assertThat(AppStatus.AS_AVAILABLE.isStaging()).isFalse();
        assertThat(AppStatus.fromValue(6)).isEqualTo(AppStatus.AS_DROPPED);
    }
}
