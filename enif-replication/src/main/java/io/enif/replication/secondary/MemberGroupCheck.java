package io.enif.replication.secondary;

import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.replication.PartitionStatus;
import io.enif.replication.core.ReplicaCore;
import io.enif.replication.learn.LearnerStatus;
import io.enif.replication.message.AssignedRole;
import io.enif.replication.message.ReplicaMessage;
import io.enif.replication.ready.Ready;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A member's side of the group check (spec §6.8), of the learner invitation ({@code RPC_LEARN_ADD_LEARNER}) and of
 * {@code RPC_REMOVE_REPLICA}, plus the secondary's watch on a silent primary.
 *
 * <p>A group check of a lower ballot is answered {@code ERR_VERSION_OUTDATED}; a higher one is adopted. A secondary
 * commits up to the primary's commit point; a learner (re)starts learning when the signature is new.
 *
 * <p>Silence: Pegasus leaves a dead primary to the meta server's failure detector. In addition, a secondary that has
 * heard neither a prepare nor a group check for two group-check intervals asks the meta server for the partition's
 * configuration (a config sync), which tells it if it was removed or the primary changed. It keeps its role
 * meanwhile; losing the failure detector's lease ({@link io.enif.replication.event.Event.LeaseExpired}) is what makes
 * it inactive.
 */
public final class MemberGroupCheck {
    private static final Logger LOG = LoggerFactory.getLogger(MemberGroupCheck.class);

    private final ReplicaCore core;
    private long nextSilenceReportMs = Long.MIN_VALUE;

    public MemberGroupCheck(ReplicaCore core) {
        this.core = core;
    }

    public void onGroupCheck(HostPort from, ReplicaMessage.GroupCheck check) {
        if (check.role().ballot() < core.ballot()) {
            reply(from, ErrorCode.ERR_VERSION_OUTDATED);
            return;
        }
        if (!acceptRole(check.role())) {
            reply(from, ErrorCode.ERR_INVALID_STATE);
            return;
        }
        core.heardFromPrimary();
        if (core.status() == PartitionStatus.SECONDARY) {
            core.raiseCommitTarget(check.lastCommittedDecree());
            core.commitOnMember();
        } else {
            core.learner().onInvite(from, check.role().learnerSignature());
        }
        reply(from, ErrorCode.ERR_OK);
    }

    public void onAddLearner(HostPort from, ReplicaMessage.AddLearner invitation) {
        AssignedRole role = invitation.role();
        if (role.ballot() < core.ballot() || role.status() != PartitionStatus.POTENTIAL_SECONDARY) {
            return;
        }
        if (acceptRole(role)) {
            core.heardFromPrimary();
            core.learner().onInvite(from, role.learnerSignature());
        }
    }

    /**
     * Takes the role a primary's message gives this replica, if it may.
     *
     * @return whether this replica now is what the message says (a secondary or a learner of that primary)
     */
    private boolean acceptRole(AssignedRole role) {
        if (role.status() != PartitionStatus.SECONDARY && role.status() != PartitionStatus.POTENTIAL_SECONDARY) {
            return false;
        }
        if (role.ballot() > core.ballot()) {
            return core.roles().adoptRole(role);
        }
        PartitionStatus status = core.status();
        if (status == PartitionStatus.INACTIVE
                && !core.inactiveTransient()
                && role.status() == PartitionStatus.POTENTIAL_SECONDARY) {
            return core.roles().adoptRole(role); // a removed replica invited back as a learner
        }
        return status == role.status() && role.primary().equals(core.primary());
    }

    private void reply(HostPort to, ErrorCode error) {
        LearnerStatus learning = core.status() == PartitionStatus.POTENTIAL_SECONDARY
                ? core.learner().status()
                : LearnerStatus.INVALID;
        core.outbox()
                .send(
                        to,
                        new ReplicaMessage.GroupCheckReply(
                                error,
                                core.ballot(),
                                core.lastAppliedDecree(),
                                core.prepareList().lastCommittedDecree(),
                                learning,
                                core.learner().signature()));
    }

    /** {@code RPC_REMOVE_REPLICA}: the primary removed this replica from the group. */
    public void onRemoveReplica(HostPort from, ReplicaMessage.RemoveReplica remove) {
        if (remove.ballot() < core.ballot() || core.status() == PartitionStatus.PRIMARY) {
            return;
        }
        LOG.info("{}: removed from the group by {} at ballot {}", core.name(), from, remove.ballot());
        core.setBallot(remove.ballot());
        core.roles().becomeInactive(false);
    }

    /** The silent-primary watch. */
    public void onTick() {
        if (core.status() != PartitionStatus.SECONDARY) {
            return;
        }
        long now = core.nowMs();
        long silence = 2 * core.options().groupCheckIntervalMs();
        if (now - core.lastHeardFromPrimaryMs() >= silence && now >= nextSilenceReportMs) {
            LOG.warn(
                    "{}: nothing from primary {} for {} ms, asking the meta server",
                    core.name(),
                    core.primary(),
                    silence);
            nextSilenceReportMs = now + core.options().groupCheckIntervalMs();
            core.outbox().meta(new Ready.QueryConfiguration());
        }
    }
}
