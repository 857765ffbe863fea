package io.enif.meta.server;

import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.meta.election.ElectionListener;
import io.enif.meta.election.LeaderElection;
import io.enif.meta.fd.FailureDetector;
import io.enif.meta.guardian.GuardianBookkeeping;
import io.enif.meta.level.MetaLevelView;
import io.enif.meta.store.LeaderFence;
import io.enif.meta.store.MetaStore;
import io.enif.meta.store.MetaStoreException;
import io.enif.meta.store.StartupRepair;
import io.enif.meta.store.StoreBatch;
import io.enif.meta.store.StoreWrite;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The heart of a meta server: whether it leads, the leader's state, and the one way metadata is written.
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>Everything runs on the {@link MetaLane}; election events are handed over to it.
 *   <li>A server acts as leader ({@link #acting()}) only with a loaded {@link LeaderState} whose fence is the
 *       election's current one and whose leadership lease is valid; otherwise callers answer {@code
 *       ERR_FORWARD_TO_OTHERS} (or {@code ERR_SERVICE_NOT_ACTIVE} while the state loads).
 *   <li>Every change goes through {@link #persist} before memory is touched or anything is sent. A fenced write
 *       deposes the server at once and makes it rejoin the election.
 *   <li>A new leader loads from the store, finishes interrupted drops and recalls ({@link StartupRepair}), registers
 *       every member with the failure detector, seeds the guardian, creates the bootstrap tables of an empty cluster,
 *       and only then acts.
 *   <li>A fatal inconsistency in the stored data stops this server from leading and completes {@link #fatal()}; the
 *       launcher exits non-zero (DESIGN §10).
 * </ul>
 */
final class MetaService implements ElectionListener {
    private static final Logger LOG = LoggerFactory.getLogger(MetaService.class);

    /** The settings; replaced as a whole when an operator turns a runtime knob ({@link #reconfigure}). */
    volatile MetaServerConfig config;

    final HostPort self;
    final MetaLane lane;
    private final MetaStore store;
    private final MetaClock clock;
    private final List<LeaderActivityListener> listeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Throwable> fatal = new CompletableFuture<>();
    private LeaderElection election;
    private volatile LeaderState leader;
    private Runnable onLeading = () -> {};

    MetaService(MetaServerConfig config, HostPort self, MetaLane lane, MetaStore store, MetaClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.config = Objects.requireNonNull(config, "config");
        this.self = Objects.requireNonNull(self, "self");
        this.lane = Objects.requireNonNull(lane, "lane");
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Wires the election (built after this service, since it reports to it). */
    void attach(LeaderElection value) {
        this.election = Objects.requireNonNull(value, "election");
    }

    /** What to run on the lane once a new term's state is loaded (timers, bootstrap tables). */
    void onLeading(Runnable hook) {
        this.onLeading = Objects.requireNonNull(hook, "hook");
    }

    void addListener(LeaderActivityListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Replaces the settings (a runtime knob or a mutable key changed); the cure loop and the level checks read the new
     * values from their next run. In memory only.
     *
     * @throws IllegalArgumentException when the new settings are invalid (nothing changes then)
     */
    synchronized MetaServerConfig reconfigure(UnaryOperator<MetaServerConfig> change) {
        MetaServerConfig next = change.apply(config);
        config = next;
        return next;
    }

    CompletableFuture<Throwable> fatal() {
        return fatal;
    }

    // ---- leadership ----

    @Override
    public void onElected(LeaderFence fence) {
        lane.execute(() -> becomeLeader(fence));
    }

    @Override
    public void onDeposed(LeaderFence fence, String reason) {
        lane.execute(() -> {
            if (leader != null && leader.fence.equals(fence)) {
                stepDown(reason);
            }
        });
    }

    /** The leader state, when this server may act as leader right now. */
    Optional<LeaderState> acting() {
        LeaderState current = leader;
        if (current == null || election == null) {
            return Optional.empty();
        }
        Optional<LeaderFence> fence = election.fence();
        return fence.isPresent() && fence.get().equals(current.fence) ? Optional.of(current) : Optional.empty();
    }

    /** The error a server that does not act as leader answers with. */
    ErrorCode notActingError() {
        return election != null && election.isLeading()
                ? ErrorCode.ERR_SERVICE_NOT_ACTIVE
                : ErrorCode.ERR_FORWARD_TO_OTHERS;
    }

    /** The leader to forward to, if known and not this server. */
    Optional<HostPort> otherLeader() {
        return election == null ? Optional.empty() : election.leader().filter(l -> !l.equals(self));
    }

    /** The leader as this server knows it (itself while acting). */
    Optional<HostPort> knownLeader() {
        return acting().isPresent() ? Optional.of(self) : otherLeader();
    }

    private void becomeLeader(LeaderFence fence) {
        if (leader != null) {
            if (leader.fence.equals(fence)) {
                return;
            }
            stepDown("a new term began");
        }
        try {
            StartupRepair.Plan plan = StartupRepair.plan(store.load());
            if (plan.batch().isPresent()) {
                StoreWrite write = store.write(fence, plan.batch().get());
                listeners.forEach(l -> l.onMetadataWrite(self, write));
                LOG.warn("meta server {}: {}", self, plan.batch().get());
            }
            long now = nowMs();
            LeaderState state = new LeaderState(
                    fence,
                    plan.state(),
                    new FailureDetector(config.fd()),
                    GuardianBookkeeping.seed(plan.state(), now, config.guardian()),
                    config.level().levelOnStart());
            state.registerMembers(now);
            leader = state;
            LOG.info(
                    "meta server {} leads epoch {}: {} tables loaded, level {}",
                    self,
                    fence.epoch(),
                    plan.state().allTables().size(),
                    state.configuredLevel.displayName());
            onLeading.run();
            listeners.forEach(l -> l.onLeading(self, fence.epoch()));
        } catch (MetaStoreException e) {
            leader = null;
            if (e.kind() == MetaStoreException.Kind.CORRUPT) {
                LOG.error("meta server {}: fatal inconsistency in the stored metadata, not leading", self, e);
                fatal.complete(e);
                return;
            }
            LOG.warn(
                    "meta server {} could not load the metadata for epoch {}: {}", self, fence.epoch(), e.getMessage());
            election.resign("could not load the metadata: " + e.getMessage());
        }
    }

    /** Stops acting as leader (on the lane). */
    void stepDown(String reason) {
        LeaderState old = leader;
        if (old == null) {
            return;
        }
        old.cancelTimers();
        leader = null;
        LOG.warn("meta server {} no longer acts as leader of epoch {}: {}", self, old.epoch(), reason);
        listeners.forEach(l -> l.onDeposed(self, old.epoch(), reason));
    }

    // ---- writes ----

    /**
     * Persists {@code batch} for the leader of {@code state}.
     *
     * @return {@code ERR_OK}; {@code ERR_FORWARD_TO_OTHERS} when the write was fenced (this server stepped down);
     *     {@code ERR_ZOOKEEPER_OPERATION} when the store failed (nothing changed)
     */
    ErrorCode persist(LeaderState state, StoreBatch batch) {
        try {
            StoreWrite write = store.write(state.fence, batch);
            listeners.forEach(l -> l.onMetadataWrite(self, write));
            LOG.debug("meta server {} wrote {} (epoch {}, zxid {})", self, batch, write.epoch(), write.zxid());
            return ErrorCode.ERR_OK;
        } catch (MetaStoreException e) {
            if (e.fenced()) {
                stepDown("fenced: " + e.getMessage());
                election.resign("a metadata write was fenced");
                return ErrorCode.ERR_FORWARD_TO_OTHERS;
            }
            LOG.warn("meta server {}: metadata write failed: {}", self, e.getMessage());
            return ErrorCode.ERR_ZOOKEEPER_OPERATION;
        }
    }

    void notifyBeaconAck(LeaderState state, HostPort node) {
        long now = System.nanoTime();
        listeners.forEach(l -> l.onBeaconAck(self, state.epoch(), node, now));
    }

    /** The level view of {@code state}, logging each entry into and exit from the automatic freeze. */
    MetaLevelView levelView(LeaderState state) {
        MetaLevelView view = state.levelView(config.level());
        state.freeze.observe(view).ifPresent(message -> LOG.warn("meta server {}: {}", self, message));
        return view;
    }

    /** Monotonic milliseconds: the time of the failure detector and the guardian. */
    long nowMs() {
        return clock.nowMs();
    }

    /** Wall-clock seconds: create, drop and expire times of tables. */
    long nowSecond() {
        return clock.nowSecond();
    }
}
