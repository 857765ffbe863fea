package io.enif.replication;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.replication.core.ReplicaCore;
import io.enif.replication.event.Event;
import io.enif.replication.learn.LearnerStatus;
import io.enif.replication.log.LogEntry;
import io.enif.replication.message.ReplicaMessage;
import io.enif.replication.primary.PrimaryContext;
import io.enif.replication.ready.Ready;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * One replica of one partition: the PacificA protocol as a single-threaded state machine, in the manner of
 * etcd-io/raft's {@code RawNode}.
 *
 * <p>Use:
 *
 * <pre>{@code
 * replica.step(event);              // any number of times: changes in-memory state, collects effects
 * Ready ready = replica.ready();    // take the effects
 * ...carry them out in the order Ready documents...
 * replica.advance(ready);           // the commits in it are applied
 * }</pre>
 *
 * <p>The core has no threads, locks, sockets, files, clock or randomness: all input is an {@link Event}, all output
 * a {@link Ready}. Time is the driver's monotonic millisecond clock, delivered by {@link Event.Tick}; timers fire on
 * the first tick at or after their deadline, so send a tick before anything else and then every few milliseconds.
 * Every method must run on the partition's lane; nothing here is thread-safe.
 *
 * <p>The protocol is split by phase as Pegasus splits its replica: two-phase commit on the primary ({@code
 * primary.WritePath}), group check ({@code primary.GroupChecker}), prepare handling on members ({@code
 * secondary.PrepareHandler}), learning ({@code learn.Learnee}, {@code learn.Learner}), and membership changes
 * ({@code config.*}).
 */
public final class Replica {
    private final ReplicaCore core;

    private Replica(ReplicaCore core) {
        this.core = core;
    }

    /** A new, empty replica: ballot 0, nothing committed, {@link PartitionStatus#INACTIVE}. */
    public static Replica create(Gpid gpid, HostPort self, ReplicaOptions options) {
        return new Replica(new ReplicaCore(gpid, self, options, 0, 0));
    }

    /**
     * A replica reopened after a restart: its storage holds every decree up to {@code lastAppliedDecree}, and its
     * private log holds {@code logged} (in any order; for a decree logged twice the higher ballot wins). Logged
     * mutations up to the highest piggybacked commit point are committed again, and the first {@link #ready()} asks
     * to apply those beyond {@code lastAppliedDecree}. The replica starts {@link PartitionStatus#INACTIVE} with the
     * highest ballot it logged; the meta server's config sync then decides its role.
     */
    public static Replica recover(
            Gpid gpid, HostPort self, ReplicaOptions options, long lastAppliedDecree, List<Mutation> logged) {
        long ballot = 0;
        for (Mutation m : logged) {
            ballot = Math.max(ballot, m.ballot());
        }
        ReplicaCore core = new ReplicaCore(gpid, self, options, lastAppliedDecree, ballot);
        List<Mutation> sorted = new ArrayList<>(logged);
        sorted.sort(Comparator.comparingLong(Mutation::decree).thenComparingLong(Mutation::ballot));
        for (Mutation m : sorted) {
            core.observeTimestamp(m.timestampUs());
            if (m.decree() > lastAppliedDecree) {
                core.prepareList().prepareLogged(m.withoutRequests());
                core.raiseCommitTarget(m.lastCommittedDecree());
                // Commit as the replay goes, so the window slides: the log may hold many more decrees beyond the
                // storage's durable point than the prepare list's capacity (RocksDB's memtable is lost in a crash),
                // and a full window of uncommitted decrees would refuse the rest of them.
                core.commitOnMember();
            }
        }
        core.commitOnMember();
        return new Replica(core);
    }

    // ---- the state machine ----

