package io.enif.replication.secondary;

import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.replication.BrokenRule;
import io.enif.replication.Mutation;
import io.enif.replication.PartitionStatus;
import io.enif.replication.core.ReplicaCore;
import io.enif.replication.learn.LearnerStatus;
import io.enif.replication.log.LogEntry;
import io.enif.replication.log.PrepareList;
import io.enif.replication.message.AssignedRole;
import io.enif.replication.message.ReplicaMessage;

/**
 * A secondary's or learner's handling of {@code RPC_PREPARE} (spec §6.6; Pegasus {@code replica::on_prepare}).
 *
 * <p>Rules, in order: a mutation of a lower ballot is ignored without an answer; a higher ballot makes the replica
 * adopt the sender's configuration first; an inactive, erroneous or mismatched replica refuses ({@code
 * ERR_INACTIVE_STATE} if it expects to come back, so the primary retries; otherwise {@code ERR_INVALID_STATE}); a
 * learner still copying state answers {@code ERR_TRY_AGAIN}; a decree already committed, or the same decree and
 * ballot already logged, is acked at once. Otherwise the mutation goes into the prepare list and the log, and is
 * acked when the log has it. The piggybacked commit point is committed as soon as the decrees up to it are logged.
 */
public final class PrepareHandler {
    private final ReplicaCore core;

    public PrepareHandler(ReplicaCore core) {
        this.core = core;
    }

    public void onPrepare(HostPort from, ReplicaMessage.Prepare prepare) {
        AssignedRole role = prepare.role();
        Mutation m = prepare.mutation().withoutRequests();
        boolean stale = m.ballot() < core.ballot() || role.ballot() < core.ballot();
        if (stale && !core.breaks(BrokenRule.ACCEPT_STALE_BALLOT)) {
            return; // old view: the primary has moved on
        }
        if (role.ballot() > core.ballot() && !core.roles().adoptRole(role)) {
            core.ackPrepare(from, ErrorCode.ERR_INVALID_STATE, m);
            return;
        }
        ErrorCode refusal = refusal(role);
        if (refusal != ErrorCode.ERR_OK) {
            core.ackPrepare(from, refusal, m);
            return;
        }
        core.heardFromPrimary();
        core.observeTimestamp(m.timestampUs());
        PrepareList list = core.prepareList();
        if (m.decree() <= list.lastCommittedDecree()) {
            core.ackPrepare(from, ErrorCode.ERR_OK, m);
            return;
        }
        LogEntry existing = list.get(m.decree());
        if (existing != null && existing.ballot() == m.ballot()) {
            if (existing.logged()) {
                core.ackPrepare(from, ErrorCode.ERR_OK, m);
            }
            return; // a duplicate: the ack goes out when the log has it
        }
        core.raiseCommitTarget(m.lastCommittedDecree());
        PrepareList.PrepareResult result = stale ? list.prepareIgnoringBallot(m, from) : list.prepare(m, from);
        if (result.error() != ErrorCode.ERR_OK) {
            core.ackPrepare(from, result.error(), m);
            return;
        }
        core.abandonRequests(result.replaced());
        core.outbox().append(m);
        core.commitOnMember();
    }

    private ErrorCode refusal(AssignedRole role) {
        PartitionStatus status = core.status();
        switch (status) {
            case INACTIVE:
                return core.inactiveTransient() ? ErrorCode.ERR_INACTIVE_STATE : ErrorCode.ERR_INVALID_STATE;
            case POTENTIAL_SECONDARY:
                if (role.status() != status
                        || role.learnerSignature() != core.learner().signature()) {
                    return ErrorCode.ERR_INVALID_STATE;
                }
                LearnerStatus learning = core.learner().status();
                if (learning == LearnerStatus.WITH_PREPARE || learning == LearnerStatus.SUCCEEDED) {
                    return ErrorCode.ERR_OK;
                }
                return learning == LearnerStatus.WITHOUT_PREPARE
                        ? ErrorCode.ERR_TRY_AGAIN
                        : ErrorCode.ERR_INVALID_STATE;
            case SECONDARY:
                return role.status() == status ? ErrorCode.ERR_OK : ErrorCode.ERR_INVALID_STATE;
            default:
                return ErrorCode.ERR_INVALID_STATE;
        }
    }

    /**
     * The log wrote a mutation a primary prepared to this replica: ack it (if it still belongs to the current
     * ballot) and commit what the primary said is committed.
     */
    public void onLogged(LogEntry entry) {
        PartitionStatus status = core.status();
        if (status != PartitionStatus.SECONDARY && status != PartitionStatus.POTENTIAL_SECONDARY) {
            return;
        }
        if (entry.ackTo() != null && entry.ballot() == core.ballot()) {
            core.ackPrepare(entry.ackTo(), ErrorCode.ERR_OK, entry.mutation());
        }
        core.commitOnMember();
        if (status == PartitionStatus.POTENTIAL_SECONDARY) {
            core.learner().checkSucceeded();
        }
    }
}
