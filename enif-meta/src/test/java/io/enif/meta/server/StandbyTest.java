package io.enif.meta.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.error.ErrorCode;
import io.enif.proto.admin.configuration_cluster_info_request;
import io.enif.proto.admin.configuration_list_apps_request;
import io.enif.proto.admin.query_cfg_request;
import io.enif.proto.admin.query_cfg_response;
import io.enif.proto.fd.beacon_ack;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class StandbyTest {

    @Test
    void aStandbyForwardsQueryCfgToTheLeader() {
        MetaFixture meta = new MetaFixture();
        meta.election.otherLeader = MetaFixture.OTHER_META;

        query_cfg_response response = meta.queries.queryConfig(new query_cfg_request("temp", List.of()));

        assertThat(response.getErr().code()).isEqualTo(ErrorCode.ERR_FORWARD_TO_OTHERS);
        assertThat(response.getPartitions()).hasSize(1);
        assertThat(response.getPartitions().get(0).getPrimary().toHostPort()).isEqualTo(MetaFixture.OTHER_META);
        assertThat(response.getPartitions().get(0).getHp_primary().toHostPort()).isEqualTo(MetaFixture.OTHER_META);
        assertThat(meta.queries
                        .listApps(new configuration_list_apps_request())
                        .getErr()
                        .code())
                .isEqualTo(ErrorCode.ERR_FORWARD_TO_OTHERS);
        assertThat(meta.create("t", 4, 3).getErr().code()).isEqualTo(ErrorCode.ERR_FORWARD_TO_OTHERS);
    }

    @Test
    void aStandbyThatKnowsNoLeaderForwardsWithoutAHint() {
        MetaFixture meta = new MetaFixture();

        query_cfg_response response = meta.queries.queryConfig(new query_cfg_request("temp", List.of()));

        assertThat(response.getErr().code()).isEqualTo(ErrorCode.ERR_FORWARD_TO_OTHERS);
        assertThat(response.getPartitions()).isEmpty();
    }

    @Test
    void aStandbyDoesNotAckBeaconsAsMaster() {
        MetaFixture meta = new MetaFixture();
        meta.election.otherLeader = MetaFixture.OTHER_META;

        beacon_ack ack = meta.beacon(new io.enif.common.HostPort("127.0.0.1", 34801));

        assertThat(ack.isIs_master()).isFalse();
        assertThat(ack.getPrimary_node().toHostPort()).isEqualTo(MetaFixture.OTHER_META);
    }

    @Test
    void anElectedServerStillLoadingIsNotActive() {
        MetaFixture meta = new MetaFixture();
        meta.election.fence = io.enif.meta.store.LeaderFence.ofEpoch(meta.store.bumpEpoch());

        assertThat(meta.queries
                        .clusterInfo(new configuration_cluster_info_request())
                        .getErr()
                        .code())
                .isEqualTo(ErrorCode.ERR_SERVICE_NOT_ACTIVE);
    }

    @Test
    void aLeaderWhoseLeaseRanOutStopsAnsweringAsLeader() {
        MetaFixture meta = new MetaFixture();
        meta.elect();
        meta.create("temp", 4, 3);
        assertThat(meta.beacon(new io.enif.common.HostPort("127.0.0.1", 34801)).isIs_master())
                .isTrue();

        meta.election.leaseValid = false;

        assertThat(meta.queries
                        .queryConfig(new query_cfg_request("temp", List.of()))
                        .getErr()
                        .code())
                .isEqualTo(ErrorCode.ERR_FORWARD_TO_OTHERS);
        assertThat(meta.beacon(new io.enif.common.HostPort("127.0.0.1", 34801)).isIs_master())
                .isFalse();
        meta.election.leaseValid = true;
        assertThat(meta.queries
                        .queryConfig(new query_cfg_request("temp", List.of()))
                        .getErr()
                        .code())
                .isEqualTo(ErrorCode.ERR_OK);
    }

    @Test
    void aFencedWriteDeposesTheLeaderAndChangesNothing() {
        MetaFixture meta = new MetaFixture();
        meta.elect();
        meta.store.bumpEpoch();

        assertThat(meta.create("t", 4, 3).getErr().code()).isEqualTo(ErrorCode.ERR_FORWARD_TO_OTHERS);
        assertThat(meta.leader()).isEmpty();
        assertThat(meta.election.resignations).hasSize(1);
        assertThat(meta.store.load().state().allTables()).isEmpty();
    }

    @Test
    void anUnavailableStoreFailsTheRequestAndKeepsTheLeader() {
        MetaFixture meta = new MetaFixture();
        meta.elect();
        meta.store.setUnavailable(true);

        assertThat(meta.create("t", 4, 3).getErr().code()).isEqualTo(ErrorCode.ERR_ZOOKEEPER_OPERATION);
        meta.store.setUnavailable(false);
        assertThat(meta.leader()).isPresent();
        assertThat(meta.create("t", 4, 3).getErr().code()).isEqualTo(ErrorCode.ERR_OK);
        assertThat(meta.create("t2", 4, 3).getAppid()).isEqualTo(2);
    }
}
