package io.enif.meta.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.error.ErrorCode;
import io.enif.meta.state.AppStatus;
import io.enif.meta.state.PartitionConfig;
import io.enif.proto.admin.configuration_drop_app_request;
import io.enif.proto.admin.configuration_list_apps_request;
import io.enif.proto.admin.configuration_list_apps_response;
import io.enif.proto.admin.configuration_recall_app_request;
import io.enif.proto.admin.configuration_recall_app_response;
import io.enif.proto.admin.drop_app_options;
import io.enif.proto.admin.query_cfg_request;
import io.enif.proto.layer2.app_info;
import io.enif.proto.layer2.app_status;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class DropRecallTest {

    private MetaFixture meta;

    @BeforeEach
    void setUp() {
        meta = new MetaFixture();
        meta.elect();
        meta.create("temp", 4, 3);
    }

    private ErrorCode drop(String name, boolean successIfNotExist, long reserveSeconds) {
        drop_app_options options = new drop_app_options();
        options.setSuccess_if_not_exist(successIfNotExist);
        if (reserveSeconds > 0) {
            options.setReserve_seconds(reserveSeconds);
        }
        return meta.tables
                .dropApp(new configuration_drop_app_request(name, options))
                .getErr()
                .code();
    }

    private configuration_recall_app_response recall(int appId, String newName) {
        return meta.tables.recallApp(new configuration_recall_app_request(appId, newName));
    }

    private List<app_info> list(app_status status) {
        configuration_list_apps_request request = new configuration_list_apps_request();
        request.setStatus(status);
        configuration_list_apps_response response = meta.queries.listApps(request);
        assertThat(response.getErr().code()).isEqualTo(ErrorCode.ERR_OK);
        return response.getInfos();
    }

    private ErrorCode queryCfg(String name) {
        return meta.queries
                .queryConfig(new query_cfg_request(name, List.of()))
                .getErr()
                .code();
    }

    @Test
    void aDroppedTableLeavesQueryCfgButStaysListedAsDropped() {
        assertThat(drop("temp", false, 0)).isEqualTo(ErrorCode.ERR_OK);

        assertThat(queryCfg("temp")).isEqualTo(ErrorCode.ERR_OBJECT_NOT_FOUND);
        assertThat(list(app_status.AS_AVAILABLE)).isEmpty();
        List<app_info> all = list(app_status.AS_INVALID);
        assertThat(all).hasSize(1);
        assertThat(all.get(0).getStatus()).isEqualTo(app_status.AS_DROPPED);
        assertThat(all.get(0).getExpire_second() - all.get(0).getDrop_second()).isEqualTo(604_800);
        assertThat(meta.store.load().state().table(1).orElseThrow().partitions())
                .allMatch(PartitionConfig::isDropped);
    }

    @Test
    void droppingAMissingTableDependsOnSuccessIfNotExist() {
        assertThat(drop("nope", true, 0)).isEqualTo(ErrorCode.ERR_OK);
        assertThat(drop("nope", false, 0)).isEqualTo(ErrorCode.ERR_APP_NOT_EXIST);
        drop("temp", false, 0);
        assertThat(drop("temp", false, 0)).isEqualTo(ErrorCode.ERR_APP_NOT_EXIST);
    }

    @Test
    void recallBringsTheTableBackWithItsId() {
        drop("temp", false, 0);

        configuration_recall_app_response response = recall(1, "");

        assertThat(response.getErr().code()).isEqualTo(ErrorCode.ERR_OK);
        assertThat(response.getInfo().getApp_name()).isEqualTo("temp");
        assertThat(response.getInfo().getStatus()).isEqualTo(app_status.AS_AVAILABLE);
        assertThat(queryCfg("temp")).isEqualTo(ErrorCode.ERR_OK);
        assertThat(meta.store.load().state().table(1).orElseThrow().info().status())
                .isEqualTo(AppStatus.AS_AVAILABLE);
        assertThat(meta.store.load().state().table(1).orElseThrow().partitions())
                .noneMatch(PartitionConfig::isDropped);
    }

    @Test
    void recallUnderANewName() {
        drop("temp", false, 0);
        meta.create("temp", 8, 3);

        assertThat(recall(1, "temp").getErr().code()).isEqualTo(ErrorCode.ERR_INVALID_PARAMETERS);
        assertThat(recall(1, "temp_old").getErr().code()).isEqualTo(ErrorCode.ERR_OK);
        assertThat(queryCfg("temp_old")).isEqualTo(ErrorCode.ERR_OK);
    }

    @Test
    void recallErrors() {
        assertThat(recall(1, "").getErr().code()).isEqualTo(ErrorCode.ERR_APP_EXIST);
        assertThat(recall(9, "").getErr().code()).isEqualTo(ErrorCode.ERR_APP_NOT_EXIST);
        drop("temp", false, 60);
        meta.clock.advanceMs(61_000);
        int writes = meta.store.writes().size();

        assertThat(recall(1, "").getErr().code()).isEqualTo(ErrorCode.ERR_APP_NOT_EXIST);
        assertThat(meta.store.writes()).hasSize(writes);
        assertThat(list(app_status.AS_INVALID)).isEmpty();
    }

    @Test
    void appIdsAreNeverReused() {
        drop("temp", false, 1);
        meta.clock.advanceMs(5_000);

        assertThat(meta.create("temp", 4, 3).getAppid()).isEqualTo(2);
        meta.elect();
        assertThat(meta.create("other", 4, 3).getAppid()).isEqualTo(3);
    }
}
