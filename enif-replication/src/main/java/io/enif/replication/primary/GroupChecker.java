package io.enif.replication.primary;

import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.replication.PartitionStatus;
import io.enif.replication.core.ReplicaCore;
import io.enif.replication.learn.LearnerRecord;
import io.enif.replication.message.ReplicaMessage;
import io.enif.replication.ready.Ready;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The primary's group check (Pegasus {@code replica_check.cpp}, spec §6.8): every {@code group_check_interval_ms} it
 * re-asserts each member's role and the commit point, re-invites learners, and issues an empty write when nothing
 * was prepared for a whole interval (unless {@code empty_write_disabled}). A member that does not answer in time, or
 * answers with an error, is handled like a failed prepare.
 */
public final class GroupChecker {
    private static final Logger LOG = LoggerFactory.getLogger(GroupChecker.class);

    private final ReplicaCore core;

    public GroupChecker(ReplicaCore core) {
        this.core = core;
    }

    /** Checks the group at once and schedules the next round (a new primary, or a new ballot). */
    public void start() {
        broadcast();
    }

    /** Fires the group-check and empty-write timers, and fails members that did not answer. */
    public void onTick() {
        PrimaryContext ctx = core.primaryContext();
        if (core.status() != PartitionStatus.PRIMARY || ctx == null) {
            return;
        }
        long now = core.nowMs();
        List<HostPort> late = new ArrayList<>();
        for (Map.Entry<HostPort, Long> e : ctx.groupCheckDeadlines().entrySet()) {
            if (now >= e.getValue()) {
                late.add(e.getKey());
            }
        }
        for (HostPort node : late) {
            if (core.status() != PartitionStatus.PRIMARY) {
                return;
            }
            ctx.groupCheckDeadlines().remove(node);
            LOG.warn("{}: group check to {} not answered", core.name(), node);
            core.writePath().handleRemoteFailure(node, ctx.learner(node) != null);
        }
        if (core.status() != PartitionStatus.PRIMARY) {
            return;
        }
        long interval = core.options().groupCheckIntervalMs();
        if (!core.options().emptyWriteDisabled() && now - ctx.lastPrepareMs() >= interval) {
            core.writePath().proposeEmptyWrite();
        }
        if (now >= ctx.nextGroupCheckMs()) {
            broadcast();
        }
    }

    private void broadcast() {
        PrimaryContext ctx = core.primaryContext();
        long now = core.nowMs();
        ctx.setNextGroupCheckMs(now + core.options().groupCheckIntervalMs());
        if (core.options().groupCheckDisabled()) {
            return;
        }
        ctx.groupCheckDeadlines().clear(); // the previous round's pending replies are cancelled
        long committed = core.prepareList().lastCommittedDecree();
        for (HostPort node : ctx.groupCheckTargets()) {
            boolean learner = ctx.learner(node) != null;
            long timeout = learner
                    ? core.options().prepareTimeoutMsForPotentialSecondaries()
                    : core.options().prepareTimeoutMsForSecondaries();
            ctx.groupCheckDeadlines().put(node, now + timeout);
            core.outbox().send(node, new ReplicaMessage.GroupCheck(ctx.roleOf(node), committed));
        }
    }

    /** A member answered a group check. */
    public void onReply(HostPort from, ReplicaMessage.GroupCheckReply reply) {
        PrimaryContext ctx = core.primaryContext();
        if (core.status() != PartitionStatus.PRIMARY || ctx == null) {
            return;
        }
        if (reply.ballot() > core.ballot()) {
            // A member has seen a newer configuration: this primary is stale. Ask the meta server.
            core.outbox().meta(new Ready.QueryConfiguration());
            return;
        }
        if (ctx.groupCheckDeadlines().remove(from) == null) {
            return; // not asked in this round
        }
        LearnerRecord learner = ctx.learner(from);
        if (reply.error() != ErrorCode.ERR_OK) {
            LOG.warn("{}: group check to {} failed: {}", core.name(), from, reply.error());
            core.writePath().handleRemoteFailure(from, learner != null);
        } else if (learner != null) {
            core.learnee().onLearnerReport(from, reply.learnerStatus(), reply.learnerSignature());
        }
    }

    /** A group check could not be delivered. */
    public void onSendFailed(HostPort to, ErrorCode error) {
        PrimaryContext ctx = core.primaryContext();
        if (core.status() != PartitionStatus.PRIMARY || ctx == null) {
            return;
        }
        if (ctx.groupCheckDeadlines().remove(to) != null) {
            LOG.warn("{}: group check to {} failed: {}", core.name(), to, error);
            core.writePath().handleRemoteFailure(to, ctx.learner(to) != null);
        }
    }
}
