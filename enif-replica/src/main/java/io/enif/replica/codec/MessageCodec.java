package io.enif.replica.codec;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.proto.base.blob;
import io.enif.proto.base.error_code;
import io.enif.proto.base.gpid;
import io.enif.proto.layer2.app_info;
import io.enif.proto.replication.group_check_request;
import io.enif.proto.replication.group_check_response;
import io.enif.proto.replication.learn_request;
import io.enif.proto.replication.learn_response;
import io.enif.proto.replication.learn_state;
import io.enif.proto.replication.learner_status;
import io.enif.proto.replication.prepare_ack;
import io.enif.proto.replication.prepare_msg;
import io.enif.proto.replication.replica_configuration;
import io.enif.replication.PartitionStatus;
import io.enif.replication.learn.LearnType;
import io.enif.replication.message.AssignedRole;
import io.enif.replication.message.ReplicaMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages inside a partition's group ({@link ReplicaMessage}) to and from the structs of {@code
 * consensus.thrift}.
 *
 * <p>Who sent a request travels inside it, since the connection's remote address is an ephemeral port: the primary
 * in {@code replica_configuration.primary} (prepare, group check, learner invitation, removal), the learner in {@code
 * learn_request.learner} and the member in {@code group_check_response.node}. A reply comes from the node the request
 * was sent to. The fields the wire does not carry ({@code LearnReply.round}, {@code LearnReply.signature}, {@code
 * PrepareAck.learnerSignature} and {@code GroupCheckReply.ballot}) are filled by the caller from the request the
 * reply answers.
 */
public final class MessageCodec {
    private MessageCodec() {}

    // ---- prepare ----

    public static prepare_msg prepare(Gpid pid, ReplicaMessage.Prepare prepare) {
        return new prepare_msg()
                .setConfig(ConfigurationCodec.role(pid, prepare.role()))
                .setMu(MutationCodec.toThrift(prepare.mutation().withoutRequests()));
    }

    /** @throws IllegalArgumentException when the struct is incomplete */
    public static ReplicaMessage.Prepare prepare(prepare_msg in) {
        if (in.getConfig() == null || in.getMu() == null) {
            throw new IllegalArgumentException("prepare without a configuration or a mutation");
        }
        return new ReplicaMessage.Prepare(
                ConfigurationCodec.role(in.getConfig()), MutationCodec.fromThrift(in.getMu()));
    }

    public static prepare_ack prepareAck(Gpid pid, ReplicaMessage.PrepareAck ack) {
        return new prepare_ack()
                .setPid(gpid.of(pid))
                .setErr(error_code.of(ack.error()))
                .setBallot(ack.ballot())
                .setDecree(ack.decree())
                .setLast_committed_decree_in_app(ack.lastCommittedDecreeInApp())
                .setLast_committed_decree_in_prepare_list(ack.lastCommittedDecreeInPrepareList());
    }

    /** @param learnerSignature the signature of the prepare this ack answers */
    public static ReplicaMessage.PrepareAck prepareAck(prepare_ack in, long learnerSignature) {
        return new ReplicaMessage.PrepareAck(
                error(in.getErr()),
                in.getBallot(),
                in.getDecree(),
                in.getLast_committed_decree_in_app(),
                in.getLast_committed_decree_in_prepare_list(),
                learnerSignature);
    }

    // ---- group check and learner invitation ----

    /** A group check (or, with a potential-secondary role, a learner invitation) to {@code target}. */
    public static group_check_request groupCheck(
            Gpid pid, app_info app, HostPort target, AssignedRole role, long lastCommittedDecree) {
        group_check_request out = new group_check_request()
                .setNode(Addresses.address(target))
                .setHp_node(Addresses.hostPort(target))
                .setConfig(ConfigurationCodec.role(pid, role))
                .setLast_committed_decree(lastCommittedDecree);
        if (app != null) {
            out.setApp(app);
        }
        return out;
    }

    /** @throws IllegalArgumentException when the struct has no configuration */
    public static ReplicaMessage.GroupCheck groupCheck(group_check_request in) {
        return new ReplicaMessage.GroupCheck(roleOf(in), in.getLast_committed_decree());
    }