    /** Feeds one event. Never throws for protocol input: stale, duplicated or unexpected events are ignored. */
    public void step(Event event) {
        if (event instanceof Event.Tick tick) {
            onTick(tick);
        } else if (event instanceof Event.ClientWrite write) {
            core.writePath().onClientWrite(write);
        } else if (event instanceof Event.LogAppended appended) {
            onLogAppended(appended);
        } else if (event instanceof Event.LogAppendFailed) {
            core.roles().becomeError();
        } else if (event instanceof Event.MessageReceived received) {
            onMessage(received.from(), received.message());
        } else if (event instanceof Event.SendFailed failed) {
            onSendFailed(failed);
        } else if (event instanceof Event.ConfigProposal proposal) {
            core.proposals().onProposal(proposal.type(), proposal.node(), proposal.config());
        } else if (event instanceof Event.ConfigurationUpdateReply reply) {
            core.reconfiguration().onReply(reply.error(), reply.config());
        } else if (event instanceof Event.ConfigurationSync sync) {
            core.proposals().onSync(sync.config());
        } else if (event instanceof Event.LeaseGranted lease) {
            core.setLeaseUntilMs(lease.untilMs());
        } else if (event instanceof Event.LeaseExpired) {
            onLeaseExpired();
        } else if (event instanceof Event.StorageProgress progress) {
            core.setStorageProgress(progress.lastDurableDecree(), progress.firstLogDecree());
        } else if (event instanceof Event.LearnedStateApplied applied) {
            core.learner().onLearnedStateApplied(applied.signature(), applied.committedDecree());
        } else if (event instanceof Event.LearnedStateFailed failed) {
            core.learner().onLearnedStateFailed(failed.signature(), failed.error());
        } else {
            throw new IllegalArgumentException("unknown event " + event);
        }
    }

    /** Whether {@link #ready()} has anything. */
    public boolean hasReady() {
        return core.outbox().hasAny();
    }

    /** Takes the effects collected since the last call. */
    public Ready ready() {
        return core.outbox().drain();
    }

    /** Confirms that the driver carried out {@code ready}: its commits are applied to the storage. */
    public void advance(Ready ready) {
        if (!ready.commits().isEmpty()) {
            long last = ready.commits().get(ready.commits().size() - 1).decree();
            core.setLastAppliedDecree(Math.max(core.lastAppliedDecree(), last));
        }
    }

    private void onTick(Event.Tick tick) {
        core.setNowMs(tick.nowMs());
        core.writePath().onTick();
        core.groupChecker().onTick();
        core.memberGroupCheck().onTick();
        core.learner().onTick();
        core.reconfiguration().onTick();
    }

    private void onLogAppended(Event.LogAppended appended) {
        LogEntry entry = core.prepareList().markLogged(appended.ballot(), appended.decree());
        if (entry == null) {
            return;
        }
        switch (core.status()) {
            case PRIMARY -> core.writePath().onLogged();
            case SECONDARY, POTENTIAL_SECONDARY -> core.prepareHandler().onLogged(entry);
            default -> {}
        }
    }

    private void onMessage(HostPort from, ReplicaMessage message) {
        if (core.status() == PartitionStatus.ERROR) {
            return;
        }
        if (message instanceof ReplicaMessage.Prepare prepare) {
            core.prepareHandler().onPrepare(from, prepare);
        } else if (message instanceof ReplicaMessage.PrepareAck ack) {
            core.writePath().onPrepareAck(from, ack);
        } else if (message instanceof ReplicaMessage.GroupCheck check) {
            core.memberGroupCheck().onGroupCheck(from, check);
        } else if (message instanceof ReplicaMessage.GroupCheckReply reply) {
            core.groupChecker().onReply(from, reply);
        } else if (message instanceof ReplicaMessage.AddLearner invitation) {
            core.memberGroupCheck().onAddLearner(from, invitation);
        } else if (message instanceof ReplicaMessage.LearnRequest request) {
            core.learnee().onLearnRequest(from, request);
        } else if (message instanceof ReplicaMessage.LearnReply reply) {
            core.learner().onLearnReply(from, reply);
        } else if (message instanceof ReplicaMessage.LearnCompletionNotify notify) {
            core.learnee().onCompletionNotify(from, notify);
        } else if (message instanceof ReplicaMessage.RemoveReplica remove) {
            core.memberGroupCheck().onRemoveReplica(from, remove);
        }
    }

