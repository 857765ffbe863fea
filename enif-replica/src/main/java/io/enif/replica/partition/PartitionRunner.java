package io.enif.replica.partition;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.common.concurrent.Lane;
import io.enif.common.concurrent.LaneChecker;
import io.enif.common.error.ErrorCode;
import io.enif.proto.layer2.app_info;
import io.enif.replica.metrics.PartitionMetrics;
import io.enif.replica.plog.PrivateLog;
import io.enif.replication.ConfigType;
import io.enif.replication.MutationUpdate;
import io.enif.replication.PartitionConfiguration;
import io.enif.replication.PartitionStatus;
import io.enif.replication.Replica;
import io.enif.replication.event.Event;
import io.enif.replication.learn.LearnType;
import io.enif.replication.message.ReplicaMessage;
import io.enif.replication.ready.Ready;
import io.enif.storage.PartitionStore;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one replica's PacificA core ({@link Replica}) on its partition's lane, following the core's driver
 * contract ({@code io.enif.replication} package doc): every input becomes an {@link Event} stepped on the lane, and
 * after each step the {@link Ready} is carried out in the documented order by {@link ReadyCarrier}, then confirmed
 * with {@code advance}.
 *
 * <p>Inputs come from any thread (RPC handlers, the meta link, completions of log appends and RPCs) and are moved
 * onto the lane; nothing here is locked. What other threads may read (whether reads can be served, the store, a
 * status snapshot) is published through volatile fields after every step.
 *
 * <p>Reads are served only while the core says {@link Replica#canServeReads()} and the lease published with it has
 * not run out on the clock.
 */
public final class PartitionRunner {
    private static final Logger LOG = LoggerFactory.getLogger(PartitionRunner.class);

    /** How many writes one mutation batches at most. */
    private static final int MAX_BATCH_COUNT = 64;

    private final Gpid gpid;
    private final ReplicaDir dir;
    private final Lane lane;
    private final PartitionEnv env;
    private final ClientWrites writes = new ClientWrites();
    private final ReplyChannels replies = new ReplyChannels();
    private final ReadyCarrier carrier;
    private final CompletableFuture<Void> closedFuture = new CompletableFuture<>();
    private final LearnCounter learned = new LearnCounter();
    private final PartitionMetrics metrics;

    // Lane-confined.
    private Replica replica;
    private PrivateLog plog;
    private ScheduledFuture<?> ticker;
    private long nextMaintenanceMs;
    private long nextCheckpointMs;
    private boolean closed;
    private boolean errorReported;
    private long firstLogDecree;
    private PartitionStatus publishedStatus;

    // Published for other threads.
    private volatile PartitionStore store;
    private volatile app_info app;
    private volatile boolean reconciledPrimary;
    private volatile boolean secondary;
    private volatile long leaseUntilMs = Long.MIN_VALUE;
    private volatile ReplicaSnapshot snapshot;

    PartitionRunner(
            ReplicaDir dir,
            app_info app,
            Lane lane,
            PartitionEnv env,
            Replica replica,
            PartitionStore store,
            PrivateLog plog) {
        this.gpid = dir.gpid();
        this.dir = dir;
        this.app = Objects.requireNonNull(app, "app");
        this.lane = lane;
        this.env = env;
        this.replica = replica;
        this.store = store;
        this.plog = plog;
        this.metrics = env.metrics().partition(gpid, app.getApp_name(), dir.diskTag());
        this.carrier = new ReadyCarrier(this);
        publish();
    }

    /** Starts the ticks and reports storage progress; the first tick runs at once. */
    public void start() {
        lane.execute(() -> {
            if (closed) {
                return;
            }
            long now = env.clock().nowMs();
            replica.step(new Event.Tick(now));
            reportProgress();
            nextMaintenanceMs = now + env.maintenanceIntervalMs();
            nextCheckpointMs = env.checkpointIntervalMs() == 0 ? Long.MAX_VALUE : now + env.checkpointIntervalMs();
            drain();
            ticker = lane.scheduleWithFixedDelay(
                    this::tick, env.tickIntervalMs(), env.tickIntervalMs(), TimeUnit.MILLISECONDS);
        });
    }

    // ---- inputs (any thread) ----

    /** A client write: queued, batched on the lane into one mutation, answered through {@code callback}. */
    public void submitWrite(String code, byte[] args, WriteCallback callback) {
        if (writes.submit(code, args, callback)) {
            lane.execute(this::drainWrites);
        }
    }

    /**
     * A message from another replica of the partition. For a request ({@code Prepare}, {@code GroupCheck}, {@code
     * LearnRequest}) {@code reply} gets the core's answer, if it gives one; null for one-way messages.
     */
    public void deliver(HostPort from, ReplicaMessage message, Consumer<ReplicaMessage> reply) {
        lane.execute(() -> {
            if (closed) {
                return;
            }
            long now = env.clock().nowMs();
            ReplicaMessage stepped = message;
            if (reply != null) {
                if (message instanceof ReplicaMessage.Prepare prepare) {
                    replies.awaitPrepare(from, prepare, reply, now);
                } else if (message instanceof ReplicaMessage.GroupCheck) {
                    replies.awaitGroupCheck(from, reply, now);
                } else if (message instanceof ReplicaMessage.LearnRequest request) {
                    long round = replies.awaitLearn(reply, now);
                    stepped = new ReplicaMessage.LearnRequest(
                            round,
                            request.signature(),
                            request.lastCommittedDecreeInApp(),
                            request.lastCommittedDecreeInPrepareList());
                }
            }
            step(new Event.MessageReceived(from, stepped));
        });
    }

    /** {@code RPC_CONFIG_PROPOSAL} from the meta server. */
    public void proposal(ConfigType type, HostPort node, PartitionConfiguration config, app_info table) {
        updateApp(table);
        onLane(new Event.ConfigProposal(type, node, config));
    }

    /** The meta server's configuration of this partition from a config sync. */
    public void configSync(PartitionConfiguration config, app_info table) {
        updateApp(table);
        onLane(new Event.ConfigurationSync(config));
    }

    /** The failure detector's lease now reaches {@code untilMs}. */
    public void leaseGranted(long untilMs) {
        onLane(new Event.LeaseGranted(untilMs));
    }

    /** The failure detector lost the meta server. */
    public void leaseExpired() {
        onLane(new Event.LeaseExpired());
    }

    /**
     * Forces a checkpoint ({@code replica.trigger-checkpoint}): on the lane, flushes the store and makes a checkpoint
     * when anything was applied since the last one, then prunes old checkpoints as the periodic attempt does.
     */
    public void triggerCheckpoint() {
        lane.execute(() -> {
            if (closed) {
                return;
            }
            try {
                store.flush();
            } catch (RuntimeException e) {
                LOG.warn("{}: flush for a triggered checkpoint failed: {}", replicaName(), e.toString());
                return;
            }
            carrier.checkpoint();
        });
    }

    private void onLane(Event event) {
        lane.execute(() -> step(event));
    }

    private void updateApp(app_info table) {
        if (table != null && table.getApp_id() == gpid.appId()) {
            app = table;
        }
    }

    // ---- published state (any thread) ----

    public Gpid gpid() {
        return gpid;
    }

    public ReplicaDir dir() {
        return dir;
    }

    /** The table, with the envs last received from the meta server. */
    public app_info app() {
        return app;
    }

    /** The store, for reads; check {@link #canServeReads()} first. */
    public PartitionStore store() {
        return store;
    }

    /** Whether reads may be served now: a reconciled primary whose lease has not run out. */
    public boolean canServeReads() {
        return reconciledPrimary && env.clock().nowMs() < leaseUntilMs;
    }

    /**
     * Whether a backup request (a read the client allows a secondary to serve, possibly stale) may be served: a
     * secondary whose lease has not run out.
     */
    public boolean canServeBackupReads() {
        return secondary && env.clock().nowMs() < leaseUntilMs;
    }

    /** This replica's request and replication metrics. */
    public PartitionMetrics metrics() {
        return metrics;
    }

    /** How many learn replies of {@code type} this replica received as a learner (for metrics and tests). */
    public long learnCount(LearnType type) {
        return learned.count(type);
    }

    void countLearn(LearnType type) {
        learned.add(type);
        metrics.learned(type);
    }

    /** The last published state of the replica. */
    public ReplicaSnapshot snapshot() {
        return snapshot;
    }

    /** Completes once the runner is closed. */
    public CompletableFuture<Void> closeFuture() {
        return closedFuture;
    }

    // ---- the loop (lane) ----

    void step(Event event) {
        if (closed) {
            return;
        }
        LaneChecker.assertOnLane(lane);
        if (event instanceof Event.LeaseGranted granted) {
            leaseUntilMs = granted.untilMs();
        } else if (event instanceof Event.LeaseExpired) {
            leaseUntilMs = Long.MIN_VALUE;
        }
        replica.step(event);
        drain();
    }

    private void tick() {
        if (closed) {
            return;
        }
        long now = env.clock().nowMs();
        replica.step(new Event.Tick(now));
        if (now >= nextMaintenanceMs) {
            nextMaintenanceMs = now + env.maintenanceIntervalMs();
            maintain(now);
        }
        if (now >= nextCheckpointMs) {
            nextCheckpointMs = now + env.checkpointIntervalMs();
            carrier.checkpoint();
        }
        drain();
    }

    private void drainWrites() {
        if (closed) {
            writes.abandonAll(ErrorCode.ERR_TIMEOUT, ErrorCode.ERR_OBJECT_NOT_FOUND);
            return;
        }
        List<MutationUpdate> batch = writes.drain(env.options().maxAllowedWriteSize(), MAX_BATCH_COUNT);
        if (!batch.isEmpty()) {
            step(new Event.ClientWrite(batch));
        }
        if (writes.hasQueued() && writes.claimDrain()) {
            lane.execute(this::drainWrites);
        }
    }

    /** Carries out every Ready the core has, then publishes the new state. */
    private void drain() {
        while (!closed && replica.hasReady()) {
            Ready ready = replica.ready();
            publish(); // before the effects: a reply they trigger must not find the old state published
            ErrorCode failure = carrier.carry(ready);
            if (failure != ErrorCode.ERR_OK) {
                LOG.error("{}: local failure {}, the replica goes to the error state", replicaName(), failure);
                replica.step(new Event.LogAppendFailed(replica.ballot(), replica.lastPreparedDecree(), failure));
                replica.ready(); // the error state's effects (abandoned clients) are moot: the replica is closed
                break;
            }
            replica.advance(ready);
        }
        publish();
        if (replica.status() == PartitionStatus.ERROR && !errorReported) {
            errorReported = true;
            env.listener().onError(this);
        }
    }

    private void maintain(long now) {
        replies.purgeOlderThan(now - 2 * env.options().prepareTimeoutMsForPotentialSecondaries());
        try {
            plog.gc(store.lastFlushedDecree());
        } catch (RuntimeException e) {
            LOG.warn("{}: private log gc failed: {}", replicaName(), e.toString());
        }
        reportProgress();
    }

    /** Tells the core what the checkpoints and the private log cover, for choosing how to teach learners. */
    void reportProgress() {
        long durable = carrier.lastDurableDecree();
        firstLogDecree = plog.minDecree() > 0 ? plog.minDecree() : plog.maxDecree() + 1;
        replica.step(new Event.StorageProgress(durable, firstLogDecree));
    }

    private void publish() {
        PartitionStatus status = replica.status();
        reconciledPrimary = replica.canServeReads();
        secondary = status == PartitionStatus.SECONDARY;
        if (status != publishedStatus) {
            if (status == PartitionStatus.POTENTIAL_SECONDARY) {
                learned.learningStarted();
            } else if (publishedStatus == PartitionStatus.POTENTIAL_SECONDARY && secondary) {
                LOG.info(
                        "{} finished learning (ballot {}, committed {}): {}",
                        replicaName(),
                        replica.ballot(),
                        replica.lastCommittedDecree(),
                        learned.sinceStart());
            }
            publishedStatus = status;
        }
        snapshot = new ReplicaSnapshot(
                gpid,
                replica.ballot(),
                replica.status(),
                replica.lastCommittedDecree(),
                replica.lastPreparedDecree(),
                replica.lastAppliedDecree(),
                carrier.lastDurableDecree(),
                firstLogDecree);
    }

    // ---- lifecycle ----

    /**
     * Stops the runner on its lane: cancels the ticks, answers waiting clients ({@code ERR_TIMEOUT} for admitted
     * writes, whose outcome is unknown), and closes the store and the private log. Idempotent.
     */
    public CompletableFuture<Void> close() {
        if (lane.isShutdown()) {
            closeOnLane(); // the lane runs nothing any more
        } else {
            lane.execute(this::closeOnLane);
        }
        return closedFuture;
    }

    private void closeOnLane() {
        if (closed) {
            return;
        }
        closed = true;
        reconciledPrimary = false;
        secondary = false;
        if (ticker != null) {
            ticker.cancel(false);
        }
        writes.abandonAll(ErrorCode.ERR_TIMEOUT, ErrorCode.ERR_OBJECT_NOT_FOUND);
        replies.clear();
        try {
            store.close();
        } catch (RuntimeException e) {
            LOG.warn("{}: closing the store failed: {}", replicaName(), e.toString());
        }
        try {
            plog.close();
        } catch (RuntimeException e) {
            LOG.warn("{}: closing the private log failed: {}", replicaName(), e.toString());
        }
        closedFuture.complete(null);
    }

    // ---- for the carrier (lane) ----

    Lane lane() {
        return lane;
    }

    PartitionEnv env() {
        return env;
    }

    Replica replica() {
        return replica;
    }

    PrivateLog plog() {
        return plog;
    }

    void replacePlog(PrivateLog log) {
        plog = log;
    }

    void replaceStore(PartitionStore newStore) {
        store = newStore;
    }

    ClientWrites writes() {
        return writes;
    }

    ReplyChannels replies() {
        return replies;
    }

    boolean isClosed() {
        return closed;
    }

    String replicaName() {
        return gpid + "@" + env.self();
    }

    @Override
    public String toString() {
        ReplicaSnapshot s = snapshot;
        return "PartitionRunner[" + replicaName() + " " + s.status() + " ballot " + s.ballot() + " committed "
                + s.lastCommittedDecree() + "]";
    }
}
