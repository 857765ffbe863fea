package io.enif.replication.learn;

import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.replication.Mutation;
import io.enif.replication.PartitionStatus;
import io.enif.replication.core.ReplicaCore;
import io.enif.replication.log.PrepareList;
import io.enif.replication.message.AssignedRole;
import io.enif.replication.message.ReplicaMessage;
import io.enif.replication.ready.Ready;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A potential secondary's side of learning (spec §6.9): rounds of learn requests until it is on the primary's
 * prepare stream and level with the primary's commit point, then a completion notice.
 *
 * <p>States ({@link LearnerStatus}): a new signature resets the learner to {@code WITHOUT_PREPARE} and truncates its
 * prepare list to what its storage holds. An {@code LT_APP} or {@code LT_LOG} answer becomes an {@link
 * Ready.ApplyLearnedState} effect; once the driver reports it applied, the next round starts. An {@code LT_CACHE}
 * answer puts the learned mutations into the log and prepare list and moves to {@code WITH_PREPARE}, where prepares
 * are accepted; when the learned prefix is committed the learner is {@code SUCCEEDED} and tells the primary.
 */
public final class Learner {
    private static final Logger LOG = LoggerFactory.getLogger(Learner.class);

    private final ReplicaCore core;
    private long signature = AssignedRole.NO_SIGNATURE;
    private LearnerStatus status = LearnerStatus.INVALID;
    private long prepareStartDecree = -1;
    private HostPort learnee;
    private long round;
    private boolean requestPending;
    private boolean transferPending;
    private long retryAtMs = Long.MAX_VALUE;

    public Learner(ReplicaCore core) {
        this.core = core;
    }

    /** The signature of the current learning round, or {@link AssignedRole#NO_SIGNATURE}. */
    public long signature() {
        return signature;
    }

    public LearnerStatus status() {
        return status;
    }

    /** Forgets learning (the replica is no longer a potential secondary). */
    public void clear() {
        signature = AssignedRole.NO_SIGNATURE;
        status = LearnerStatus.INVALID;
        prepareStartDecree = -1;
        learnee = null;
        requestPending = false;
        transferPending = false;
        retryAtMs = Long.MAX_VALUE;
    }

    /** The primary invited this replica (again) to learn with {@code newSignature}. */
    public void onInvite(HostPort primary, long newSignature) {
        if (core.status() != PartitionStatus.POTENTIAL_SECONDARY) {
            return;
        }
        if (newSignature != signature) {
            clear();
            signature = newSignature;
            learnee = primary;
            status = LearnerStatus.WITHOUT_PREPARE;
            PrepareList list = core.prepareList();
            for (Mutation dropped : list.reset(list.lastCommittedDecree())) {
                core.abandonRequests(dropped);
            }
            core.resetCommitTarget(list.lastCommittedDecree());
            LOG.info("{}: learning from {} with signature {}", core.name(), primary, newSignature);
            sendRequest();
        } else if (status == LearnerStatus.FAILED) {
            status = LearnerStatus.WITHOUT_PREPARE;
            sendRequest();
        } else if (status == LearnerStatus.WITHOUT_PREPARE && !requestPending && !transferPending) {
            sendRequest();
        } else if (status == LearnerStatus.SUCCEEDED) {
            notifyPrimary();
        }
    }

    private void sendRequest() {
        PrepareList list = core.prepareList();
        requestPending = true;
        round++;
        retryAtMs = core.nowMs() + core.options().prepareTimeoutMsForPotentialSecondaries();
        core.outbox()
                .send(
                        learnee,
                        new ReplicaMessage.LearnRequest(
                                round, signature, list.lastCommittedDecree(), list.lastCommittedDecree()));
    }