    /** @throws IllegalArgumentException when the struct has no configuration */
    public static ReplicaMessage.AddLearner addLearner(group_check_request in) {
        return new ReplicaMessage.AddLearner(roleOf(in), in.getLast_committed_decree());
    }

    private static AssignedRole roleOf(group_check_request in) {
        if (in.getConfig() == null) {
            throw new IllegalArgumentException("group check without a configuration");
        }
        return ConfigurationCodec.role(in.getConfig());
    }

    public static group_check_response groupCheckReply(Gpid pid, HostPort self, ReplicaMessage.GroupCheckReply reply) {
        return new group_check_response()
                .setPid(gpid.of(pid))
                .setErr(error_code.of(reply.error()))
                .setLast_committed_decree_in_app(reply.lastCommittedDecreeInApp())
                .setLast_committed_decree_in_prepare_list(reply.lastCommittedDecreeInPrepareList())
                .setLearner_status_(ConfigurationCodec.learnerStatus(reply.learnerStatus()))
                .setLearner_signature(reply.learnerSignature())
                .setNode(Addresses.address(self))
                .setHp_node(Addresses.hostPort(self));
    }

    /**
     * The core's group-check reply to a group check sent at {@code requestBallot}. {@code group_check_response} has
     * no ballot field, so it is inferred: a member that saw a newer configuration answers {@code
     * ERR_VERSION_OUTDATED}, which reads as {@code requestBallot + 1}; anything else as {@code requestBallot}.
     */
    public static ReplicaMessage.GroupCheckReply groupCheckReply(group_check_response in, long requestBallot) {
        ErrorCode error = error(in.getErr());
        return new ReplicaMessage.GroupCheckReply(
                error,
                error == ErrorCode.ERR_VERSION_OUTDATED ? requestBallot + 1 : requestBallot,
                in.getLast_committed_decree_in_app(),
                in.getLast_committed_decree_in_prepare_list(),
                ConfigurationCodec.learnerStatus(in.getLearner_status_()),
                in.getLearner_signature());
    }

    // ---- learning ----

    public static learn_request learnRequest(Gpid pid, HostPort learner, ReplicaMessage.LearnRequest request) {
        return new learn_request()
                .setPid(gpid.of(pid))
                .setLearner(Addresses.address(learner))
                .setHp_learner(Addresses.hostPort(learner))
                .setSignature(request.signature())
                .setLast_committed_decree_in_app(request.lastCommittedDecreeInApp())
                .setLast_committed_decree_in_prepare_list(request.lastCommittedDecreeInPrepareList())
                .setApp_specific_learn_request(new blob());
    }

    /** @param round the learnee driver's number for this request, echoed by the core's reply */
    public static ReplicaMessage.LearnRequest learnRequest(learn_request in, long round) {
        return new ReplicaMessage.LearnRequest(
                round,
                in.getSignature(),
                in.getLast_committed_decree_in_app(),
                in.getLast_committed_decree_in_prepare_list());
    }

    /** The learner of a learn request, or null. */
    public static HostPort learner(learn_request in) {
        return Addresses.node(in.isSetHp_learner() ? in.getHp_learner() : null, in.getLearner());
    }

    /**
     * The wire form of a learn reply from {@code learnee}; {@code files} names what to copy for {@code LT_LOG} and
     * {@code LT_APP} (ignored for {@code LT_CACHE}, whose mutations go into {@code learn_state.meta}).
     */
    public static learn_response learnReply(
            Gpid pid, HostPort learnee, ReplicaMessage.LearnReply reply, LearnFiles files) {
        learn_state state = new learn_state()
                .setFrom_decree_excluded(reply.fromDecreeExclusive())
                .setTo_decree_included(reply.toDecreeInclusive())
                .setLearn_start_decree(reply.fromDecreeExclusive() + 1);
        String baseDir = "";
        if (reply.type() == LearnType.LT_CACHE) {
            state.setMeta(new blob(MutationCodec.encodeList(reply.mutations())));
            state.setFiles(new ArrayList<>());
        } else {
            LearnFiles f = files == null ? LearnFiles.none() : files;
            state.setMeta(new blob());
            state.setFiles(new ArrayList<>(f.files()));
            state.setFile_sizes(new ArrayList<>(f.sizes()));
            baseDir = f.baseDir();
        }
        replica_configuration config = ConfigurationCodec.role(
                pid, new AssignedRole(0, learnee, PartitionStatus.POTENTIAL_SECONDARY, reply.signature()));
        return new learn_response()
                .setErr(error_code.of(reply.error()))
                .setConfig(config)
                .setLast_committed_decree(reply.learneeCommittedDecree())
                .setPrepare_start_decree(reply.prepareStartDecree())
                .setType(ConfigurationCodec.learnType(reply.type()))
                .setState(state)
                .setLearnee(Addresses.address(learnee))
                .setHp_learnee(Addresses.hostPort(learnee))
                .setBase_local_dir(baseDir);
    }

