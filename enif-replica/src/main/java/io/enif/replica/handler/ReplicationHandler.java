package io.enif.replica.handler;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.proto.base.error_code;
import io.enif.proto.base.gpid;
import io.enif.proto.replication.group_check_request;
import io.enif.proto.replication.group_check_response;
import io.enif.proto.replication.learn_notify_response;
import io.enif.proto.replication.learn_request;
import io.enif.proto.replication.learn_response;
import io.enif.proto.replication.prepare_ack;
import io.enif.proto.replication.prepare_msg;
import io.enif.proto.replication.replica_configuration;
import io.enif.proto.rpc.ReplicationRpcs;
import io.enif.replica.codec.LearnFiles;
import io.enif.replica.codec.MessageCodec;
import io.enif.replica.partition.PartitionRunner;
import io.enif.replication.PartitionStatus;
import io.enif.replication.learn.LearnerStatus;
import io.enif.replication.message.AssignedRole;
import io.enif.replication.message.ReplicaMessage;
import io.enif.rpc.RpcContext;
import io.enif.rpc.RpcDispatcher;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RPCs inside a partition's group (spec §6.6–§6.9): prepare, group check, learner invitation, learn, learn
 * completion and removal. Each is decoded into the core's message and delivered to the partition's runner with the
 * sender named inside the request; the core's answer comes back through the runner and is encoded here.
 *
 * <p>A request for a partition this server does not host is answered with {@code ERR_OBJECT_NOT_FOUND} inside the
 * reply struct, except an invitation to learn (a learner invitation, or a group check giving this server the
 * potential-secondary role), which creates the replica on the {@code opener} executor (opening RocksDB and the private
 * log must not hold up a network thread) and delivers it from there. A request that does not decode gets {@code
 * ERR_INVALID_DATA}.
 */
