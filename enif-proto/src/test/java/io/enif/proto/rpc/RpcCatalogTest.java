package io.enif.proto.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enif.proto.admin.configuration_create_app_response;
import io.enif.proto.admin.configuration_list_nodes_request;
import io.enif.proto.admin.configuration_list_nodes_response;
import io.enif.proto.base.blob;
import io.enif.proto.cmd.command;
import io.enif.proto.replication.configuration_update_request;
import io.enif.proto.replication.group_check_response;
import io.enif.proto.replication.learn_notify_response;
import io.enif.proto.replication.prepare_ack;
import io.enif.proto.replication.prepare_msg;
import io.enif.proto.rrdb.read_response;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.thrift.TBase;
import org.apache.thrift.TDeserializer;
import org.apache.thrift.TException;
import org.apache.thrift.TSerializer;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class RpcCatalogTest {

    /** Every message name that spec/protocol.md §6 and spec/internal-rpc.md §3, §4, §6 and §7 list. */
    private static final Set<String> SPEC_NAMES = Set.of(
            // protocol.md §6: data operations, client meta RPCs, negotiation
            "RPC_RRDB_RRDB_PUT",
            "RPC_RRDB_RRDB_MULTI_PUT",
            "RPC_RRDB_RRDB_REMOVE",
            "RPC_RRDB_RRDB_MULTI_REMOVE",
            "RPC_RRDB_RRDB_INCR",
            "RPC_RRDB_RRDB_CHECK_AND_SET",
            "RPC_RRDB_RRDB_CHECK_AND_MUTATE",
            "RPC_RRDB_RRDB_GET",
            "RPC_RRDB_RRDB_MULTI_GET",
            "RPC_RRDB_RRDB_BATCH_GET",
            "RPC_RRDB_RRDB_SORTKEY_COUNT",
            "RPC_RRDB_RRDB_TTL",
            "RPC_RRDB_RRDB_GET_SCANNER",
            "RPC_RRDB_RRDB_SCAN",
            "RPC_RRDB_RRDB_CLEAR_SCANNER",
            "RPC_CM_QUERY_PARTITION_CONFIG_BY_INDEX",
            "RPC_CM_CREATE_APP",
            "RPC_CM_DROP_APP",
            "RPC_CM_LIST_APPS",
            "RPC_NEGOTIATION",
            // internal-rpc.md §3: admin, first release
            "RPC_CM_CLUSTER_INFO",
            "RPC_CM_LIST_NODES",
            "RPC_CM_RECALL_APP",
            "RPC_CM_RENAME_APP",
            "RPC_CM_CONTROL_META",
            "RPC_CM_UPDATE_APP_ENV",
            "RPC_CM_GET_MAX_REPLICA_COUNT",
            "RPC_CM_SET_MAX_REPLICA_COUNT",
            "RPC_CM_GET_ATOMIC_IDEMPOTENT",
            "RPC_CM_SET_ATOMIC_IDEMPOTENT",
            "RPC_CLI_CLI_CALL",
            // §4: later waves
            "RPC_CM_PROPOSE_BALANCER",
            "RPC_CM_DDD_DIAGNOSE",
            "RPC_CM_START_RECOVERY",
            "RPC_CM_ADD_BACKUP_POLICY",
            "RPC_CM_QUERY_BACKUP_POLICY",
            "RPC_CM_MODIFY_BACKUP_POLICY",
            "RPC_CM_START_BACKUP_APP",
            "RPC_CM_QUERY_BACKUP_STATUS",
            "RPC_CM_START_RESTORE",
            "RPC_CM_QUERY_RESTORE_STATUS",
            "RPC_CM_START_PARTITION_SPLIT",
            "RPC_CM_CONTROL_PARTITION_SPLIT",
            "RPC_CM_QUERY_PARTITION_SPLIT",
            "RPC_CM_ADD_DUPLICATION",
            "RPC_CM_MODIFY_DUPLICATION",
            "RPC_CM_QUERY_DUPLICATION",
            "RPC_CM_LIST_DUPLICATION",
            "RPC_CM_START_BULK_LOAD",
            "RPC_CM_CONTROL_BULK_LOAD",
            "RPC_CM_QUERY_BULK_LOAD_STATUS",
            "RPC_CM_CLEAR_BULK_LOAD",
            "RPC_CM_START_MANUAL_COMPACT",
            "RPC_CM_QUERY_MANUAL_COMPACT_STATUS",
            "RPC_QUERY_DISK_INFO",
            "RPC_REPLICA_DISK_MIGRATE",
            "RPC_ADD_NEW_DISK",
            "RPC_DETECT_HOTKEY",
            // §6: internal
            "RPC_FD_FAILURE_DETECTOR_PING",
            "RPC_CM_CONFIG_SYNC",
            "RPC_CM_UPDATE_PARTITION_CONFIGURATION",
            "RPC_CONFIG_PROPOSAL",
            "RPC_PREPARE",
            "RPC_GROUP_CHECK",
            "RPC_LEARN",
            "RPC_LEARN_ADD_LEARNER",
            "RPC_LEARN_COMPLETION_NOTIFY",
            "RPC_REMOVE_REPLICA",
            "RPC_QUERY_REPLICA_INFO",
            "RPC_QUERY_APP_INFO",
            "RPC_QUERY_PN_DECREE",
            "RPC_NFS_GET_FILE_SIZE",
            "RPC_NFS_COPY",
            "RPC_QUERY_LAST_CHECKPOINT_INFO",
            "RPC_RRDB_RRDB_DUPLICATE",
            "RPC_CM_DUPLICATION_SYNC",
            "RPC_COLD_BACKUP",
            "RPC_CLEAR_COLD_BACKUP",
            "RPC_CM_REPORT_RESTORE_STATUS",
            "RPC_BULK_LOAD",
            "RPC_GROUP_BULK_LOAD",
            "RPC_RRDB_RRDB_BULK_LOAD",
            "RPC_SPLIT_NOTIFY_CATCH_UP",
            "RPC_SPLIT_UPDATE_CHILD_PARTITION_COUNT",
            "RPC_CM_REGISTER_CHILD_REPLICA",
            "RPC_CM_NOTIFY_STOP_SPLIT",
            "RPC_CM_QUERY_CHILD_STATE");

    @Test
    void coversExactlyTheSpecsMessageNamesOnceEach() {
        List<String> names = RpcCatalog.all().stream().map(RpcSpec::name).toList();

        assertThat(names).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(SPEC_NAMES);
        Set<String> ackNames = new HashSet<>();
        RpcCatalog.all().forEach(spec -> ackNames.add(spec.ackName()));
        assertThat(ackNames).hasSameSizeAs(names).doesNotContainAnyElementsOf(names);
    }

    @Test
    void replyNamesAreTheRequestNamePlusAck() {
        assertThat(MetaRpcs.RPC_CM_LIST_NODES.ackName()).isEqualTo("RPC_CM_LIST_NODES_ACK");
        assertThat(RpcCatalog.byAckName("RPC_CM_LIST_NODES_ACK")).contains(MetaRpcs.RPC_CM_LIST_NODES);
        assertThat(RpcCatalog.byAckName("RPC_CM_LIST_NODES")).isEmpty();
        assertThat(RpcCatalog.byName("RPC_RRDB_RRDB_GET")).contains(ClientRpcs.RPC_RRDB_RRDB_GET);
        assertThat(RpcCatalog.byName("RPC_RRDB_RRDB_TEST_PUT")).isEmpty();
    }

    @Test
    void everyFactoryMakesAFreshInstanceThatSurvivesTheWire() throws TException {
        TSerializer serializer = new TSerializer(new TBinaryProtocol.Factory());
        TDeserializer deserializer = new TDeserializer(new TBinaryProtocol.Factory());
        for (RpcSpec spec : RpcCatalog.all()) {
            for (RpcBody body : List.of(spec.request(), spec.response())) {
                if (body.kind() != RpcBody.Kind.STRUCT) {
                    assertThat(body.factory()).as(spec.name()).isNull();
                    continue;
                }
                TBase<?, ?> first = body.newStruct();
                TBase<?, ?> second = body.newStruct();
                assertThat(first).as(spec.name()).isNotNull().isNotSameAs(second);

                TBase<?, ?> read = body.newStruct();
                deserializer.deserialize(read, serializer.serialize(first));
                assertThat(read).as(spec.name()).isEqualTo(first);
            }
        }
    }

    @Test
    void entriesCarryTheSpecsBodies() {
        assertThat(MetaRpcs.RPC_CM_LIST_NODES.request().newStruct())
                .isInstanceOf(configuration_list_nodes_request.class);
        assertThat(MetaRpcs.RPC_CM_LIST_NODES.response().newStruct())
                .isInstanceOf(configuration_list_nodes_response.class);
        assertThat(ClientRpcs.RPC_RRDB_RRDB_GET.request().newStruct()).isInstanceOf(blob.class);
        assertThat(ClientRpcs.RPC_RRDB_RRDB_GET.request().thriftType()).isEqualTo(TType.STRUCT);
        assertThat(ClientRpcs.RPC_RRDB_RRDB_GET.response().newStruct()).isInstanceOf(read_response.class);
        assertThat(BackupRpcs.RPC_CM_START_RESTORE.response().newStruct())
                .isInstanceOf(configuration_create_app_response.class);
        assertThat(ReplicationRpcs.RPC_PREPARE.request().newStruct()).isInstanceOf(prepare_msg.class);
        assertThat(ReplicationRpcs.RPC_PREPARE.response().newStruct()).isInstanceOf(prepare_ack.class);
        assertThat(ReplicationRpcs.RPC_LEARN_COMPLETION_NOTIFY.request().newStruct())
                .isInstanceOf(group_check_response.class);
        assertThat(ReplicationRpcs.RPC_LEARN_COMPLETION_NOTIFY.response().newStruct())
                .isInstanceOf(learn_notify_response.class);
    }

    @Test
    void bareValueBodies() {
        RpcSpec cli = CommonRpcs.RPC_CLI_CLI_CALL;
        assertThat(cli.request().newStruct()).isInstanceOf(command.class);
        assertThat(cli.response().kind()).isEqualTo(RpcBody.Kind.STRING);
        assertThat(cli.response().thriftType()).isEqualTo(TType.STRING);
        assertThat(cli.oneWay()).isFalse();

        RpcSpec clear = ClientRpcs.RPC_RRDB_RRDB_CLEAR_SCANNER;
        assertThat(clear.request().thriftType()).isEqualTo(TType.I64);
        assertThat(clear.oneWay()).isTrue();
        assertThatThrownBy(() -> clear.request().newStruct()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void oneWayRpcsAreExactlyThoseWithoutAReply() {
        List<String> oneWay = RpcCatalog.all().stream()
                .filter(RpcSpec::oneWay)
                .map(RpcSpec::name)
                .toList();

        assertThat(oneWay)
                .containsExactlyInAnyOrder(
                        "RPC_RRDB_RRDB_CLEAR_SCANNER",
                        "RPC_CONFIG_PROPOSAL",
                        "RPC_LEARN_ADD_LEARNER",
                        "RPC_REMOVE_REPLICA",
                        "RPC_CLEAR_COLD_BACKUP");
        assertThat(ReplicationRpcs.RPC_CONFIG_PROPOSAL.request().newStruct())
                .isInstanceOf(configuration_update_request.class);
        RpcCatalog.all()
                .forEach(spec -> assertThat(spec.response().kind() == RpcBody.Kind.NONE)
                        .as(spec.name())
                        .isEqualTo(spec.oneWay()));
    }

    @Test
    void eachProcessServesItsOwnFamilies() {
        List<RpcSpec> meta = RpcCatalog.servedBy(RpcServer.META);
        List<RpcSpec> replica = RpcCatalog.servedBy(RpcServer.REPLICA);

        assertThat(meta)
                .contains(
                        MetaRpcs.RPC_CM_CREATE_APP,
                        ReplicationRpcs.RPC_FD_FAILURE_DETECTOR_PING,
                        CommonRpcs.RPC_CLI_CLI_CALL)
                .doesNotContain(ClientRpcs.RPC_RRDB_RRDB_GET, ReplicationRpcs.RPC_PREPARE);
        assertThat(replica)
                .contains(ClientRpcs.RPC_RRDB_RRDB_GET, ReplicationRpcs.RPC_PREPARE, CommonRpcs.RPC_CLI_CLI_CALL)
                .doesNotContain(MetaRpcs.RPC_CM_CREATE_APP);
        assertThat(meta.size() + replica.size())
                .isEqualTo(RpcCatalog.all().size() + CommonRpcs.all().size());
        assertThat(meta)
                .allSatisfy(spec -> assertThat(spec.name().startsWith("RPC_CM_")
                                || spec == ReplicationRpcs.RPC_FD_FAILURE_DETECTOR_PING
                                || spec.servedBy() == RpcServer.META_AND_REPLICA)
                        .as(spec.name())
                        .isTrue());
    }

    @Test
    void specsRejectMalformedEntries() {
        RpcBody struct = RpcBody.struct(command::new);
        assertThatThrownBy(() -> new RpcSpec("RPC_X_ACK", struct, struct, false, RpcServer.META))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RpcSpec("RPC_X", struct, struct, true, RpcServer.META))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RpcSpec("RPC_X", struct, RpcBody.NONE, false, RpcServer.META))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RpcSpec("RPC_X", RpcBody.NONE, RpcBody.NONE, true, RpcServer.META))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RpcBody(RpcBody.Kind.I64, command::new))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
