package io.enif.replication.primary;

import io.enif.common.HostPort;
import io.enif.replication.PartitionStatus;
import io.enif.replication.learn.LearnerRecord;
import io.enif.replication.message.AssignedRole;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What only a primary keeps (Pegasus's {@code primary_context}): its secondaries and learners, the mutations it is
 * committing, the reconciliation point reads wait for, and its group-check timers.
 *
 * <p>Invariants: a node is never both a secondary and a learner; every uncommitted decree of the current ballot has
 * exactly one {@link PendingMutation}; {@link #reconciledUntil()} never decreases within one ballot.
 */
public final class PrimaryContext {
    private final HostPort self;
    private long ballot;
    private List<HostPort> secondaries = List.of();
    private final Map<HostPort, LearnerRecord> learners = new LinkedHashMap<>();
    private final TreeMap<Long, PendingMutation> pending = new TreeMap<>();
    private long reconciledUntil;
    private long lastPrepareMs;
    private long nextGroupCheckMs;
    private final Map<HostPort, Long> groupCheckDeadlines = new LinkedHashMap<>();
    private long nextLearningVersion;

    public PrimaryContext(HostPort self, long ballot) {
        this.self = self;
        this.ballot = ballot;
        this.nextLearningVersion = (ballot << 32) + 1;
    }

    /** Adopts a new membership; learners that became secondaries are forgotten as learners. */
    public void resetMembership(long newBallot, List<HostPort> newSecondaries) {
        if (newBallot > ballot) {
            nextLearningVersion = (newBallot << 32) + 1;
        }
        ballot = newBallot;
        secondaries = List.copyOf(newSecondaries);
        for (HostPort s : secondaries) {
            learners.remove(s);
        }
        learners.remove(self);
    }

    public long ballot() {
        return ballot;
    }

    public List<HostPort> secondaries() {
        return secondaries;
    }

    public Collection<LearnerRecord> learners() {
        return learners.values();
    }

    public LearnerRecord learner(HostPort node) {
        return learners.get(node);
    }

    public void addLearner(LearnerRecord record) {
        learners.put(record.node(), record);
    }

    public LearnerRecord removeLearner(HostPort node) {
        return learners.remove(node);
    }

    /** A fresh learning signature (Pegasus's learning version: the ballot in the high 32 bits). */
    public long nextLearningSignature() {
        return nextLearningVersion++;
    }

    /** The role the primary gives {@code node} in prepares and group checks. */
    public AssignedRole roleOf(HostPort node) {
        LearnerRecord learner = learners.get(node);
        if (learner != null) {
            return new AssignedRole(ballot, self, PartitionStatus.POTENTIAL_SECONDARY, learner.signature());
        }
        PartitionStatus status = secondaries.contains(node) ? PartitionStatus.SECONDARY : PartitionStatus.INACTIVE;
        return new AssignedRole(ballot, self, status, AssignedRole.NO_SIGNATURE);
    }

    /** Every node a group check goes to: the secondaries, then the learners. */
    public List<HostPort> groupCheckTargets() {
        List<HostPort> targets = new ArrayList<>(secondaries);
        targets.addAll(learners.keySet());
        return targets;
    }

    TreeMap<Long, PendingMutation> pending() {
        return pending;
    }

    public PendingMutation pending(long decree) {
        return pending.get(decree);
    }

    /** The decree every earlier primary's prepared mutation was re-proposed up to; reads wait for it. */
    public long reconciledUntil() {
        return reconciledUntil;
    }

    void setReconciledUntil(long decree) {
        reconciledUntil = decree;
    }

    long lastPrepareMs() {
        return lastPrepareMs;
    }

    void setLastPrepareMs(long ms) {
        lastPrepareMs = ms;
    }

    long nextGroupCheckMs() {
        return nextGroupCheckMs;
    }

    void setNextGroupCheckMs(long ms) {
        nextGroupCheckMs = ms;
    }

    Map<HostPort, Long> groupCheckDeadlines() {
        return groupCheckDeadlines;
    }

    /** Stops waiting for {@code node}'s group-check reply. */
    public void cancelGroupCheck(HostPort node) {
        groupCheckDeadlines.remove(node);
    }
}
