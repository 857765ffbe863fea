package io.enif.replication.config;

import io.enif.common.HostPort;
import io.enif.replication.PartitionConfiguration;
import io.enif.replication.PartitionStatus;
import io.enif.replication.core.ReplicaCore;
import io.enif.replication.log.LogEntry;
import io.enif.replication.message.AssignedRole;
import io.enif.replication.primary.PrimaryContext;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every change of a replica's status and ballot (Pegasus {@code update_local_configuration}).
 *
 * <p>Rules: the ballot never decreases. Becoming primary under a new ballot starts a reconciliation round and a group
 * check. Leaving the primary role for good (anything but a transient inactivity while a reconfiguration or a lost
 * lease is sorted out) tells every waiting client that its write's outcome is unknown, because another primary may
 * still commit it. An {@code ERROR} replica stays in error.
 */
public final class RoleTransitions {
    private static final Logger LOG = LoggerFactory.getLogger(RoleTransitions.class);

    private final ReplicaCore core;

    public RoleTransitions(ReplicaCore core) {
        this.core = core;
    }

    /**
     * Adopts a configuration the meta server persisted. A learner not listed keeps learning as long as its primary
     * stays primary.
     *
     * <p>A replica that is inactive for good (restarted, or removed) does not resume a role it finds listed: it must
     * first ask the meta server for a new ballot (as primary) or to be removed (as secondary), see {@link
     * ProposalHandler#onSync}. Only the configuration it asked for itself ({@code granted}) makes it serve again.
     *
     * @param granted whether this is the configuration this replica asked for, as persisted
     */
    public void applyPersisted(PartitionConfiguration config, boolean granted) {
        if (core.status() == PartitionStatus.ERROR || config.ballot() < core.ballot()) {
            return;
        }
        if (!granted
                && core.status() == PartitionStatus.INACTIVE
                && !core.inactiveTransient()
                && config.isMember(core.self())) {
            return;
        }
        core.setMaxReplicaCount(config.maxReplicaCount());
        core.setSecondaries(config.secondaries());
        HostPort self = core.self();
        switch (config.statusOf(self)) {
            case PRIMARY -> becomePrimary(config.ballot(), config.secondaries());
            case SECONDARY -> becomeSecondary(config.ballot(), config.primary());
            default -> {
                if (core.status() == PartitionStatus.POTENTIAL_SECONDARY
                        && config.primary() != null
                        && config.primary().equals(core.primary())) {
                    core.setBallot(config.ballot());
                } else {
                    core.setBallot(config.ballot());
                    core.setPrimary(config.primary());
                    becomeInactive(false);
                }
            }
        }
    }

    /**
     * Adopts the role a primary's message gives this replica under a higher ballot.
     *
     * @return whether this replica now has that role
     */
    public boolean adoptRole(AssignedRole role) {
        if (core.status() == PartitionStatus.ERROR || role.ballot() < core.ballot()) {
            return false;
        }
        switch (role.status()) {
            case SECONDARY -> {
                if (core.status() == PartitionStatus.INACTIVE && !core.inactiveTransient()) {
                    // Removed (or restarted) replicas come back only through learning.
                    core.setBallot(role.ballot());
                    core.setPrimary(role.primary());
                    return false;
                }
                becomeSecondary(role.ballot(), role.primary());
                return true;
            }
            case POTENTIAL_SECONDARY -> {
                becomeLearner(role.ballot(), role.primary());
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** Becomes (or stays) the primary under {@code ballot} with these secondaries. */
    public void becomePrimary(long ballot, List<HostPort> secondaries) {
        PrimaryContext ctx = core.primaryContext();
        boolean reconcile = ctx == null || ballot != core.ballot() || ctx.ballot() != ballot;
        if (ctx == null) {
            ctx = new PrimaryContext(core.self(), ballot);
            core.setPrimaryContext(ctx);
        }
        core.learner().clear();
        core.setBallot(ballot);
        core.setPrimary(core.self());
        core.setSecondaries(secondaries);
        ctx.resetMembership(ballot, secondaries);
        core.setStatus(PartitionStatus.PRIMARY, false);
        if (reconcile) {
            LOG.info("{}: primary at ballot {} with secondaries {}", core.name(), ballot, secondaries);
            core.writePath().replay();
            core.groupChecker().start();
        }
    }

    /** Becomes a secondary of {@code primary} under {@code ballot}. */
    public void becomeSecondary(long ballot, HostPort primary) {
        if (core.status() != PartitionStatus.SECONDARY || ballot != core.ballot()) {
            LOG.info("{}: secondary of {} at ballot {}", core.name(), primary, ballot);
        }
        leavePrimary();
        core.learner().clear();
        core.setBallot(ballot);
        core.setPrimary(primary);
        core.setStatus(PartitionStatus.SECONDARY, false);
        core.heardFromPrimary();
    }

    /** Becomes a potential secondary learning from {@code primary}; the signature arrives with the invitation. */
    public void becomeLearner(long ballot, HostPort primary) {
        if (core.status() != PartitionStatus.POTENTIAL_SECONDARY || !primary.equals(core.primary())) {
            core.learner().clear();
        }
        leavePrimary();
        core.setBallot(ballot);
        core.setPrimary(primary);
        core.setStatus(PartitionStatus.POTENTIAL_SECONDARY, false);
        core.heardFromPrimary();
    }

    /**
     * Stops serving. {@code transientInactive}: the replica expects to return to its role (a reconfiguration it
     * requested, or a lost lease), so a primary keeps its context and its clients keep waiting.
     */
    public void becomeInactive(boolean transientInactive) {
        if (core.status() == PartitionStatus.ERROR) {
            return;
        }
        if (!transientInactive) {
            leavePrimary();
            core.learner().clear();
        }
        core.setStatus(PartitionStatus.INACTIVE, transientInactive);
    }

    /** A local failure: stop for good. */
    public void becomeError() {
        leavePrimary();
        core.learner().clear();
        core.setStatus(PartitionStatus.ERROR, false);
    }

    private void leavePrimary() {
        if (core.primaryContext() == null) {
            return;
        }
        for (LogEntry entry : core.prepareList().uncommitted()) {
            core.abandonRequests(entry.mutation());
        }
        core.prepareList().stripRequests();
        core.setPrimaryContext(null);
    }
}
