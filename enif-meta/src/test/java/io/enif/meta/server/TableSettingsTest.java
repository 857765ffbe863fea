package io.enif.meta.server;

import static io.enif.meta.MetaFixtures.r;
import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.error.ErrorCode;
import io.enif.proto.admin.app_env_operation;
import io.enif.proto.admin.configuration_cluster_info_request;
import io.enif.proto.admin.configuration_cluster_info_response;
import io.enif.proto.admin.configuration_get_max_replica_count_request;
import io.enif.proto.admin.configuration_list_nodes_request;
import io.enif.proto.admin.configuration_list_nodes_response;
import io.enif.proto.admin.configuration_meta_control_request;
import io.enif.proto.admin.configuration_meta_control_response;
import io.enif.proto.admin.configuration_set_max_replica_count_request;
import io.enif.proto.admin.configuration_set_max_replica_count_response;
import io.enif.proto.admin.configuration_update_app_env_request;
import io.enif.proto.admin.configuration_update_app_env_response;
import io.enif.proto.admin.meta_function_level;
import io.enif.proto.admin.node_status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class TableSettingsTest {

    private MetaFixture meta;

    @BeforeEach
    void setUp() {
        meta = new MetaFixture();
        meta.elect();
        meta.create("t", 4, 3);
    }

    private configuration_update_app_env_response env(app_env_operation op, List<String> keys, List<String> values) {
        configuration_update_app_env_request request = new configuration_update_app_env_request();
        request.setApp_name("t");
        request.setOp(op);
        if (keys != null) {
            request.setKeys(keys);
        }
        if (values != null) {
            request.setValues(values);
        }
        return meta.settings.updateAppEnv(request);
    }

    private Map<String, String> envs() {
        return meta.store.load().state().table(1).orElseThrow().info().envs();
    }

    @Test
    void envsAreSetDeletedAndClearedByPrefix() {
        assertThat(env(
                                app_env_operation.APP_ENV_OP_SET,
                                List.of("default_ttl", "manual_compact.once.trigger_time"),
                                List.of("100", "1700000000"))
                        .getErr()
                        .code())
                .isEqualTo(ErrorCode.ERR_OK);
        assertThat(envs()).containsEntry("default_ttl", "100").containsKey("manual_compact.once.trigger_time");

        assertThat(env(app_env_operation.APP_ENV_OP_DEL, List.of("default_ttl"), null)
                        .getHint_message())
                .contains("default_ttl");
        configuration_update_app_env_request clear = new configuration_update_app_env_request();
        clear.setApp_name("t");
        clear.setOp(app_env_operation.APP_ENV_OP_CLEAR);
        clear.setClear_prefix("manual_compact");
        assertThat(meta.settings.updateAppEnv(clear).getErr().code()).isEqualTo(ErrorCode.ERR_OK);
        assertThat(envs()).isEmpty();
    }

    @Test
    void invalidEnvsChangeNothing() {
        env(app_env_operation.APP_ENV_OP_SET, List.of("default_ttl"), List.of("100"));

        configuration_update_app_env_response unknown =
                env(app_env_operation.APP_ENV_OP_SET, List.of("default_ttl", "bogus"), List.of("5", "1"));
        configuration_update_app_env_response mismatch =
                env(app_env_operation.APP_ENV_OP_SET, List.of("default_ttl"), List.of());

        assertThat(unknown.getErr().code()).isEqualTo(ErrorCode.ERR_INVALID_PARAMETERS);
        assertThat(unknown.getHint_message()).contains("bogus");
        assertThat(mismatch.getErr().code()).isEqualTo(ErrorCode.ERR_INVALID_PARAMETERS);
        assertThat(envs()).containsExactlyEntriesOf(Map.of("default_ttl", "100"));
        configuration_update_app_env_request missing = new configuration_update_app_env_request();
        missing.setApp_name("nope");
        missing.setOp(app_env_operation.APP_ENV_OP_SET);
        assertThat(meta.settings.updateAppEnv(missing).getErr().code()).isEqualTo(ErrorCode.ERR_APP_NOT_EXIST);
    }

    @Test
    void replicaCountIsReadAndSetWithinTheAllowedRangeAndAliveNodes() {
        assertThat(meta.queries
                        .getMaxReplicaCount(new configuration_get_max_replica_count_request("t"))
                        .getMax_replica_count())
                .isEqualTo(3);
        configuration_set_max_replica_count_response tooMany =
                meta.settings.setMaxReplicaCount(new configuration_set_max_replica_count_request("t", 2));
        assertThat(tooMany.getErr().code()).isEqualTo(ErrorCode.ERR_INVALID_PARAMETERS);
        meta.beacon(r(1));
        meta.beacon(r(2));

        configuration_set_max_replica_count_response ok =
                meta.settings.setMaxReplicaCount(new configuration_set_max_replica_count_request("t", 2));

        assertThat(ok.getErr().code()).isEqualTo(ErrorCode.ERR_OK);
        assertThat(ok.getOld_max_replica_count()).isEqualTo(3);
        assertThat(meta.store.load().state().table(1).orElseThrow().partitions())
                .allMatch(pc -> pc.maxReplicaCount() == 2);
        assertThat(meta.settings
                        .setMaxReplicaCount(new configuration_set_max_replica_count_request("t", 0))
                        .getErr()
                        .code())
                .isEqualTo(ErrorCode.ERR_INVALID_PARAMETERS);
        assertThat(meta.settings
                        .setMaxReplicaCount(new configuration_set_max_replica_count_request("x", 2))
                        .getErr()
                        .code())
                .isEqualTo(ErrorCode.ERR_APP_NOT_EXIST);
    }

    @Test
    void metaLevelIsReadAndSet() {
        configuration_meta_control_response read =
                meta.queries.controlMeta(new configuration_meta_control_request(meta_function_level.fl_invalid));
        assertThat(read.getOld_level()).isEqualTo(meta_function_level.fl_steady);

        meta.queries.controlMeta(new configuration_meta_control_request(meta_function_level.fl_lively));

        assertThat(meta.queries
                        .controlMeta(new configuration_meta_control_request(meta_function_level.fl_invalid))
                        .getOld_level())
                .isEqualTo(meta_function_level.fl_lively);
        configuration_cluster_info_response info = meta.queries.clusterInfo(new configuration_cluster_info_request());
        assertThat(info.getKeys())
                .startsWith(
                        "meta_servers",
                        "primary_meta_server",
                        "zookeeper_hosts",
                        "zookeeper_root",
                        "meta_function_level");
        assertThat(info.getValues().get(info.getKeys().indexOf("meta_function_level")))
                .isEqualTo("lively");
        assertThat(info.getValues().get(info.getKeys().indexOf("primary_meta_server")))
                .isEqualTo(MetaFixture.SELF.toString());
    }

    @Test
    void listNodesPutsAliveNodesFirst() {
        meta.beacon(r(1));
        meta.beacon(r(2));
        meta.clock.advanceMs(5_000);
        meta.beacon(r(2));
        meta.cure.checkFailureDetector();

        configuration_list_nodes_response all = meta.queries.listNodes(new configuration_list_nodes_request());
        configuration_list_nodes_response dead =
                meta.queries.listNodes(new configuration_list_nodes_request(node_status.NS_UNALIVE));

        assertThat(all.getInfos()).extracting(i -> i.getHp_node().toHostPort()).containsExactly(r(2), r(1));
        assertThat(all.getInfos())
                .extracting(i -> i.getStatus())
                .containsExactly(node_status.NS_ALIVE, node_status.NS_UNALIVE);
        assertThat(dead.getInfos()).extracting(i -> i.getNode().toHostPort()).containsExactly(r(1));
    }
}
