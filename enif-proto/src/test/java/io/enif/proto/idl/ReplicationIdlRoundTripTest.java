package io.enif.proto.idl;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.proto.base.blob;
import io.enif.proto.base.error_code;
import io.enif.proto.base.gpid;
import io.enif.proto.base.host_port;
import io.enif.proto.base.rpc_address;
import io.enif.proto.base.task_code;
import io.enif.proto.fd.beacon_ack;
import io.enif.proto.fd.beacon_msg;
import io.enif.proto.layer2.app_info;
import io.enif.proto.layer2.partition_configuration;
import io.enif.proto.nfs.copy_request;
import io.enif.proto.nfs.copy_response;
import io.enif.proto.replication.config_type;
import io.enif.proto.replication.configuration_query_by_node_request;
import io.enif.proto.replication.configuration_query_by_node_response;
import io.enif.proto.replication.configuration_update_request;
import io.enif.proto.replication.disk_status;
import io.enif.proto.replication.group_check_response;
import io.enif.proto.replication.learn_response;
import io.enif.proto.replication.learn_state;
import io.enif.proto.replication.learn_type;
import io.enif.proto.replication.learner_status;
import io.enif.proto.replication.mutation_data;
import io.enif.proto.replication.mutation_header;
import io.enif.proto.replication.mutation_update;
import io.enif.proto.replication.partition_status;
import io.enif.proto.replication.prepare_msg;
import io.enif.proto.replication.replica_configuration;
import io.enif.proto.replication.replica_info;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Representative structs of metadata, configuration, consensus, fd and nfs read back equal. */
@Timeout(10)
class ReplicationIdlRoundTripTest {

    private static rpc_address addr(int port) {
        return rpc_address.fromHostPort(new HostPort("192.168.1.2", port));
    }

    private static host_port hp(int port) {
        return host_port.of(new HostPort("replica.example", port));
    }

    private static replica_configuration secondary() {
        return new replica_configuration()
                .setPid(new gpid(5, 2))
                .setBallot(7)
                .setPrimary(addr(34801))
                .setStatus(partition_status.PS_SECONDARY)
                .setLearner_signature(0)
                .setHp_primary(hp(34801));
    }

    @Test
    void metadataAndConfigSync() {
        configuration_query_by_node_request request = new configuration_query_by_node_request()
                .setNode(addr(34802))
                .setStored_replicas(List.of(new replica_info()
                        .setPid(new gpid(5, 2))
                        .setBallot(7)
                        .setStatus(partition_status.PS_SECONDARY)
                        .setLast_committed_decree(100)
                        .setLast_prepared_decree(101)
                        .setLast_durable_decree(90)
                        .setApp_type("pegasus")
                        .setDisk_tag("ssd1")))
                .setHp_node(hp(34802));
        configuration_query_by_node_response response = new configuration_query_by_node_response()
                .setErr(error_code.of(ErrorCode.ERR_OK))
                .setPartitions(List.of(new configuration_update_request()
                        .setInfo(new app_info().setApp_name("t").setApp_id(5))
                        .setConfig(new partition_configuration()
                                .setPid(new gpid(5, 2))
                                .setBallot(7)
                                .setPrimary(addr(34801))
                                .setSecondaries(List.of(addr(34802)))
                                .setLast_drops(List.of())
                                .setHp_primary(hp(34801))
                                .setHp_secondaries(List.of(hp(34802))))
                        .setType(config_type.CT_INVALID)
                        .setNode(addr(34802))
                        .setHost_node(addr(34802))
                        .setHp_node(hp(34802))))
                .setGc_replicas(List.of());

        configuration_query_by_node_request requestRead = Wire.roundTrip(request);
        assertThat(requestRead).isEqualTo(request);
        assertThat(requestRead.getStored_replicas().get(0).getLast_durable_decree())
                .isEqualTo(90);
        configuration_query_by_node_response responseRead = Wire.roundTrip(response);
        assertThat(responseRead).isEqualTo(response);
        assertThat(responseRead.getPartitions().get(0).getConfig().getHp_secondaries())
                .containsExactly(hp(34802));
        assertThat(Wire.roundTrip(secondary())).isEqualTo(secondary());
    }

