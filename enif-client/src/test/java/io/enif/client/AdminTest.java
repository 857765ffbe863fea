package io.enif.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** createApp (waiting for health), isAppHealthy, dropApp and listApps against the fake meta server. */
@Timeout(60)
class AdminTest extends ClientTestBase {
    private static final String CREATE = "RPC_CM_CREATE_APP";
    private static final String QUERY_CFG = "RPC_CM_QUERY_PARTITION_CONFIG_BY_INDEX";

    @Test
    void createAppWaitsUntilEveryPartitionIsHealthy() {
        cluster.newTablesUnhealthyFor(2);
        int queriesBefore = cluster.meta(0).faults().count(QUERY_CFG);

        client.createApp("t_new", 2, 3, Map.of("default_ttl", "0"), 5000);

        assertThat(cluster.meta(0).faults().count(QUERY_CFG) - queriesBefore).isEqualTo(3);
        assertThat(client.isAppHealthy("t_new", 3)).isTrue();
        EnifTable created = client.openTable("t_new");
        created.set(b("h"), b("s"), b("v"), TIMEOUT);
        assertThat(s(created.get(b("h"), b("s"), TIMEOUT))).isEqualTo("v");
        assertThat(client.listApps()).extracting(TableInfo::name).contains("temp", "t_new");
    }

    @Test
    void createAppFailsWhenTheTableStaysUnhealthy() {
        cluster.newTablesUnhealthyFor(1000);

        assertThatThrownBy(() -> client.createApp("t_sick", 2, 3, Map.of(), 300))
                .isInstanceOf(EnifTimeoutException.class)
                .hasMessageContaining("table t_sick was created but is not healthy after 300 ms")
                .hasMessageContaining("0 of 2 partitions");
        assertThat(client.isAppHealthy("t_sick", 3)).isFalse();
        assertThat(client.isAppHealthy("t_sick", 1)).isTrue();
    }

    @Test
    void createAppOfAnExistingTable() {
        cluster.newTablesUnhealthyFor(0);
        client.createApp("temp", 8, 3, Map.of(), 2000);

        assertThatThrownBy(() -> client.createApp("temp", 8, 3, Map.of(), 2000, false))
                .isInstanceOf(EnifServerException.class)
                .hasMessageContaining("ERR_APP_EXIST");
    }

    @Test
    void createAppChecksItsArgumentsBeforeSending() {
        int before = cluster.meta(0).faults().count(CREATE);

        assertThatThrownBy(() -> client.createApp("bad name!", 4, 3, Map.of(), 1000))
                .isInstanceOf(EnifInvalidArgumentException.class)
                .hasMessageContaining("invalid table name 'bad name!'");
        assertThatThrownBy(() -> client.createApp("ok_name", 0, 3, Map.of(), 1000))
                .isInstanceOf(EnifInvalidArgumentException.class)
                .hasMessageContaining("must be >= 1");
        assertThat(cluster.meta(0).faults().count(CREATE)).isEqualTo(before);
    }

    @Test
    void dropAppHidesTheTableButListsItAsDropped() {
        cluster.newTablesUnhealthyFor(0);
        client.createApp("t_drop", 1, 1, Map.of(), 2000);

        client.dropApp("t_drop", 0);
        client.dropApp("never_existed", 0);

        assertThatThrownBy(() -> client.openTable("t_drop")).isInstanceOf(EnifTableNotFoundException.class);
        assertThatThrownBy(() -> client.isAppHealthy("t_drop", 1)).isInstanceOf(EnifTableNotFoundException.class);
        assertThat(client.listApps()).extracting(TableInfo::name).doesNotContain("t_drop");
        TableInfo dropped = client.listApps(false).stream()
                .filter(t -> t.name().equals("t_drop"))
                .findFirst()
                .orElseThrow();
        assertThat(dropped.status()).isEqualTo("AS_DROPPED");
        assertThat(dropped.dropSecond()).isPositive();
        assertThat(dropped.partitionCount()).isEqualTo(1);
    }
}
