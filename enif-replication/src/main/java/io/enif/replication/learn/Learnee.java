package io.enif.replication.learn;

import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.replication.ConfigType;
import io.enif.replication.Mutation;
import io.enif.replication.PartitionStatus;
import io.enif.replication.core.ReplicaCore;
import io.enif.replication.log.PrepareList;
import io.enif.replication.message.ReplicaMessage;
import io.enif.replication.primary.PrimaryContext;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The primary's side of learning (spec §6.9; Pegasus {@code replica_learn.cpp}, "learnee"): inviting a learner on
 * {@code CT_ADD_SECONDARY}, answering its learn requests, and asking the meta server to make it a secondary once it
 * has caught up.
 *
 * <p>How a learn request is answered, with {@code learnStart} = the learner's committed decree + 1:
 *
 * <ul>
 *   <li>{@link LearnType#LT_CACHE} when the prepare list still holds {@code learnStart} (or the learner is already
 *       level with the commit point): the committed mutations from {@code learnStart} go in the reply, and the
 *       learner takes prepares from the commit point + 1 on (the uncommitted ones are re-sent to it at once);
 *   <li>{@link LearnType#LT_LOG} when the private log still covers {@code learnStart} or the storage's newest
 *       checkpoint does not: the log up to the commit point;
 *   <li>{@link LearnType#LT_APP} otherwise: the newest checkpoint.
 * </ul>
 *
 * The driver tells the core what the log and the checkpoint cover ({@link
 * io.enif.replication.event.Event.StorageProgress}); the core never looks at files.
 */
public final class Learnee {
    private static final Logger LOG = LoggerFactory.getLogger(Learnee.class);

    private final ReplicaCore core;

    public Learnee(ReplicaCore core) {
        this.core = core;
    }

    /**
     * {@code CT_ADD_SECONDARY} (or {@code _FOR_LB}, which allows one learner more): start a learner on {@code node}.
     */
    public void addLearner(HostPort node, boolean forLoadBalancer) {
        PrimaryContext ctx = core.primaryContext();
        if (core.status() != PartitionStatus.PRIMARY || ctx == null) {
            return;
        }
        if (node.equals(core.self()) || ctx.secondaries().contains(node)) {
            return;
        }
        LearnerRecord record = ctx.learner(node);
        if (record == null) {
            int limit = core.maxReplicaCount() - 1 + (forLoadBalancer ? 1 : 0);
            if (ctx.secondaries().size() + ctx.learners().size() >= limit) {
                LOG.info("{}: not adding learner {}: group already full", core.name(), node);
                return;
            }
            record = new LearnerRecord(node, ctx.nextLearningSignature());
            ctx.addLearner(record);
            LOG.info("{}: adding learner {}", core.name(), record);
        }
        core.outbox()
                .send(
                        node,
                        new ReplicaMessage.AddLearner(
                                ctx.roleOf(node), core.prepareList().lastCommittedDecree()));
    }

    /** {@code RPC_LEARN}: decide what the learner gets. */
    public void onLearnRequest(HostPort from, ReplicaMessage.LearnRequest request) {
        PrepareList list = core.prepareList();
        long committed = list.lastCommittedDecree();
        PrimaryContext ctx = core.primaryContext();
        if (core.status() != PartitionStatus.PRIMARY || ctx == null) {
            refuse(from, request.round(), ErrorCode.ERR_INVALID_STATE, request.signature());
            return;
        }
        LearnerRecord record = ctx.learner(from);
        if (record == null) {
            refuse(from, request.round(), ErrorCode.ERR_OBJECT_NOT_FOUND, request.signature());
            return;
        }
        if (record.signature() != request.signature()) {
            refuse(from, request.round(), ErrorCode.ERR_INVALID_STATE, request.signature());
            return;
        }
        long learnerCommitted = request.lastCommittedDecreeInApp();
        if (learnerCommitted > list.maxDecree()) {
            learnerCommitted = 0; // the learner's data comes from a lost history: learn from scratch
        } else if (learnerCommitted > committed) {
            refuse(
                    from,
                    request.round(),
                    ErrorCode.ERR_INCONSISTENT_STATE,
                    request.signature()); // it will ask again later
            return;
        }
        long learnStart = learnerCommitted + 1;
        if (learnStart > committed || list.minDecree() <= learnStart) {
            List<Mutation> cached = list.committedRange(learnStart, committed);
            if (cached != null) {
                long prepareStart = committed + 1;
                record.setPrepareStartDecree(prepareStart);
                core.outbox()
                        .send(
                                from,
                                new ReplicaMessage.LearnReply(
                                        request.round(),
                                        ErrorCode.ERR_OK,
                                        record.signature(),
                                        committed,
                                        prepareStart,
                                        LearnType.LT_CACHE,
                                        learnerCommitted,
                                        committed,
                                        cached,
                                        null));
                core.writePath().replayToLearner(from, prepareStart);
                return;
            }
        }
        boolean fromLog = learnStart >= core.firstLogDecree() || learnStart > core.lastDurableDecree();
        LearnType type = fromLog ? LearnType.LT_LOG : LearnType.LT_APP;
        long to = fromLog ? committed : core.lastDurableDecree();
        core.outbox()
                .send(
                        from,
                        new ReplicaMessage.LearnReply(
                                request.round(),
                                ErrorCode.ERR_OK,
                                record.signature(),
                                committed,
                                -1,
                                type,
                                learnerCommitted,
                                to,
                                List.of(),
                                null));
    }

    private void refuse(HostPort to, long round, ErrorCode error, long signature) {
        core.outbox()
                .send(
                        to,
                        ReplicaMessage.LearnReply.refused(
                                round, error, signature, core.prepareList().lastCommittedDecree()));
    }

    /** {@code RPC_LEARN_COMPLETION_NOTIFY}. */
    public void onCompletionNotify(HostPort from, ReplicaMessage.LearnCompletionNotify notify) {
        onLearnerReport(from, LearnerStatus.SUCCEEDED, notify.signature());
    }

    /**
     * A learner reported its status (completion notice or group-check reply). One that succeeded with the current
     * signature is proposed to the meta server as a secondary once it is safe: see {@link #tryUpgrade}.
     */
    public void onLearnerReport(HostPort from, LearnerStatus status, long signature) {
        PrimaryContext ctx = core.primaryContext();
        if (core.status() != PartitionStatus.PRIMARY || ctx == null) {
            return;
        }
        LearnerRecord record = ctx.learner(from);
        if (record == null || record.signature() != signature || status != LearnerStatus.SUCCEEDED) {
            return;
        }
        record.setSucceeded();
        tryUpgrade(from);
    }

    /**
     * Asks the meta server to make a learner a secondary ({@code CT_UPGRADE_TO_SECONDARY}) if it reported success,
     * learned from this primary's cache (so it is on the prepare stream), and has acked every prepare sent to it.
     *
     * <p>The last condition matters after a primary change: the reconciliation round re-proposes decrees an earlier
     * primary may have committed, and a secondary must hold all of them, or it could become the next primary without
     * them. While the request is in flight the primary proposes nothing new, so the learner holds every decree the
     * primary holds when the new configuration is persisted.
     */
    public void tryUpgrade(HostPort node) {
        PrimaryContext ctx = core.primaryContext();
        if (core.status() != PartitionStatus.PRIMARY
                || ctx == null
                || core.reconfiguration().isPending()) {
            return; // a later report or ack tries again
        }
        LearnerRecord record = ctx.learner(node);
        if (record == null
                || !record.succeeded()
                || record.prepareStartDecree() == LearnerRecord.NO_PREPARE_START
                || core.writePath().waitsFor(node)) {
            return;
        }
        LOG.info("{}: learner {} caught up, asking to upgrade it", core.name(), node);
        List<HostPort> secondaries = new ArrayList<>(ctx.secondaries());
        secondaries.add(node);
        core.reconfiguration()
                .request(
                        ConfigType.CT_UPGRADE_TO_SECONDARY,
                        node,
                        core.partitionConfiguration()
                                .next(
                                        core.self(),
                                        secondaries,
                                        core.prepareList().lastCommittedDecree()));
    }

    /** Forgets a learner (it failed a prepare or a group check, or was removed). */
    public void dropLearner(HostPort node) {
        PrimaryContext ctx = core.primaryContext();
        if (ctx == null || ctx.removeLearner(node) == null) {
            return;
        }
        LOG.warn("{}: dropping learner {}", core.name(), node);
        ctx.cancelGroupCheck(node);
        core.writePath().forget(node);
    }
}