    /** The learnee's answer. */
    public void onLearnReply(HostPort from, ReplicaMessage.LearnReply reply) {
        if (core.status() != PartitionStatus.POTENTIAL_SECONDARY
                || reply.signature() != signature
                || !from.equals(learnee)
                || !requestPending
                || reply.round() != round) {
            return;
        }
        requestPending = false;
        retryAtMs = Long.MAX_VALUE;
        if (reply.error() != ErrorCode.ERR_OK) {
            LOG.warn("{}: learn request refused by {}: {}", core.name(), from, reply.error());
            if (reply.error() == ErrorCode.ERR_INCONSISTENT_STATE) {
                retryAtMs = core.nowMs() + core.options().learnRetryMs();
            } else {
                status = LearnerStatus.FAILED;
            }
            return;
        }
        PrepareList list = core.prepareList();
        if (reply.learneeCommittedDecree() < list.lastCommittedDecree()) {
            // Our data reaches beyond the learnee's history: it is from a lost history. Start empty.
            LOG.warn(
                    "{}: discarding local data (committed {}, learnee {})",
                    core.name(),
                    list.lastCommittedDecree(),
                    reply.learneeCommittedDecree());
            discardLocalData(list);
        }
        if (reply.fromDecreeExclusive() == 0 && list.lastCommittedDecree() > 0) {
            // The learnee found our data beyond its whole history (a lost history) and teaches from scratch.
            discardLocalData(list);
        }
        if (reply.fromDecreeExclusive() != list.lastCommittedDecree()) {
            sendRequest(); // does not connect to what we hold
            return;
        }
        if (reply.type() == LearnType.LT_CACHE) {
            learnFromCache(reply);
        } else {
            transferPending = true;
            core.outbox()
                    .learnTransfer(new Ready.ApplyLearnedState(
                            from,
                            signature,
                            reply.type(),
                            reply.fromDecreeExclusive(),
                            reply.toDecreeInclusive(),
                            reply.transfer()));
        }
    }

    private void discardLocalData(PrepareList list) {
        core.outbox().discardLocalData();
        list.reset(0);
        core.setLastAppliedDecree(0);
        core.resetCommitTarget(0);
    }

    private void learnFromCache(ReplicaMessage.LearnReply reply) {
        status = LearnerStatus.WITH_PREPARE_TRANSIENT;
        PrepareList list = core.prepareList();
        for (Mutation m : reply.mutations()) {
            core.observeTimestamp(m.timestampUs());
            if (m.decree() > list.lastCommittedDecree()) {
                Mutation learned = m.withoutRequests();
                PrepareList.PrepareResult result = list.prepare(learned, null);
                if (result.error() == ErrorCode.ERR_OK) {
                    core.outbox().append(learned);
                }
            }
        }
        prepareStartDecree = reply.prepareStartDecree();
        core.raiseCommitTarget(prepareStartDecree - 1);
        status = LearnerStatus.WITH_PREPARE;
        core.commitOnMember();
        checkSucceeded();
    }

    /** The driver applied learned state: the storage holds every decree up to {@code committedDecree}. */
    public void onLearnedStateApplied(long appliedSignature, long committedDecree) {
        if (core.status() != PartitionStatus.POTENTIAL_SECONDARY || appliedSignature != signature || !transferPending) {
            return;
        }
        transferPending = false;
        core.prepareList().reset(committedDecree);
        core.setLastAppliedDecree(committedDecree);
        core.resetCommitTarget(committedDecree);
        sendRequest();
    }

    /** Copying or applying learned state failed. */
    public void onLearnedStateFailed(long failedSignature, ErrorCode error) {
        if (failedSignature == signature && transferPending) {
            LOG.warn("{}: applying learned state failed: {}", core.name(), error);
            transferPending = false;
            status = LearnerStatus.FAILED;
        }
    }

    /** A learn request could not be delivered: ask again later. */
    public void onRequestFailed() {
        if (requestPending) {
            requestPending = false;
            retryAtMs = core.nowMs() + core.options().learnRetryMs();
        }
    }

    /** Moves to {@code SUCCEEDED} once everything before the prepare stream is committed. */
    public void checkSucceeded() {
        if (core.status() == PartitionStatus.POTENTIAL_SECONDARY
                && status == LearnerStatus.WITH_PREPARE
                && core.prepareList().lastCommittedDecree() >= prepareStartDecree - 1) {
            status = LearnerStatus.SUCCEEDED;
            LOG.info(
                    "{}: learning succeeded at decree {}",
                    core.name(),
                    core.prepareList().lastCommittedDecree());
            notifyPrimary();
        }
    }

    private void notifyPrimary() {
        core.outbox().send(learnee, new ReplicaMessage.LearnCompletionNotify(signature, core.lastAppliedDecree()));
    }

    /** Retries a learn request that was refused for now or got no answer. */
    public void onTick() {
        if (core.status() != PartitionStatus.POTENTIAL_SECONDARY || transferPending) {
            return;
        }
        if (core.nowMs() >= retryAtMs && (status == LearnerStatus.WITHOUT_PREPARE)) {
            sendRequest();
        }
    }
}
