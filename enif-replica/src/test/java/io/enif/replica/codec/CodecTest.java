package io.enif.replica.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.proto.base.blob;
import io.enif.proto.layer2.partition_configuration;
import io.enif.proto.replication.group_check_request;
import io.enif.proto.replication.learn_response;
import io.enif.proto.replication.prepare_msg;
import io.enif.proto.rpc.ClientRpcs;
import io.enif.proto.rrdb.incr_request;
import io.enif.proto.rrdb.update_request;
import io.enif.replication.ConfigType;
import io.enif.replication.Mutation;
import io.enif.replication.MutationUpdate;
import io.enif.replication.PartitionConfiguration;
import io.enif.replication.PartitionStatus;
import io.enif.replication.learn.LearnType;
import io.enif.replication.learn.LearnerStatus;
import io.enif.replication.message.AssignedRole;
import io.enif.replication.message.ReplicaMessage;
import io.enif.storage.WriteRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class CodecTest {
    private static final Gpid GPID = new Gpid(3, 5);
    private static final HostPort A = new HostPort("127.0.0.1", 34801);
    private static final HostPort B = new HostPort("127.0.0.1", 34802);
    private static final HostPort NAMED = new HostPort("replica-3.example", 34803);

    private static Mutation mutation(long ballot, long decree) {
        byte[] put = WriteCodec.argsBytes(new update_request()
                .setKey(new blob("k".getBytes(StandardCharsets.UTF_8)))
                .setValue(new blob("v".getBytes(StandardCharsets.UTF_8))));
        return new Mutation(
                GPID,
                ballot,
                decree,
                decree - 1,
                1_700_000_000_000_000L + decree,
                List.of(
                        new MutationUpdate(ClientRpcs.RPC_RRDB_RRDB_PUT.name(), put, 42),
                        new MutationUpdate(
                                ClientRpcs.RPC_RRDB_RRDB_REMOVE.name(), WriteCodec.argsBytes(blob.of("k")), -1)));
    }

    @Test
    void partitionConfigurationRoundTripsAndKeepsHostNames() {
        PartitionConfiguration pc = new PartitionConfiguration(GPID, 7, A, List.of(B, NAMED), 3, 99);
        partition_configuration wire = ConfigurationCodec.toThrift(pc);
        assertThat(wire.getPrimary().toHostPort()).isEqualTo(A);
        assertThat(wire.getSecondaries().get(1).isValid()).isFalse(); // a host name has no rpc_address
        assertThat(ConfigurationCodec.fromThrift(wire)).isEqualTo(pc);

        PartitionConfiguration noPrimary = new PartitionConfiguration(GPID, 8, null, List.of(B), 3, 0);
        assertThat(ConfigurationCodec.fromThrift(ConfigurationCodec.toThrift(noPrimary)))
                .isEqualTo(noPrimary);
    }

    @Test
    void addressesFallBackToRpcAddressWithoutHostPortTwins() {
        partition_configuration wire =
                ConfigurationCodec.toThrift(new PartitionConfiguration(GPID, 2, A, List.of(B), 3, 0));
        wire.unsetHp_primary();
        wire.unsetHp_secondaries();
        PartitionConfiguration read = ConfigurationCodec.fromThrift(wire);
        assertThat(read.primary()).isEqualTo(A);
        assertThat(read.secondaries()).containsExactly(B);
    }

    @Test
    void enumsMapByName() {
        for (ConfigType t : ConfigType.values()) {
            assertThat(ConfigurationCodec.type(ConfigurationCodec.type(t))).isEqualTo(t);
        }
        for (PartitionStatus s : PartitionStatus.values()) {
            assertThat(ConfigurationCodec.status(ConfigurationCodec.status(s))).isEqualTo(s);
        }
        for (LearnerStatus s : LearnerStatus.values()) {
            assertThat(ConfigurationCodec.learnerStatus(ConfigurationCodec.learnerStatus(s)))
                    .isEqualTo(s);
        }
        for (LearnType t : LearnType.values()) {
            assertThat(ConfigurationCodec.learnType(ConfigurationCodec.learnType(t)))
                    .isEqualTo(t);
        }
        assertThat(ConfigurationCodec.type((io.enif.proto.replication.config_type) null))
                .isEqualTo(ConfigType.CT_INVALID);
    }

    @Test
    void logRecordRoundTripsWithoutRequestIds() {
        Mutation m = mutation(4, 12);
        Mutation read = MutationCodec.decode(MutationCodec.encode(m));
        assertThat(read).isEqualTo(m.withoutRequests());
        assertThat(read.sameContent(m)).isTrue();
        assertThat(read.timestampUs()).isEqualTo(m.timestampUs());
        Mutation empty = Mutation.empty(GPID, 4, 13, 12, 77);
        assertThat(MutationCodec.decode(MutationCodec.encode(empty))).isEqualTo(empty);
        assertThatThrownBy(() -> MutationCodec.decode(new byte[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mutationListRoundTrips() {
        List<Mutation> list = List.of(mutation(1, 1), mutation(1, 2), Mutation.empty(GPID, 2, 3, 2, 9));
        assertThat(MutationCodec.decodeList(MutationCodec.encodeList(list)))
                .containsExactlyElementsOf(
                        list.stream().map(Mutation::withoutRequests).toList());
        assertThat(MutationCodec.decodeList(new byte[0])).isEmpty();
        assertThat(MutationCodec.decodeList(MutationCodec.encodeList(List.of())))
                .isEmpty();
        assertThatThrownBy(() -> MutationCodec.decodeList(new byte[] {0, 0, 0, 9}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void prepareAndAckRoundTrip() {
        ReplicaMessage.Prepare prepare = new ReplicaMessage.Prepare(
                new AssignedRole(4, A, PartitionStatus.POTENTIAL_SECONDARY, 17), mutation(4, 12));
        prepare_msg wire = Thrift.fromBytes(Thrift.toBytes(MessageCodec.prepare(GPID, prepare)), new prepare_msg());
        ReplicaMessage.Prepare read = MessageCodec.prepare(wire);
        assertThat(read.role()).isEqualTo(prepare.role());
        assertThat(read.mutation()).isEqualTo(prepare.mutation().withoutRequests());

        ReplicaMessage.PrepareAck ack = new ReplicaMessage.PrepareAck(ErrorCode.ERR_TRY_AGAIN, 4, 12, 10, 11, 0);
        assertThat(MessageCodec.prepareAck(MessageCodec.prepareAck(GPID, ack), 17))
                .isEqualTo(new ReplicaMessage.PrepareAck(ErrorCode.ERR_TRY_AGAIN, 4, 12, 10, 11, 17));
    }

    @Test
    void groupCheckInvitationAndRepliesRoundTrip() {
        AssignedRole role = new AssignedRole(6, A, PartitionStatus.SECONDARY, 0);
        group_check_request wire = MessageCodec.groupCheck(GPID, null, B, role, 30);
        assertThat(MessageCodec.groupCheck(wire)).isEqualTo(new ReplicaMessage.GroupCheck(role, 30));
        assertThat(MessageCodec.addLearner(wire)).isEqualTo(new ReplicaMessage.AddLearner(role, 30));

        ReplicaMessage.GroupCheckReply ok =
                new ReplicaMessage.GroupCheckReply(ErrorCode.ERR_OK, 6, 28, 30, LearnerStatus.WITH_PREPARE, 9);
        var response = MessageCodec.groupCheckReply(GPID, B, ok);
        assertThat(MessageCodec.member(response)).isEqualTo(B);
        assertThat(MessageCodec.groupCheckReply(response, 6)).isEqualTo(ok);
        var outdated = MessageCodec.groupCheckReply(
                GPID,
                B,
                new ReplicaMessage.GroupCheckReply(ErrorCode.ERR_VERSION_OUTDATED, 9, 0, 0, LearnerStatus.INVALID, 0));
        assertThat(MessageCodec.groupCheckReply(outdated, 6).ballot()).isEqualTo(7);

        ReplicaMessage.LearnCompletionNotify notify = new ReplicaMessage.LearnCompletionNotify(9, 40);
        var report = MessageCodec.learnCompletion(GPID, B, notify);
        assertThat(MessageCodec.learnCompletion(report)).isEqualTo(notify);
        assertThat(MessageCodec.member(report)).isEqualTo(B);

        assertThat(MessageCodec.removeReplica(MessageCodec.removeReplica(GPID, A, new ReplicaMessage.RemoveReplica(8))))
                .isEqualTo(new ReplicaMessage.RemoveReplica(8));
    }

    @Test
    void learnRequestAndCacheReplyRoundTrip() {
        ReplicaMessage.LearnRequest request = new ReplicaMessage.LearnRequest(5, 9, 3, 4);
        var wireRequest = MessageCodec.learnRequest(GPID, B, request);
        assertThat(MessageCodec.learner(wireRequest)).isEqualTo(B);
        assertThat(MessageCodec.learnRequest(wireRequest, 5)).isEqualTo(request);

        List<Mutation> cached = List.of(mutation(2, 4), mutation(2, 5));
        ReplicaMessage.LearnReply reply =
                new ReplicaMessage.LearnReply(77, ErrorCode.ERR_OK, 9, 5, 6, LearnType.LT_CACHE, 3, 5, cached, null);
        learn_response wire =
                Thrift.fromBytes(Thrift.toBytes(MessageCodec.learnReply(GPID, A, reply, null)), new learn_response());
        ReplicaMessage.LearnReply read = MessageCodec.learnReply(wire, request);
        assertThat(read.round()).isEqualTo(5); // the learner's own request number
        assertThat(read.signature()).isEqualTo(9);
        assertThat(read.type()).isEqualTo(LearnType.LT_CACHE);
        assertThat(read.prepareStartDecree()).isEqualTo(6);
        assertThat(read.fromDecreeExclusive()).isEqualTo(3);
        assertThat(read.toDecreeInclusive()).isEqualTo(5);
        assertThat(read.mutations())
                .containsExactlyElementsOf(
                        cached.stream().map(Mutation::withoutRequests).toList());
    }

    @Test
    void learnFileReplyCarriesTheFileListAsTransfer() {
        ReplicaMessage.LearnRequest request = new ReplicaMessage.LearnRequest(2, 9, 0, 0);
        ReplicaMessage.LearnReply reply =
                new ReplicaMessage.LearnReply(1, ErrorCode.ERR_OK, 9, 50, -1, LearnType.LT_APP, 0, 40, List.of(), null);
        LearnFiles files =
                new LearnFiles("/data/replica/reps/3.5.pegasus/data/checkpoint.40", List.of("a.sst"), List.of(7L));
        ReplicaMessage.LearnReply read =
                MessageCodec.learnReply(MessageCodec.learnReply(GPID, A, reply, files), request);
        assertThat(read.transfer()).isEqualTo(files);
        assertThat(read.type()).isEqualTo(LearnType.LT_APP);
        assertThat(read.toDecreeInclusive()).isEqualTo(40);

        var refused = MessageCodec.learnReply(
                MessageCodec.learnReply(
                        GPID, A, ReplicaMessage.LearnReply.refused(1, ErrorCode.ERR_OBJECT_NOT_FOUND, 9, 50), null),
                request);
        assertThat(refused.error()).isEqualTo(ErrorCode.ERR_OBJECT_NOT_FOUND);
        assertThat(refused.round()).isEqualTo(2);
    }

    @Test
    void writeUpdatesDecodeIntoStoreRequests() {
        update_request put = new update_request().setKey(blob.of("key")).setValue(blob.of("v"));
        WriteRequest<?> decoded = WriteCodec.decode(ClientRpcs.RPC_RRDB_RRDB_PUT.name(), WriteCodec.argsBytes(put));
        assertThat(decoded).isEqualTo(new WriteRequest.Put(put));
        WriteRequest<?> remove =
                WriteCodec.decode(ClientRpcs.RPC_RRDB_RRDB_REMOVE.name(), WriteCodec.argsBytes(blob.of("key")));
        assertThat(remove).isEqualTo(new WriteRequest.Remove(blob.of("key")));
        incr_request incr = new incr_request().setKey(blob.of("n")).setIncrement(5);
        assertThat(WriteCodec.decode(ClientRpcs.RPC_RRDB_RRDB_INCR.name(), WriteCodec.argsBytes(incr)))
                .isEqualTo(new WriteRequest.Incr(incr));
        assertThatThrownBy(() -> WriteCodec.decode(ClientRpcs.RPC_RRDB_RRDB_GET.name(), WriteCodec.argsBytes(incr)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WriteCodec.decode(ClientRpcs.RPC_RRDB_RRDB_PUT.name(), new byte[] {12, 0}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(WriteCodec.WRITE_CODES).hasSize(7);
    }
}
