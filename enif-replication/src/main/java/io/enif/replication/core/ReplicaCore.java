package io.enif.replication.core;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.replication.BrokenRule;
import io.enif.replication.Mutation;
import io.enif.replication.MutationUpdate;
import io.enif.replication.PartitionConfiguration;
import io.enif.replication.PartitionStatus;
import io.enif.replication.ReplicaOptions;
import io.enif.replication.config.ProposalHandler;
import io.enif.replication.config.Reconfiguration;
import io.enif.replication.config.RoleTransitions;
import io.enif.replication.learn.Learnee;
import io.enif.replication.learn.Learner;
import io.enif.replication.log.PrepareList;
import io.enif.replication.message.AssignedRole;
import io.enif.replication.message.ReplicaMessage;
import io.enif.replication.primary.GroupChecker;
import io.enif.replication.primary.PrimaryContext;
import io.enif.replication.primary.WritePath;
import io.enif.replication.ready.Outbox;
import io.enif.replication.ready.Ready;
import io.enif.replication.secondary.MemberGroupCheck;
import io.enif.replication.secondary.PrepareHandler;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The state one replica's protocol phases share, and the phases themselves. Internal to the core: drivers use
 * {@link io.enif.replication.Replica}.
 *
 * <p>Single-threaded by contract: every method runs on the partition's lane. Nothing here blocks, reads a clock or
 * does I/O; effects go to the {@link Outbox}.
 */
public final class ReplicaCore {
    private final Gpid gpid;
    private final HostPort self;
    private final ReplicaOptions options;
    private final Outbox outbox = new Outbox();
    private final PrepareList prepareList;

    // Role.
    private PartitionStatus status = PartitionStatus.INACTIVE;
    private boolean inactiveTransient;
    private long ballot;
    private HostPort primary;
    private List<HostPort> secondaries = List.of();
    private int maxReplicaCount = 3;

    // Progress.
    private long lastAppliedDecree;
    private long commitTarget;
    private long lastDurableDecree;
    private long firstLogDecree = 1;

    // Time.
    private long nowMs;
    private long leaseUntilMs = Long.MIN_VALUE;
    private long lastTimestampUs;
    private long lastHeardFromPrimaryMs;

    // Role-specific state.
    private PrimaryContext primaryContext;

    // Phases.
    private final WritePath writePath;
    private final GroupChecker groupChecker;
    private final PrepareHandler prepareHandler;
    private final MemberGroupCheck memberGroupCheck;
    private final Learnee learnee;
    private final Learner learner;
    private final RoleTransitions roles;
    private final Reconfiguration reconfiguration;
    private final ProposalHandler proposals;

    public ReplicaCore(Gpid gpid, HostPort self, ReplicaOptions options, long lastAppliedDecree, long ballot) {
        this.gpid = Objects.requireNonNull(gpid, "gpid");
        this.self = Objects.requireNonNull(self, "self");
        this.options = Objects.requireNonNull(options, "options");
        this.prepareList = new PrepareList(
                lastAppliedDecree, options.maxMutationCountInPrepareList(), options.stalenessForCommit());
        this.lastAppliedDecree = lastAppliedDecree;
        this.commitTarget = lastAppliedDecree;
        this.ballot = ballot;
        this.writePath = new WritePath(this);
        this.groupChecker = new GroupChecker(this);
        this.prepareHandler = new PrepareHandler(this);
        this.memberGroupCheck = new MemberGroupCheck(this);
        this.learnee = new Learnee(this);
        this.learner = new Learner(this);
        this.roles = new RoleTransitions(this);
        this.reconfiguration = new Reconfiguration(this);
        this.proposals = new ProposalHandler(this);
    }

    private Set<BrokenRule> brokenRules = Set.of();

    /** <b>Test only</b>: the rules this replica breaks on purpose (none unless a test asks). */
    public void setBrokenRules(Set<BrokenRule> rules) {
        this.brokenRules = Set.copyOf(rules);
    }