public final class ReplicationHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicationHandler.class);

    private final ReplicaHost host;
    private final Executor opener;

    /** A handler creating learner replicas on {@code opener} (a pool that may block on disk). */
    public ReplicationHandler(ReplicaHost host, Executor opener) {
        this.host = host;
        this.opener = opener;
    }

    public void register(RpcDispatcher dispatcher) {
        dispatcher.register(ReplicationRpcs.RPC_PREPARE.name(), prepare_msg::new, this::onPrepare);
        dispatcher.register(ReplicationRpcs.RPC_GROUP_CHECK.name(), group_check_request::new, this::onGroupCheck);
        dispatcher.register(ReplicationRpcs.RPC_LEARN_ADD_LEARNER.name(), group_check_request::new, this::onAddLearner);
        dispatcher.register(ReplicationRpcs.RPC_LEARN.name(), learn_request::new, this::onLearn);
        dispatcher.register(
                ReplicationRpcs.RPC_LEARN_COMPLETION_NOTIFY.name(), group_check_response::new, this::onCompletion);
        dispatcher.register(ReplicationRpcs.RPC_REMOVE_REPLICA.name(), replica_configuration::new, this::onRemove);
    }

    private void onPrepare(RpcContext ctx, prepare_msg msg) {
        ReplicaMessage.Prepare prepare;
        Gpid pid;
        try {
            prepare = MessageCodec.prepare(msg);
            pid = msg.getConfig().getPid().toGpid();
        } catch (RuntimeException e) {
            invalid(ctx, e);
            return;
        }
        PartitionRunner runner = host.get(pid);
        if (runner == null) {
            ctx.reply(new prepare_ack()
                    .setPid(gpid.of(pid))
                    .setErr(error_code.of(ErrorCode.ERR_OBJECT_NOT_FOUND))
                    .setBallot(prepare.mutation().ballot())
                    .setDecree(prepare.mutation().decree()));
            return;
        }
        runner.deliver(
                prepare.role().primary(),
                prepare,
                reply -> ctx.reply(MessageCodec.prepareAck(pid, (ReplicaMessage.PrepareAck) reply)));
    }

    private void onGroupCheck(RpcContext ctx, group_check_request request) {
        ReplicaMessage.GroupCheck check;
        Gpid pid;
        try {
            check = MessageCodec.groupCheck(request);
            pid = request.getConfig().getPid().toGpid();
        } catch (RuntimeException e) {
            invalid(ctx, e);
            return;
        }
        if (mustCreate(pid, check.role(), request)) {
            opener.execute(() -> deliverGroupCheck(ctx, pid, check, host.getOrCreate(pid, request.getApp())));
            return;
        }
        deliverGroupCheck(ctx, pid, check, host.get(pid));
    }

    private void deliverGroupCheck(RpcContext ctx, Gpid pid, ReplicaMessage.GroupCheck check, PartitionRunner runner) {
        if (runner == null) {
            ctx.reply(MessageCodec.groupCheckReply(
                    pid,
                    host.self(),
                    new ReplicaMessage.GroupCheckReply(
                            ErrorCode.ERR_OBJECT_NOT_FOUND,
                            check.role().ballot(),
                            0,
                            0,
                            LearnerStatus.INVALID,
                            AssignedRole.NO_SIGNATURE)));
            return;
        }
        runner.deliver(
                check.role().primary(),
                check,
                reply -> ctx.reply(
                        MessageCodec.groupCheckReply(pid, host.self(), (ReplicaMessage.GroupCheckReply) reply)));
    }

    private void onAddLearner(RpcContext ctx, group_check_request request) {
        ctx.noReply();
        try {
            ReplicaMessage.AddLearner invitation = MessageCodec.addLearner(request);
            Gpid pid = request.getConfig().getPid().toGpid();
            if (mustCreate(pid, invitation.role(), request)) {
                opener.execute(() -> {
                    PartitionRunner created = host.getOrCreate(pid, request.getApp());
                    if (created != null) {
                        created.deliver(invitation.role().primary(), invitation, null);
                    }
                });
                return;
            }
            PartitionRunner runner = host.get(pid);
            if (runner != null) {
                runner.deliver(invitation.role().primary(), invitation, null);
            }
        } catch (RuntimeException e) {
            LOG.warn("dropping a malformed learner invitation: {}", e.toString());
        }
    }

    /** Whether {@code pid} is not hosted and the role invites this server to learn it (so a replica is created). */
    private boolean mustCreate(Gpid pid, AssignedRole role, group_check_request request) {
        return host.get(pid) == null
                && role.status() == PartitionStatus.POTENTIAL_SECONDARY
                && request.getApp() != null;
    }

    private void onLearn(RpcContext ctx, learn_request request) {
        Gpid pid = request.getPid() == null ? null : request.getPid().toGpid();
        HostPort learner = MessageCodec.learner(request);
        if (pid == null || learner == null) {
            invalid(ctx, new IllegalArgumentException("learn request without pid or learner"));
            return;
        }
        ReplicaMessage.LearnRequest learn = MessageCodec.learnRequest(request, 0);
        PartitionRunner runner = host.get(pid);
        if (runner == null) {
            ctx.reply(MessageCodec.learnReply(
                    pid,
                    host.self(),
                    ReplicaMessage.LearnReply.refused(0, ErrorCode.ERR_OBJECT_NOT_FOUND, learn.signature(), 0),
                    null));
            return;
        }
        runner.deliver(learner, learn, reply -> {
            ReplicaMessage.LearnReply answer = (ReplicaMessage.LearnReply) reply;
            LearnFiles files = answer.transfer() instanceof LearnFiles f ? f : null;
            learn_response response = MessageCodec.learnReply(pid, host.self(), answer, files);
            ctx.reply(response);
        });
    }

    private void onCompletion(RpcContext ctx, group_check_response report) {
        Gpid pid = report.getPid() == null ? null : report.getPid().toGpid();
        HostPort learner = MessageCodec.member(report);
        if (pid == null || learner == null) {
            invalid(ctx, new IllegalArgumentException("completion report without pid or node"));
            return;
        }
        PartitionRunner runner = host.get(pid);
        ErrorCode error = ErrorCode.ERR_OK;
        if (runner == null) {
            error = ErrorCode.ERR_OBJECT_NOT_FOUND;
        } else {
            runner.deliver(learner, MessageCodec.learnCompletion(report), null);
        }
        ctx.reply(new learn_notify_response()
                .setPid(gpid.of(pid))
                .setErr(error_code.of(error))
                .setSignature(report.getLearner_signature()));
    }

    private void onRemove(RpcContext ctx, replica_configuration config) {
        ctx.noReply();
        try {
            AssignedRole role = io.enif.replica.codec.ConfigurationCodec.role(config);
            PartitionRunner runner = host.get(config.getPid().toGpid());
            if (runner != null) {
                runner.deliver(role.primary(), MessageCodec.removeReplica(config), null);
            }
        } catch (RuntimeException e) {
            LOG.warn("dropping a malformed removal: {}", e.toString());
        }
    }

    private static void invalid(RpcContext ctx, RuntimeException e) {
        LOG.debug("bad {} from {}: {}", ctx.request().name(), ctx.remoteAddress(), e.toString());
        if (ctx.request().isOneway()) {
            ctx.noReply();
        } else {
            ctx.replyError(ErrorCode.ERR_INVALID_DATA);
        }
    }
}
