package io.enif.proto.idl;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.proto.admin.app_env_operation;
import io.enif.proto.admin.configuration_balancer_request;
import io.enif.proto.admin.configuration_list_nodes_response;
import io.enif.proto.admin.configuration_meta_control_response;
import io.enif.proto.admin.configuration_proposal_action;
import io.enif.proto.admin.configuration_recall_app_response;
import io.enif.proto.admin.configuration_update_app_env_request;
import io.enif.proto.admin.ddd_diagnose_response;
import io.enif.proto.admin.ddd_node_info;
import io.enif.proto.admin.ddd_partition_info;
import io.enif.proto.admin.meta_function_level;
import io.enif.proto.admin.node_info;
import io.enif.proto.admin.node_status;
import io.enif.proto.base.blob;
import io.enif.proto.base.error_code;
import io.enif.proto.base.gpid;
import io.enif.proto.base.host_port;
import io.enif.proto.base.rpc_address;
import io.enif.proto.cmd.command;
import io.enif.proto.layer2.app_info;
import io.enif.proto.layer2.app_status;
import io.enif.proto.layer2.partition_configuration;
import io.enif.proto.radmin.detect_action;
import io.enif.proto.radmin.detect_hotkey_request;
import io.enif.proto.radmin.disk_info;
import io.enif.proto.radmin.hotkey_type;
import io.enif.proto.radmin.query_disk_info_response;
import io.enif.proto.replication.config_type;
import io.enif.proto.security.negotiation_request;
import io.enif.proto.security.negotiation_status;
import io.enif.proto.utils.checksum_type;
import io.enif.proto.utils.pattern_match_type;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Representative admin structs of meta_admin, meta_cluster, replica_admin, command, security and utils read back
 * equal, placeholders included.
 */
@Timeout(10)
class AdminIdlRoundTripTest {

    private static rpc_address addr(int port) {
        return rpc_address.fromHostPort(new HostPort("10.0.0.1", port));
    }

    private static host_port hp(int port) {
        return host_port.of(new HostPort("node.example", port));
    }

    @Test
    void metaAdmin() {
        configuration_recall_app_response recall = new configuration_recall_app_response()
                .setErr(error_code.of(ErrorCode.ERR_OK))
                .setInfo(new app_info()
                        .setStatus(app_status.AS_RECALLING)
                        .setApp_name("t")
                        .setApp_id(3)
                        .setPartition_count(8)
                        .setEnvs(Map.of("rocksdb.usage_scenario", "normal")));
        configuration_update_app_env_request envs = new configuration_update_app_env_request()
                .setApp_name("t")
                .setOp(app_env_operation.APP_ENV_OP_SET)
                .setKeys(List.of("k1", "k2"))
                .setValues(List.of("v1", "v2"));

        configuration_recall_app_response recallRead = Wire.roundTrip(recall);
        assertThat(recallRead).isEqualTo(recall);
        assertThat(recallRead.getInfo().getStatus()).isEqualTo(app_status.AS_RECALLING);
        configuration_update_app_env_request envsRead = Wire.roundTrip(envs);
        assertThat(envsRead).isEqualTo(envs);
        assertThat(envsRead.isSetClear_prefix()).isFalse();
    }

