package io.enif.meta.health;

import static io.enif.meta.MetaFixtures.gpid;
import static io.enif.meta.MetaFixtures.pc;
import static io.enif.meta.MetaFixtures.r;
import static org.assertj.core.api.Assertions.assertThat;

import io.enif.meta.state.AppStatus;
import io.enif.meta.state.ClusterState;
import io.enif.meta.state.TableInfo;
import io.enif.meta.state.TableState;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class TableHealthTest {

    /** One partition in each state: healthy, ill, primary alone, no primary, DDD. */
    private static TableState mixed() {
        TableInfo info = TableInfo.available(2, "mixed", 5, 3, 0);
        return new TableState(
                info,
                List.of(
                        pc(gpid(2, 0), r(1), r(2), r(3)),
                        pc(gpid(2, 1), r(1), r(2)),
                        pc(gpid(2, 2), r(1)),
                        pc(gpid(2, 3), null, r(2), r(3)),
                        pc(gpid(2, 4), null)));
    }

    @Test
    void countersAsLsDetailedPrintsThem() {
        TableHealth health = TableHealth.of(mixed(), HealthConfig.defaults());
        assertThat(health.partitionCount()).isEqualTo(5);
        assertThat(health.fullyHealthy()).isEqualTo(1);
        assertThat(health.unhealthy()).isEqualTo(4);
        assertThat(health.writeUnhealthy()).isEqualTo(3);
        assertThat(health.readUnhealthy()).isEqualTo(2);
        assertThat(health.writableIll()).isEqualTo(1);
        assertThat(health.unwritable()).isEqualTo(1);
        assertThat(health.unreadable()).isEqualTo(1);
        assertThat(health.dead()).isEqualTo(1);
        assertThat(health.isHealthy()).isFalse();
    }

    /** spec/ops-cluster.md §6.5 FD-A1: one of three nodes killed, every primary moved; 8 unhealthy, 0 write/read. */
    @Test
    void afterFailoverEveryPartitionIsIllButWritable() {
        TableInfo info = TableInfo.available(1, "temp", 8, 3, 0);
        TableState temp = TableState.created(info);
        for (int i = 0; i < 8; i++) {
            temp = temp.withPartition(pc(gpid(1, i), r(2 + i % 2), r(3 - i % 2)));
        }
        TableHealth health = TableHealth.of(temp, HealthConfig.defaults());
        assertThat(health.unhealthy()).isEqualTo(8);
        assertThat(health.writeUnhealthy()).isZero();
        assertThat(health.readUnhealthy()).isZero();
    }

    @Test
    void clusterSummaryCountsAvailableTablesOnly() {
        TableState healthy = TableState.created(TableInfo.available(1, "ok", 1, 3, 0))
                .withPartition(pc(gpid(1, 0), r(1), r(2), r(3)));
        TableState dropped = new TableState(
                TableInfo.available(3, "gone", 1, 3, 0).withStatus(AppStatus.AS_DROPPED),
                List.of(pc(gpid(3, 0), null)));
        ClusterHealth cluster = ClusterHealth.of(ClusterState.of(healthy, mixed(), dropped), HealthConfig.defaults());
        assertThat(cluster.tables()).extracting(TableHealth::appName).containsExactly("ok", "mixed");
        assertThat(cluster.totalAppCount()).isEqualTo(2);
        assertThat(cluster.fullyHealthyAppCount()).isEqualTo(1);
        assertThat(cluster.unhealthyAppCount()).isEqualTo(1);
        assertThat(cluster.writeUnhealthyAppCount()).isEqualTo(1);
        assertThat(cluster.readUnhealthyAppCount()).isEqualTo(1);
        assertThat(cluster.isHealthy()).isFalse();
        assertThat(ClusterHealth.of(ClusterState.of(healthy), HealthConfig.defaults())
                        .isHealthy())
                .isTrue();
    }
}