    /** Whether this replica breaks {@code rule} (test only; always false in production). */
    public boolean breaks(BrokenRule rule) {
        return !brokenRules.isEmpty() && brokenRules.contains(rule);
    }

    // ---- identity and collaborators ----

    public Gpid gpid() {
        return gpid;
    }

    public HostPort self() {
        return self;
    }

    public ReplicaOptions options() {
        return options;
    }

    public Outbox outbox() {
        return outbox;
    }

    public PrepareList prepareList() {
        return prepareList;
    }

    public WritePath writePath() {
        return writePath;
    }

    public GroupChecker groupChecker() {
        return groupChecker;
    }

    public PrepareHandler prepareHandler() {
        return prepareHandler;
    }

    public MemberGroupCheck memberGroupCheck() {
        return memberGroupCheck;
    }

    public Learnee learnee() {
        return learnee;
    }

    public Learner learner() {
        return learner;
    }

    public RoleTransitions roles() {
        return roles;
    }

    public Reconfiguration reconfiguration() {
        return reconfiguration;
    }

    public ProposalHandler proposals() {
        return proposals;
    }

    // ---- role ----

    public PartitionStatus status() {
        return status;
    }

    /** Whether an {@code INACTIVE} replica expects to return to its role (reconfiguration, lost lease). */
    public boolean inactiveTransient() {
        return inactiveTransient;
    }

    /** Sets the status; only {@link RoleTransitions} calls this. */
    public void setStatus(PartitionStatus newStatus, boolean transientInactive) {
        status = newStatus;
        inactiveTransient = newStatus == PartitionStatus.INACTIVE && transientInactive;
    }

    public long ballot() {
        return ballot;
    }

    public void setBallot(long newBallot) {
        ballot = newBallot;
    }

    /** The primary of the current ballot as far as this replica knows, or {@code null}. */
    public HostPort primary() {
        return primary;
    }

    public void setPrimary(HostPort newPrimary) {
        primary = newPrimary;
    }

    /** The secondaries as of the last configuration this replica adopted. */
    public List<HostPort> secondaries() {
        return secondaries;
    }

    public void setSecondaries(List<HostPort> newSecondaries) {
        secondaries = List.copyOf(newSecondaries);
    }

    public int maxReplicaCount() {
        return maxReplicaCount;
    }

    public void setMaxReplicaCount(int count) {
        maxReplicaCount = count;
    }

    /** This replica's view of the persisted configuration (as the base of a change it asks the meta server for). */
    public PartitionConfiguration partitionConfiguration() {
        return new PartitionConfiguration(
                gpid, ballot, primary, secondaries, maxReplicaCount, prepareList.lastCommittedDecree());
    }

    /** The primary's state, or {@code null} when this replica is not (and is not transiently stepping out as) one. */
    public PrimaryContext primaryContext() {
        return primaryContext;
    }

    public void setPrimaryContext(PrimaryContext context) {
        primaryContext = context;
    }

    // ---- progress ----

    public long lastAppliedDecree() {
        return lastAppliedDecree;
    }

    public void setLastAppliedDecree(long decree) {
        lastAppliedDecree = decree;
    }

    /** On a secondary or learner: the highest commit point the primary has told it (committed once logged). */
    public long commitTarget() {
        return commitTarget;
    }

    public void raiseCommitTarget(long decree) {
        commitTarget = Math.max(commitTarget, decree);
    }

    public void resetCommitTarget(long decree) {
        commitTarget = decree;
    }

    public long lastDurableDecree() {
        return lastDurableDecree;
    }

    public long firstLogDecree() {
        return firstLogDecree;
    }

    public void setStorageProgress(long durable, long firstLog) {
        lastDurableDecree = durable;
        firstLogDecree = firstLog;
    }

    // ---- time ----

    public long nowMs() {
        return nowMs;
    }

    public void setNowMs(long now) {
        nowMs = Math.max(nowMs, now);
    }

    public boolean leaseValid() {
        return nowMs < leaseUntilMs;
    }

