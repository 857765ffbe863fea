package io.enif.replication.primary;

import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.replication.BrokenRule;
import io.enif.replication.Mutation;
import io.enif.replication.MutationUpdate;
import io.enif.replication.PartitionStatus;
import io.enif.replication.core.ReplicaCore;
import io.enif.replication.event.Event;
import io.enif.replication.learn.LearnerRecord;
import io.enif.replication.log.LogEntry;
import io.enif.replication.log.PrepareList;
import io.enif.replication.message.ReplicaMessage;
import io.enif.replication.ready.Ready;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The primary's side of two-phase commit (PacificA §3.2; Pegasus {@code replica_2pc.cpp}): admission of client
 * writes, decree assignment, prepares, acks, commit, prepare timeouts and retries, and the reconciliation round of a
 * new primary.
 *
 * <p>Commit rule: a decree commits when the local log has it, every secondary acked it and every learner it was sent
 * to acked it or was dropped, and every lower decree committed. A secondary that fails a prepare (anything but a
 * retried {@code ERR_INACTIVE_STATE}/{@code ERR_TRY_AGAIN}, or no answer within {@code
 * prepare_timeout_ms_for_secondaries}) is reported to the meta server with {@code CT_DOWNGRADE_TO_INACTIVE}; the
 * primary stops taking writes until the new configuration is persisted and then re-proposes what is uncommitted.
 */
public final class WritePath {
    private static final Logger LOG = LoggerFactory.getLogger(WritePath.class);

    private final ReplicaCore core;

    public WritePath(ReplicaCore core) {
        this.core = core;
    }

    private PrimaryContext ctx() {
        return core.primaryContext();
    }

    // ---- admission ----

    /** A client write: admit it, or reply with the reason it is refused. */
    public void onClientWrite(Event.ClientWrite write) {
        ErrorCode refusal = admissionError();
        List<MutationUpdate> admitted = new ArrayList<>(write.updates().size());
        for (MutationUpdate u : write.updates()) {
            if (refusal != ErrorCode.ERR_OK) {
                refuse(u, refusal);
            } else if (u.data().length > core.options().maxAllowedWriteSize()) {
                refuse(u, ErrorCode.ERR_INVALID_DATA);
            } else {
                admitted.add(u);
            }
        }
        if (admitted.isEmpty()) {
            return;
        }
        PrepareList list = core.prepareList();
        long decree = list.maxDecree() + 1;
        if (list.exceedsStaleness(decree)) {
            admitted.forEach(u -> refuse(u, ErrorCode.ERR_CAPACITY_EXCEEDED));
            return;
        }
        propose(new Mutation(
                core.gpid(), core.ballot(), decree, list.lastCommittedDecree(), core.nextTimestampUs(), admitted));
    }

    /** Why a write cannot be taken now, or {@code ERR_OK}. */
    ErrorCode admissionError() {
        if (core.status() != PartitionStatus.PRIMARY || ctx() == null) {
            return ErrorCode.ERR_INVALID_STATE;
        }
        int members = ctx().secondaries().size() + 1;
        if (members < core.options().minReplicaCount(core.maxReplicaCount())) {
            return ErrorCode.ERR_NOT_ENOUGH_MEMBER;
        }
        return ErrorCode.ERR_OK;
    }

    private void refuse(MutationUpdate u, ErrorCode error) {
        if (u.hasRequest()) {
            core.outbox().reply(new Ready.ClientReply(u.requestId(), error, -1));
        }
    }

    // ---- prepare ----

    /**
     * Puts a mutation of the current ballot into the prepare list, appends it to the local log and prepares it to
     * every secondary and to every learner that takes prepares from its decree on.
     */
    void propose(Mutation m) {
        PrepareList.PrepareResult result = core.prepareList().prepare(m, null);
        if (result.error() != ErrorCode.ERR_OK) {
            // Admission and reconciliation stay inside the window, so this is a bug; never lose track of clients.
            LOG.error("{}: cannot prepare {} on the primary: {}", core.name(), m.name(), result.error());
            core.abandonRequests(m);
            return;
        }
        core.abandonRequestsNotIn(result.replaced(), m);
        PrimaryContext ctx = ctx();
        PendingMutation pending = new PendingMutation(m);
        long now = core.nowMs();
        for (HostPort s : ctx.secondaries()) {
            pending.await(s, false, now + core.options().prepareTimeoutMsForSecondaries());
        }
        for (LearnerRecord learner : ctx.learners()) {
            if (learner.receivesPrepare(m.decree())) {
                pending.await(learner.node(), true, now + core.options().prepareTimeoutMsForPotentialSecondaries());
            }
        }
        ctx.pending().put(m.decree(), pending);
        ctx.setLastPrepareMs(now);
        core.outbox().append(m);
        for (HostPort node : pending.waiting().keySet()) {
            sendPrepare(node, m);
        }
        tryCommit();
    }