    private void onSendFailed(Event.SendFailed failed) {
        ReplicaMessage message = failed.message();
        if (message instanceof ReplicaMessage.Prepare prepare) {
            core.writePath().onPrepareSendFailed(failed.to(), prepare, failed.error());
        } else if (message instanceof ReplicaMessage.GroupCheck || message instanceof ReplicaMessage.AddLearner) {
            core.groupChecker().onSendFailed(failed.to(), failed.error());
        } else if (message instanceof ReplicaMessage.LearnRequest) {
            core.learner().onRequestFailed();
        }
    }

    private void onLeaseExpired() {
        core.setLeaseUntilMs(Long.MIN_VALUE);
        core.markRoleUnconfirmed();
        PartitionStatus status = core.status();
        if (status == PartitionStatus.PRIMARY || status == PartitionStatus.SECONDARY) {
            core.roles().becomeInactive(true);
        }
    }

    // ---- queries ----

    public Gpid gpid() {
        return core.gpid();
    }

    public HostPort self() {
        return core.self();
    }

    public PartitionStatus status() {
        return core.status();
    }

    /** Whether an inactive replica expects to return to its role (a reconfiguration in flight, a lost lease). */
    public boolean isInactiveTransient() {
        return core.inactiveTransient();
    }

    public long ballot() {
        return core.ballot();
    }

    /** The commit point (decrees up to it are committed, though maybe not applied yet). */
    public long lastCommittedDecree() {
        return core.prepareList().lastCommittedDecree();
    }

    /** The highest decree in the prepare list. */
    public long lastPreparedDecree() {
        return core.prepareList().maxDecree();
    }

    /** What the storage holds, as confirmed by {@link #advance} (Pegasus's "last committed decree in app"). */
    public long lastAppliedDecree() {
        return core.lastAppliedDecree();
    }

    /** This replica's view of its group. */
    public ReplicaConfiguration configuration() {
        PrimaryContext ctx = core.primaryContext();
        List<HostPort> learners = new ArrayList<>();
        if (ctx != null) {
            ctx.learners().forEach(l -> learners.add(l.node()));
        }
        return new ReplicaConfiguration(core.ballot(), core.primary(), core.secondaries(), learners, core.status());
    }

    /** A learner's progress ({@link LearnerStatus#INVALID} unless this replica is a potential secondary). */
    public LearnerStatus learnerStatus() {
        return core.status() == PartitionStatus.POTENTIAL_SECONDARY
                ? core.learner().status()
                : LearnerStatus.INVALID;
    }

    /** Whether a membership change this replica asked for waits for the meta server. */
    public boolean isReconfiguring() {
        return core.reconfiguration().isPending();
    }

    /** Whether the new primary's reconciliation round is committed and applied. */
    public boolean isReconciled() {
        PrimaryContext ctx = core.primaryContext();
        return core.status() == PartitionStatus.PRIMARY
                && ctx != null
                && core.lastAppliedDecree() >= ctx.reconciledUntil();
    }

    /**
     * Whether a read may be served here now: this replica is the primary, its reconciliation round is applied (so it
     * has every write any earlier primary acknowledged), its failure-detector lease is valid, and the meta server
     * confirmed its role since it opened or last lost its lease (a replica whose lease lapsed, or whose process
     * restarted, may have been replaced meanwhile; DESIGN §2.4).
     */
    public boolean canServeReads() {
        if (core.breaks(BrokenRule.READ_BEFORE_RECONCILIATION)) {
            return core.status() == PartitionStatus.PRIMARY && core.leaseValid() && !core.roleUnconfirmed();
        }
        return isReconciled() && core.leaseValid() && !core.roleUnconfirmed();
    }

    /**
     * <b>Test only</b>: makes this replica break the given PacificA rules, so that a simulation can show its checkers
     * catch the bug. Never called in production; a replica breaks no rule by default.
     */
    public void breakRulesForTesting(Set<BrokenRule> rules) {
        core.setBrokenRules(rules);
    }

    @Override
    public String toString() {
        return "Replica[" + core.name() + " " + core.status() + " ballot " + core.ballot() + " committed "
                + lastCommittedDecree() + "]";
    }
}
