package io.enif.proto.idl;

import static io.enif.proto.idl.WireBytes.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.proto.admin.configuration_proposal_action;
import io.enif.proto.admin.node_info;
import io.enif.proto.admin.node_status;
import io.enif.proto.admin.query_cfg_response;
import io.enif.proto.base.error_code;
import io.enif.proto.base.gpid;
import io.enif.proto.base.host_port;
import io.enif.proto.base.rpc_address;
import io.enif.proto.bulkload.partition_bulk_load_state;
import io.enif.proto.bulkload.query_bulk_load_response;
import io.enif.proto.cmd.command;
import io.enif.proto.duplication.duplication_query_response;
import io.enif.proto.layer2.partition_configuration;
import io.enif.proto.nfs.get_file_size_response;
import io.enif.proto.replication.config_type;
import io.enif.proto.replication.partition_status;
import io.enif.proto.replication.replica_configuration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.thrift.protocol.TType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Pins field ids and type bytes against the spec's tables (spec/protocol.md §3, §7, §8; spec/internal-rpc.md §3, §4,
 * §6, §7): placeholders are tagged STRUCT (12) and written raw, also as list elements and map keys.
 */
@Timeout(10)
class WireLayoutTest {
    private static final long ADDR_34801 = 0x7f00000187f10001L;
    private static final long ADDR_34802 = 0x7f00000187f20001L;

    private static rpc_address addr(int port) {
        return rpc_address.fromHostPort(new HostPort("127.0.0.1", port));
    }

    private static host_port hp(String host, int port) {
        return host_port.of(new HostPort(host, port));
    }

    @Test
    void rpcAddressIsTheSpecsVerifiedValue() {
        assertThat(addr(34801).raw()).isEqualTo(ADDR_34801);
    }

    @Test
    void queryCfgResponseCarriesTheErrorAsAStructTaggedName() {
        query_cfg_response response = new query_cfg_response()
                .setErr(error_code.of(ErrorCode.ERR_OK))
                .setApp_id(1)
                .setPartition_count(8)
                .setIs_stateful(true)
                .setPartitions(new ArrayList<>());

        assertThat(Wire.write(response))
                .containsExactly(bytes().field(TType.STRUCT, 1)
                        .string("ERR_OK")
                        .field(TType.I32, 2)
                        .i32(1)
                        .field(TType.I32, 3)
                        .i32(8)
                        .field(TType.BOOL, 4)
                        .bool(true)
                        .field(TType.LIST, 5)
                        .list(TType.STRUCT, 0)
                        .stop()
                        .build());
    }

    @Test
    void partitionConfigurationWritesAddressesAsRawI64sAndHostPortTwins() {
        partition_configuration config = new partition_configuration()
                .setPid(new gpid(1, 2))
                .setBallot(3)
                .setMax_replica_count(3)
                .setPrimary(addr(34801))
                .setSecondaries(List.of(addr(34802)))
                .setLast_drops(List.of())
                .setLast_committed_decree(9)
                .setPartition_flags(0)
                .setHp_primary(hp("node1", 34801))
                .setHp_secondaries(List.of(hp("node2", 34802)));

        assertThat(Wire.write(config))
                .containsExactly(bytes().field(TType.STRUCT, 1)
                        .i64(2L << 32 | 1)
                        .field(TType.I64, 2)
                        .i64(3)
                        .field(TType.I32, 3)
                        .i32(3)
                        .field(TType.STRUCT, 4)
                        .i64(ADDR_34801)
                        .field(TType.LIST, 5)
                        .list(TType.STRUCT, 1)
                        .i64(ADDR_34802)
                        .field(TType.LIST, 6)
                        .list(TType.STRUCT, 0)
                        .field(TType.I64, 7)
                        .i64(9)
                        .field(TType.I32, 8)
                        .i32(0)
                        .field(TType.STRUCT, 9)
                        .hostPort("node1", 34801)
                        .field(TType.LIST, 10)
                        .list(TType.STRUCT, 1)
                        .hostPort("node2", 34802)
                        .stop()
                        .build());
    }

    @Test
    void nodeInfoHasStatusAddressAndHostPort() {
        node_info info = new node_info()
                .setStatus(node_status.NS_ALIVE)
                .setNode(addr(34801))
                .setHp_node(hp("localhost", 34801));

        assertThat(Wire.write(info))
                .containsExactly(bytes().field(TType.I32, 1)
                        .i32(1)
                        .field(TType.STRUCT, 2)
                        .i64(ADDR_34801)
                        .field(TType.STRUCT, 3)
                        .hostPort("localhost", 34801)
                        .stop()
                        .build());
    }