    @Test
    void metaCluster() {
        configuration_list_nodes_response nodes = new configuration_list_nodes_response()
                .setErr(error_code.of(ErrorCode.ERR_OK))
                .setInfos(List.of(
                        new node_info()
                                .setStatus(node_status.NS_ALIVE)
                                .setNode(addr(34801))
                                .setHp_node(hp(34801)),
                        new node_info().setStatus(node_status.NS_UNALIVE).setNode(addr(34802))));
        configuration_balancer_request balance = new configuration_balancer_request()
                .setGpid(new gpid(2, 7))
                .setAction_list(List.of(new configuration_proposal_action()
                        .setTarget(addr(34801))
                        .setNode(addr(34801))
                        .setType(config_type.CT_UPGRADE_TO_PRIMARY)
                        .setHp_target(hp(34801))
                        .setHp_node(hp(34801))))
                .setForce(true);
        configuration_meta_control_response level = new configuration_meta_control_response()
                .setErr(error_code.of(ErrorCode.ERR_OK))
                .setOld_level(meta_function_level.fl_steady);
        ddd_diagnose_response ddd = new ddd_diagnose_response()
                .setErr(error_code.of(ErrorCode.ERR_OK))
                .setPartitions(List.of(new ddd_partition_info()
                        .setConfig(new partition_configuration().setPid(new gpid(2, 0)))
                        .setDropped(List.of(new ddd_node_info()
                                .setNode(addr(34803))
                                .setBallot(-1)
                                .setIs_collected(true)
                                .setHp_node(hp(34803))))
                        .setReason("no primary")));

        configuration_list_nodes_response nodesRead = Wire.roundTrip(nodes);
        assertThat(nodesRead).isEqualTo(nodes);
        assertThat(nodesRead.getInfos().get(0).getHp_node().toHostPort())
                .isEqualTo(new HostPort("node.example", 34801));
        assertThat(nodesRead.getInfos().get(1).isSetHp_node()).isFalse();
        configuration_balancer_request balanceRead = Wire.roundTrip(balance);
        assertThat(balanceRead).isEqualTo(balance);
        assertThat(balanceRead.getGpid().toGpid().partitionIndex()).isEqualTo(7);
        assertThat(Wire.roundTrip(level).getOld_level()).isEqualTo(meta_function_level.fl_steady);
        assertThat(Wire.roundTrip(ddd)).isEqualTo(ddd);
    }

    @Test
    void replicaAdmin() {
        query_disk_info_response disks = new query_disk_info_response()
                .setErr(error_code.of(ErrorCode.ERR_OK))
                .setTotal_capacity_mb(1000)
                .setTotal_available_mb(400)
                .setDisk_infos(List.of(new disk_info()
                        .setTag("ssd1")
                        .setFull_dir("/data/ssd1")
                        .setHolding_primary_replicas(Map.of(1, Set.of(new gpid(1, 0), new gpid(1, 3))))
                        .setHolding_secondary_replicas(Map.of())));
        detect_hotkey_request hotkey = new detect_hotkey_request()
                .setType(hotkey_type.WRITE)
                .setAction(detect_action.QUERY)
                .setPid(new gpid(4, 1));

        query_disk_info_response disksRead = Wire.roundTrip(disks);
        assertThat(disksRead).isEqualTo(disks);
        assertThat(disksRead
                        .getDisk_infos()
                        .get(0)
                        .getHolding_primary_replicas()
                        .get(1))
                .containsExactlyInAnyOrder(new gpid(1, 0), new gpid(1, 3));
        assertThat(Wire.roundTrip(hotkey)).isEqualTo(hotkey);
    }

    @Test
    void commandAndSecurity() {
        command cmd = new command().setCmd("meta.lb.only_move_primary").setArguments(List.of("true"));
        negotiation_request negotiation = new negotiation_request()
                .setStatus(negotiation_status.SASL_SELECT_MECHANISMS)
                .setMsg(blob.of("GSSAPI"));

        assertThat(Wire.roundTrip(cmd)).isEqualTo(cmd);
        assertThat(Wire.roundTrip(negotiation)).isEqualTo(negotiation);
    }

    @Test
    void utilsEnumsKeepPegasusValues() {
        assertThat(pattern_match_type.PMT_MATCH_EXACT.getValue()).isEqualTo(2);
        assertThat(pattern_match_type.PMT_MATCH_REGEX.getValue()).isEqualTo(6);
        assertThat(checksum_type.CST_NONE.getValue()).isEqualTo(1);
        assertThat(checksum_type.findByValue(2)).isEqualTo(checksum_type.CST_MD5);
    }
}