    /**
     * The core's learn reply to the request {@code request}; for {@code LT_LOG}/{@code LT_APP} the transfer is the
     * {@link LearnFiles} the learnee named.
     *
     * @throws IllegalArgumentException when an OK reply does not decode
     */
    public static ReplicaMessage.LearnReply learnReply(learn_response in, ReplicaMessage.LearnRequest request) {
        ErrorCode error = error(in.getErr());
        if (error != ErrorCode.ERR_OK) {
            return ReplicaMessage.LearnReply.refused(
                    request.round(), error, request.signature(), in.getLast_committed_decree());
        }
        LearnType type = ConfigurationCodec.learnType(in.getType());
        learn_state state = in.getState() == null ? new learn_state() : in.getState();
        List<io.enif.replication.Mutation> mutations = List.of();
        LearnFiles files = null;
        if (type == LearnType.LT_CACHE) {
            mutations = MutationCodec.decodeList(
                    state.getMeta() == null ? new byte[0] : state.getMeta().data());
        } else {
            List<String> names = state.getFiles() == null ? List.of() : state.getFiles();
            List<Long> sizes = state.getFile_sizes() == null ? List.of() : state.getFile_sizes();
            files = new LearnFiles(in.getBase_local_dir() == null ? "" : in.getBase_local_dir(), names, sizes);
        }
        return new ReplicaMessage.LearnReply(
                request.round(),
                ErrorCode.ERR_OK,
                request.signature(),
                in.getLast_committed_decree(),
                in.getPrepare_start_decree(),
                type,
                state.getFrom_decree_excluded(),
                state.getTo_decree_included(),
                mutations,
                files);
    }

    /** {@code RPC_LEARN_COMPLETION_NOTIFY}'s report. */
    public static group_check_response learnCompletion(
            Gpid pid, HostPort self, ReplicaMessage.LearnCompletionNotify notify) {
        return new group_check_response()
                .setPid(gpid.of(pid))
                .setErr(error_code.of(ErrorCode.ERR_OK))
                .setLast_committed_decree_in_app(notify.lastCommittedDecreeInApp())
                .setLast_committed_decree_in_prepare_list(notify.lastCommittedDecreeInApp())
                .setLearner_status_(learner_status.LearningSucceeded)
                .setLearner_signature(notify.signature())
                .setNode(Addresses.address(self))
                .setHp_node(Addresses.hostPort(self));
    }

    public static ReplicaMessage.LearnCompletionNotify learnCompletion(group_check_response in) {
        return new ReplicaMessage.LearnCompletionNotify(
                in.getLearner_signature(), in.getLast_committed_decree_in_app());
    }

    /** The member that sent a group-check response or completion report, or null. */
    public static HostPort member(group_check_response in) {
        return Addresses.node(in.isSetHp_node() ? in.getHp_node() : null, in.getNode());
    }

    // ---- removal ----

    public static replica_configuration removeReplica(Gpid pid, HostPort primary, ReplicaMessage.RemoveReplica r) {
        return ConfigurationCodec.role(pid, new AssignedRole(r.ballot(), primary, PartitionStatus.INACTIVE, 0));
    }

    public static ReplicaMessage.RemoveReplica removeReplica(replica_configuration in) {
        return new ReplicaMessage.RemoveReplica(in.getBallot());
    }

    // ---- errors ----

    /** The error a struct carries; a missing one reads as {@code ERR_OK}. */
    public static ErrorCode error(error_code err) {
        return err == null ? ErrorCode.ERR_OK : err.code();
    }
}
