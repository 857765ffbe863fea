package io.enif.proto.idl;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.proto.backup.backup_entry;
import io.enif.proto.backup.configuration_query_backup_policy_response;
import io.enif.proto.backup.configuration_query_restore_response;
import io.enif.proto.backup.policy_entry;
import io.enif.proto.base.blob;
import io.enif.proto.base.error_code;
import io.enif.proto.base.gpid;
import io.enif.proto.base.host_port;
import io.enif.proto.base.rpc_address;
import io.enif.proto.base.task_code;
import io.enif.proto.bulkload.bulk_load_response;
import io.enif.proto.bulkload.bulk_load_status;
import io.enif.proto.bulkload.ingestion_status;
import io.enif.proto.bulkload.partition_bulk_load_state;
import io.enif.proto.duplication.duplicate_entry;
import io.enif.proto.duplication.duplicate_request;
import io.enif.proto.duplication.duplication_confirm_entry;
import io.enif.proto.duplication.duplication_entry;
import io.enif.proto.duplication.duplication_status;
import io.enif.proto.duplication.duplication_sync_request;
import io.enif.proto.duplication.duplication_sync_response;
import io.enif.proto.layer2.app_info;
import io.enif.proto.layer2.partition_configuration;
import io.enif.proto.replication.split_status;
import io.enif.proto.split.query_split_response;
import io.enif.proto.split.register_child_request;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Representative structs of backup, bulk_load, duplication and split read back equal. */
@Timeout(10)
class FeatureIdlRoundTripTest {

    private static rpc_address addr(int port) {
        return rpc_address.fromHostPort(new HostPort("10.1.1.1", port));
    }

    private static host_port hp(int port) {
        return host_port.of(new HostPort("replica.example", port));
    }

    @Test
    void backup() {
        configuration_query_backup_policy_response policies = new configuration_query_backup_policy_response()
                .setErr(error_code.of(ErrorCode.ERR_OK))
                .setPolicys(List.of(new policy_entry()
                        .setPolicy_name("daily")
                        .setBackup_provider_type("local_service")
                        .setBackup_interval_seconds("86400")
                        .setApp_ids(Set.of(1, 2))
                        .setBackup_history_count_to_keep(3)
                        .setStart_time("01:30")))
                .setBackup_infos(List.of(List.of(new backup_entry()
                        .setBackup_id(1_700_000_000_000L)
                        .setStart_time_ms(1)
                        .setEnd_time_ms(2)
                        .setApp_ids(Set.of(1)))));
        configuration_query_restore_response restore = new configuration_query_restore_response()
                .setErr(error_code.of(ErrorCode.ERR_OK))
                .setRestore_status(List.of(error_code.of(ErrorCode.ERR_OK), error_code.of(ErrorCode.ERR_BUSY)))
                .setRestore_progress(List.of(1000, 400));

        assertThat(Wire.roundTrip(policies)).isEqualTo(policies);
        configuration_query_restore_response restoreRead = Wire.roundTrip(restore);
        assertThat(restoreRead).isEqualTo(restore);
        assertThat(restoreRead.getRestore_status().get(1).code()).isEqualTo(ErrorCode.ERR_BUSY);
    }

    @Test
    void bulkLoad() {
        partition_bulk_load_state state = new partition_bulk_load_state()
                .setDownload_progress(100)
                .setDownload_status(error_code.of(ErrorCode.ERR_OK))
                .setIngest_status(ingestion_status.IS_SUCCEED);
        bulk_load_response response = new bulk_load_response()
                .setErr(error_code.of(ErrorCode.ERR_OK))
                .setPid(new gpid(3, 1))
                .setApp_name("t")
                .setPrimary_bulk_load_status(bulk_load_status.BLS_INGESTING)
                .setGroup_bulk_load_state(Map.of(addr(34801), state, addr(34802), state))
                .setHp_group_bulk_load_state(Map.of(hp(34801), state, hp(34802), state));

        bulk_load_response read = Wire.roundTrip(response);
        assertThat(read).isEqualTo(response);
        assertThat(read.getGroup_bulk_load_state()).containsKeys(addr(34801), addr(34802));
        assertThat(read.getHp_group_bulk_load_state().get(hp(34802)).getIngest_status())
                .isEqualTo(ingestion_status.IS_SUCCEED);
    }

    @Test
    void duplication() {
        duplication_sync_request sync = new duplication_sync_request()
                .setNode(addr(34801))
                .setConfirm_list(Map.of(
                        new gpid(4, 0),
                        List.of(new duplication_confirm_entry().setDupid(9).setConfirmed_decree(55))))
                .setHp_node(hp(34801));
        duplication_sync_response syncReply = new duplication_sync_response()
                .setErr(error_code.of(ErrorCode.ERR_OK))
                .setDup_map(Map.of(
                        4,
                        Map.of(
                                9,
                                new duplication_entry()
                                        .setDupid(9)
                                        .setStatus(duplication_status.DS_LOG)
                                        .setRemote("target_cluster")
                                        .setCreate_ts(1)
                                        .setProgress(Map.of(0, 55L)))));
        duplicate_request shipped = new duplicate_request()
                .setEntries(List.of(new duplicate_entry()
                        .setTimestamp(77)
                        .setTask_code(new task_code("RPC_RRDB_RRDB_PUT"))
                        .setRaw_message(blob.of("args"))
                        .setCluster_id((byte) 2)));

        duplication_sync_request syncRead = Wire.roundTrip(sync);
        assertThat(syncRead).isEqualTo(sync);
        assertThat(syncRead.getConfirm_list()).containsKey(new gpid(4, 0));
        assertThat(Wire.roundTrip(syncReply)).isEqualTo(syncReply);
        assertThat(Wire.roundTrip(shipped)).isEqualTo(shipped);
    }

    @Test
    void split() {
        query_split_response query = new query_split_response()
                .setErr(error_code.of(ErrorCode.ERR_OK))
                .setNew_partition_count(16)
                .setStatus(Map.of(0, split_status.SPLITTING, 1, split_status.PAUSED));
        register_child_request register = new register_child_request()
                .setApp(new app_info().setApp_name("t").setPartition_count(16))
                .setParent_config(new partition_configuration().setPid(new gpid(4, 1)))
                .setChild_config(new partition_configuration().setPid(new gpid(4, 9)))
                .setPrimary(addr(34801))
                .setHp_primary(hp(34801));

        query_split_response queryRead = Wire.roundTrip(query);
        assertThat(queryRead).isEqualTo(query);
        assertThat(queryRead.getStatus()).containsEntry(1, split_status.PAUSED);
        assertThat(Wire.roundTrip(register)).isEqualTo(register);
    }
}