    private void sendPrepare(HostPort node, Mutation m) {
        core.outbox().send(node, new ReplicaMessage.Prepare(ctx().roleOf(node), m));
    }

    /** An empty write, to move the commit point on an idle partition. Skipped when writes are not admitted. */
    void proposeEmptyWrite() {
        PrepareList list = core.prepareList();
        long decree = list.maxDecree() + 1;
        if (admissionError() != ErrorCode.ERR_OK || list.exceedsStaleness(decree)) {
            return;
        }
        propose(Mutation.empty(core.gpid(), core.ballot(), decree, list.lastCommittedDecree(), core.nextTimestampUs()));
    }

    /**
     * Reconciliation of a new primary (or of a primary under a new ballot): re-proposes every decree between the
     * commit point and the highest prepared decree with the current ballot, filling holes with empty writes, so that
     * whatever any member may have committed is committed again everywhere before anything new. Reads wait until
     * this round is applied.
     */
    public void replay() {
        PrimaryContext ctx = ctx();
        ctx.pending().clear();
        PrepareList list = core.prepareList();
        long committed = list.lastCommittedDecree();
        long max = list.maxDecree();
        for (long d = committed + 1; d <= max; d++) {
            LogEntry entry = list.get(d);
            Mutation m = entry != null
                    ? entry.mutation().withBallot(core.ballot(), committed)
                    : Mutation.empty(core.gpid(), core.ballot(), d, committed, core.nextTimestampUs());
            propose(m);
        }
        ctx.setReconciledUntil(Math.max(ctx.reconciledUntil(), max));
        ctx.setLastPrepareMs(core.nowMs());
        if (max > committed) {
            LOG.info("{}: reconciling decrees ({}, {}] under ballot {}", core.name(), committed, max, core.ballot());
        }
    }

    /**
     * Sends a learner that just connected to the prepare stream every uncommitted decree from {@code from} on, and
     * waits for its acks too.
     */
    public void replayToLearner(HostPort learner, long from) {
        long deadline = core.nowMs() + core.options().prepareTimeoutMsForPotentialSecondaries();
        for (PendingMutation p : ctx().pending().tailMap(from, true).values()) {
            p.await(learner, true, deadline);
            sendPrepare(learner, p.mutation());
        }
    }

    /** Stops waiting for {@code node} anywhere (a dropped learner). */
    public void forget(HostPort node) {
        for (PendingMutation p : ctx().pending().values()) {
            p.done(node);
        }
        tryCommit();
    }

    // ---- acks and commit ----

    /** The local log wrote a mutation of this primary. */
    public void onLogged() {
        tryCommit();
    }

    /** A member answered a prepare. */
    public void onPrepareAck(HostPort from, ReplicaMessage.PrepareAck ack) {
        if (core.status() != PartitionStatus.PRIMARY || ack.ballot() != core.ballot()) {
            return;
        }
        PendingMutation p = ctx().pending(ack.decree());
        if (p == null || p.mutation().ballot() != ack.ballot()) {
            return;
        }
        PendingMutation.Waiter waiter = p.waiter(from);
        if (waiter == null) {
            return; // duplicate or late
        }
        if (waiter.learner) {
            LearnerRecord learner = ctx().learner(from);
            if (learner == null || learner.signature() != ack.learnerSignature()) {
                return; // from an earlier learning round, whose prepares the learner dropped
            }
        }
        if (ack.error() == ErrorCode.ERR_OK) {
            p.done(from);
            tryCommit();
            if (waiter.learner) {
                core.learnee().tryUpgrade(from);
            }
        } else {
            onPrepareError(from, p, waiter, ack.error());
        }
    }