    @Test
    void consensusPrepareGroupCheckAndLearn() {
        prepare_msg prepare = new prepare_msg()
                .setConfig(secondary())
                .setMu(new mutation_data()
                        .setHeader(new mutation_header()
                                .setPid(new gpid(5, 2))
                                .setBallot(7)
                                .setDecree(101)
                                .setLog_offset(4096)
                                .setLast_committed_decree(100)
                                .setTimestamp(1_700_000_000_000_000L))
                        .setUpdates(List.of(new mutation_update()
                                .setCode(new task_code("RPC_RRDB_RRDB_PUT"))
                                .setSerialization_type(1)
                                .setData(blob.of("args")))));
        group_check_response check = new group_check_response()
                .setPid(new gpid(5, 2))
                .setErr(error_code.of(ErrorCode.ERR_OK))
                .setLast_committed_decree_in_app(100)
                .setLast_committed_decree_in_prepare_list(100)
                .setLearner_status_(learner_status.LearningSucceeded)
                .setLearner_signature(12)
                .setNode(addr(34803))
                .setDisk_status(disk_status.SPACE_INSUFFICIENT)
                .setHp_node(hp(34803));
        learn_response learn = new learn_response()
                .setErr(error_code.of(ErrorCode.ERR_OK))
                .setConfig(secondary().setStatus(partition_status.PS_POTENTIAL_SECONDARY))
                .setLast_committed_decree(100)
                .setPrepare_start_decree(95)
                .setType(learn_type.LT_APP)
                .setState(new learn_state()
                        .setFrom_decree_excluded(0)
                        .setTo_decree_included(90)
                        .setMeta(blob.of("checkpoint"))
                        .setFiles(List.of("checkpoint.90/CURRENT"))
                        .setFile_sizes(List.of(16L)))
                .setLearnee(addr(34801))
                .setBase_local_dir("/data/replica/reps/5.2.pegasus/data")
                .setHp_learnee(hp(34801));

        prepare_msg prepareRead = Wire.roundTrip(prepare);
        assertThat(prepareRead).isEqualTo(prepare);
        assertThat(prepareRead.getMu().getUpdates().get(0).getCode().name()).isEqualTo("RPC_RRDB_RRDB_PUT");
        group_check_response checkRead = Wire.roundTrip(check);
        assertThat(checkRead).isEqualTo(check);
        assertThat(checkRead.getDisk_status()).isEqualTo(disk_status.SPACE_INSUFFICIENT);
        assertThat(Wire.roundTrip(learn)).isEqualTo(learn);
    }

    @Test
    void failureDetectorBeacon() {
        beacon_msg beacon = new beacon_msg()
                .setTime(123_456)
                .setFrom_node(addr(34801))
                .setTo_node(addr(34601))
                .setStart_time(100)
                .setHp_from_node(hp(34801))
                .setHp_to_node(hp(34601));
        beacon_ack ack = new beacon_ack()
                .setTime(123_456)
                .setThis_node(addr(34601))
                .setPrimary_node(addr(34602))
                .setIs_master(false)
                .setAllowed(true)
                .setHp_primary_node(hp(34602));

        assertThat(Wire.roundTrip(beacon)).isEqualTo(beacon);
        beacon_ack ackRead = Wire.roundTrip(ack);
        assertThat(ackRead).isEqualTo(ack);
        assertThat(ackRead.isIs_master()).isFalse();
        assertThat(ackRead.getPrimary_node().toHostPort()).isEqualTo(new HostPort("192.168.1.2", 34602));
    }

    @Test
    void nfsCopy() {
        copy_request request = new copy_request()
                .setSource(addr(34801))
                .setSource_dir("/data/a")
                .setDst_dir("/data/b")
                .setFile_name("000001.sst")
                .setOffset(4 << 20)
                .setSize(4 << 20)
                .setIs_last(false)
                .setOverwrite(true)
                .setPid(new gpid(5, 2))
                .setHp_source(hp(34801));
        copy_response response = new copy_response()
                .setError(error_code.of(ErrorCode.ERR_OK))
                .setFile_content(blob.of("chunk"))
                .setOffset(4 << 20)
                .setSize(5);

        assertThat(Wire.roundTrip(request)).isEqualTo(request);
        assertThat(Wire.roundTrip(response)).isEqualTo(response);
    }
}