    @Test
    void proposalActionSkipsTheRetiredFieldFour() {
        configuration_proposal_action action = new configuration_proposal_action()
                .setTarget(addr(34801))
                .setNode(addr(34802))
                .setType(config_type.CT_DOWNGRADE_TO_SECONDARY)
                .setHp_target(hp("a", 34801))
                .setHp_node(hp("b", 34802));

        assertThat(Wire.write(action))
                .containsExactly(bytes().field(TType.STRUCT, 1)
                        .i64(ADDR_34801)
                        .field(TType.STRUCT, 2)
                        .i64(ADDR_34802)
                        .field(TType.I32, 3)
                        .i32(5)
                        .field(TType.STRUCT, 5)
                        .hostPort("a", 34801)
                        .field(TType.STRUCT, 6)
                        .hostPort("b", 34802)
                        .stop()
                        .build());
    }

    @Test
    void remoteCommandIsAStringAndAStringList() {
        command cmd = new command().setCmd("server-info").setArguments(List.of("-v"));

        assertThat(Wire.write(cmd))
                .containsExactly(bytes().field(TType.STRING, 1)
                        .string("server-info")
                        .field(TType.LIST, 2)
                        .list(TType.STRING, 1)
                        .string("-v")
                        .stop()
                        .build());
    }

    @Test
    void replicaConfigurationOmitsUnsetOptionals() {
        replica_configuration config = new replica_configuration()
                .setPid(new gpid(1, 0))
                .setBallot(4)
                .setPrimary(addr(34801))
                .setStatus(partition_status.PS_SECONDARY)
                .setLearner_signature(0);

        assertThat(Wire.write(config))
                .containsExactly(bytes().field(TType.STRUCT, 1)
                        .i64(1)
                        .field(TType.I64, 2)
                        .i64(4)
                        .field(TType.STRUCT, 3)
                        .i64(ADDR_34801)
                        .field(TType.I32, 4)
                        .i32(4)
                        .field(TType.I64, 5)
                        .i64(0)
                        .stop()
                        .build());
    }

    @Test
    void addressKeyedMapsUseStructKeysWrittenRaw() {
        query_bulk_load_response response = new query_bulk_load_response()
                .setErr(error_code.of(ErrorCode.ERR_OK))
                .setApp_name("t")
                .setMax_replica_count(3)
                .setBulk_load_states(
                        List.of(Map.of(addr(34801), new partition_bulk_load_state().setDownload_progress(50))));
        // Fields 3 and 4 (app_status, partitions_status) are left null, so they are not written.

        assertThat(Wire.write(response))
                .containsExactly(bytes().field(TType.STRUCT, 1)
                        .string("ERR_OK")
                        .field(TType.STRING, 2)
                        .string("t")
                        .field(TType.I32, 5)
                        .i32(3)
                        .field(TType.LIST, 6)
                        .list(TType.MAP, 1)
                        .map(TType.STRUCT, TType.STRUCT, 1)
                        .i64(ADDR_34801)
                        .field(TType.I32, 1)
                        .i32(50)
                        .field(TType.I32, 3)
                        .i32(0) // ingest_status IS_INVALID: an optional enum with a default is written
                        .stop()
                        .stop()
                        .build());
    }

    @Test
    void duplicationQueryResponseHasNoFieldTwo() {
        duplication_query_response response = new duplication_query_response()
                .setErr(error_code.of(ErrorCode.ERR_OK))
                .setAppid(2)
                .setEntry_list(List.of());

        assertThat(Wire.write(response))
                .containsExactly(bytes().field(TType.STRUCT, 1)
                        .string("ERR_OK")
                        .field(TType.I32, 3)
                        .i32(2)
                        .field(TType.LIST, 4)
                        .list(TType.STRUCT, 0)
                        .stop()
                        .build());
    }

    @Test
    void nfsFileSizeErrorIsAnI32() {
        get_file_size_response response =
                new get_file_size_response().setError(0).setFile_list(List.of()).setSize_list(List.of());

        assertThat(Wire.write(response))
                .containsExactly(bytes().field(TType.I32, 1)
                        .i32(0)
                        .field(TType.LIST, 2)
                        .list(TType.STRING, 0)
                        .field(TType.LIST, 3)
                        .list(TType.I64, 0)
                        .stop()
                        .build());
    }
}