    /** A prepare could not be delivered (the driver's RPC failed). */
    public void onPrepareSendFailed(HostPort to, ReplicaMessage.Prepare prepare, ErrorCode error) {
        if (core.status() != PartitionStatus.PRIMARY || prepare.mutation().ballot() != core.ballot()) {
            return;
        }
        PendingMutation p = ctx().pending(prepare.mutation().decree());
        if (p == null || p.mutation().ballot() != core.ballot() || p.waiter(to) == null) {
            return;
        }
        LearnerRecord learner = ctx().learner(to);
        if (p.waiter(to).learner
                && (learner == null || learner.signature() != prepare.role().learnerSignature())) {
            return;
        }
        onPrepareError(to, p, p.waiter(to), error);
    }

    private void onPrepareError(HostPort node, PendingMutation p, PendingMutation.Waiter waiter, ErrorCode error) {
        long delay = core.options().prepareRetryDelayMs();
        boolean retriable = error == ErrorCode.ERR_INACTIVE_STATE || error == ErrorCode.ERR_TRY_AGAIN;
        if (retriable && core.nowMs() + delay + 2 < waiter.deadlineMs) {
            if (delay == 0) {
                sendPrepare(node, p.mutation());
            } else {
                waiter.retryAtMs = core.nowMs() + delay;
            }
            return;
        }
        LOG.warn("{}: prepare {} to {} failed: {}", core.name(), p.mutation().name(), node, error);
        handleRemoteFailure(node, waiter.learner);
    }

    /**
     * A member failed (prepare or group check): a learner is dropped; for a secondary the primary asks the meta
     * server to remove it ({@code CT_DOWNGRADE_TO_INACTIVE}).
     */
    public void handleRemoteFailure(HostPort node, boolean learner) {
        if (learner || ctx().learner(node) != null) {
            core.learnee().dropLearner(node);
        } else if (ctx().secondaries().contains(node)) {
            core.reconfiguration().requestDowngrade(node);
        }
    }

    /** Commits, in decree order, every decree that is logged and acked. */
    public void tryCommit() {
        PrimaryContext ctx = ctx();
        if (core.status() != PartitionStatus.PRIMARY || ctx == null) {
            return;
        }
        PrepareList list = core.prepareList();
        List<Mutation> committed = list.commitReady(list.maxDecree(), e -> {
            PendingMutation p = ctx.pending(e.decree());
            return e.logged()
                    && e.ballot() == core.ballot()
                    && p != null
                    && (p.acked() || core.breaks(BrokenRule.COMMIT_BEFORE_ALL_ACKED));
        });
        for (Mutation m : committed) {
            ctx.pending().remove(m.decree());
        }
        core.emitCommits(committed);
    }

    // ---- timers ----

    /** Re-sends prepares whose retry delay passed and fails members whose prepare timed out. */
    public void onTick() {
        PrimaryContext ctx = ctx();
        if (core.status() != PartitionStatus.PRIMARY || ctx == null) {
            return;
        }
        long now = core.nowMs();
        List<HostPort> failedSecondaries = new ArrayList<>();
        List<HostPort> failedLearners = new ArrayList<>();
        for (PendingMutation p : ctx.pending().values()) {
            for (Map.Entry<HostPort, PendingMutation.Waiter> e : p.waiting().entrySet()) {
                PendingMutation.Waiter w = e.getValue();
                if (now >= w.deadlineMs) {
                    (w.learner ? failedLearners : failedSecondaries).add(e.getKey());
                } else if (w.retryAtMs >= 0 && now >= w.retryAtMs) {
                    w.retryAtMs = -1;
                    sendPrepare(e.getKey(), p.mutation());
                }
            }
        }
        for (HostPort learner : failedLearners) {
            if (core.status() == PartitionStatus.PRIMARY && ctx.learner(learner) != null) {
                LOG.warn("{}: prepare to learner {} timed out", core.name(), learner);
                core.learnee().dropLearner(learner);
            }
        }
        if (!failedSecondaries.isEmpty() && core.status() == PartitionStatus.PRIMARY) {
            LOG.warn("{}: prepare to {} timed out", core.name(), failedSecondaries.get(0));
            handleRemoteFailure(failedSecondaries.get(0), false);
        }
    }

    /** Whether some prepared mutation still waits for {@code node}'s ack. */
    public boolean waitsFor(HostPort node) {
        PrimaryContext ctx = ctx();
        if (ctx == null) {
            return false;
        }
        for (PendingMutation p : ctx.pending().values()) {
            if (p.waitsFor(node)) {
                return true;
            }
        }
        return false;
    }

    /** How many prepared mutations wait to commit (for tests and metrics). */
    public int pendingCount() {
        return ctx() == null ? 0 : ctx().pending().size();
    }
}