    public void setLeaseUntilMs(long until) {
        leaseUntilMs = until;
    }

    /** Starts true: a replica (re)opened by a process confirms its role with the meta server before serving. */
    private boolean roleUnconfirmed = true;

    /**
     * The lease ran out: whatever role this replica holds or is granted until the meta server confirms it may
     * already have been given to another replica, so it serves no reads until a config sync or a granted
     * configuration update, received under a valid lease, confirms it.
     */
    public void markRoleUnconfirmed() {
        roleUnconfirmed = true;
    }

    /** The meta server told this replica what it stores (a config sync or a granted update, under a valid lease). */
    public void confirmRole() {
        roleUnconfirmed = false;
    }

    /** Whether the role awaits the meta server's confirmation (see {@link #markRoleUnconfirmed}). */
    public boolean roleUnconfirmed() {
        return roleUnconfirmed;
    }

    public long lastHeardFromPrimaryMs() {
        return lastHeardFromPrimaryMs;
    }

    public void heardFromPrimary() {
        lastHeardFromPrimaryMs = nowMs;
    }

    /**
     * Remembers a timestamp another primary gave a mutation, so that this replica's own timestamps stay above it if it
     * becomes primary (Pegasus's unique timestamp).
     */
    public void observeTimestamp(long timestampUs) {
        lastTimestampUs = Math.max(lastTimestampUs, timestampUs);
    }

    /** A mutation timestamp: the tick clock in microseconds, strictly increasing across primaries. */
    public long nextTimestampUs() {
        lastTimestampUs = Math.max(lastTimestampUs + 1, nowMs * 1000);
        return lastTimestampUs;
    }

    // ---- shared helpers ----

    /**
     * Emits newly committed mutations: apply each (in order) and, for the writes this replica admitted, reply
     * {@code ERR_OK} to the client.
     */
    public void emitCommits(List<Mutation> committed) {
        for (Mutation m : committed) {
            outbox.commit(m);
            for (MutationUpdate u : m.updates()) {
                if (u.hasRequest()) {
                    outbox.reply(new Ready.ClientReply(u.requestId(), ErrorCode.ERR_OK, m.decree()));
                }
            }
        }
    }

    /**
     * On a secondary or learner: commits, in decree order, every logged mutation up to the commit point the primary
     * announced.
     */
    public void commitOnMember() {
        emitCommits(prepareList.commitReady(commitTarget, e -> e.logged()));
    }

    /** Tells every local client waiting on {@code m} that its outcome is unknown. */
    public void abandonRequests(Mutation m) {
        abandonRequestsNotIn(m, null);
    }

    /** Abandons the requests of {@code replaced} that {@code replacement} (may be null) does not carry on. */
    public void abandonRequestsNotIn(Mutation replaced, Mutation replacement) {
        if (replaced == null || !replaced.hasRequests()) {
            return;
        }
        Set<Long> kept = new HashSet<>();
        if (replacement != null) {
            for (MutationUpdate u : replacement.updates()) {
                kept.add(u.requestId());
            }
        }
        for (MutationUpdate u : replaced.updates()) {
            if (u.hasRequest() && !kept.contains(u.requestId())) {
                outbox.reply(Ready.ClientReply.outcomeUnknown(u.requestId()));
            }
        }
    }

    /** Sends a prepare ack for {@code m} to {@code to}. */
    public void ackPrepare(HostPort to, ErrorCode error, Mutation m) {
        outbox.send(
                to,
                new ReplicaMessage.PrepareAck(
                        error,
                        m.ballot(),
                        m.decree(),
                        lastAppliedDecree,
                        prepareList.lastCommittedDecree(),
                        status == PartitionStatus.POTENTIAL_SECONDARY
                                ? learner.signature()
                                : AssignedRole.NO_SIGNATURE));
    }

    /** Pegasus's replica name, {@code <gpid>@<host:port>}. */
    public String name() {
        return gpid + "@" + self;
    }
}
