package io.enif.meta.election;

import io.enif.common.HostPort;
import io.enif.meta.store.LeaderFence;
import io.enif.meta.store.MetaPaths;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorTransactionResult;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.apache.curator.framework.recipes.leader.Participant;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leader election on ZooKeeper with epochs and a leadership lease (the choices are in the package documentation).
 *
 * <p>Threads: latch and connection events run on one "events" thread, which takes and leaves office and calls the
 * {@link ElectionListener}; lease renewals and leader lookups run on a "lease" thread, so that a slow ZooKeeper read
 * never delays a step-down. {@link #isLeading()} is safe from any thread.
 */
public final class ZkLeaderElection implements LeaderElection, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ZkLeaderElection.class);
    private static final int EPOCH_BUMP_ATTEMPTS = 5;

    private final CuratorFramework client;
    private final MetaPaths paths;
    private final HostPort self;
    private final long sessionTimeoutMs;
    private final ElectionListener listener;
    private final ScheduledExecutorService events;
    private final ScheduledExecutorService lease;
    private final PauseGate pauseGate = new PauseGate();
    private final ConnectionStateListener connectionListener = this::onConnectionState;
    private volatile LeadershipLease leadershipLease;
    private volatile LeaderFence fence;
    private volatile HostPort knownLeader;
    private volatile LeaderLatch latch;
    private volatile boolean closed;

    /**
     * An election for {@code self} (the meta server's RPC address, stored in its latch node).
     *
     * @param sessionTimeoutMs the requested ZooKeeper session timeout; the lease is half of the smaller of this and the
     *     negotiated one
     */
    public ZkLeaderElection(
            CuratorFramework client, MetaPaths paths, HostPort self, long sessionTimeoutMs, ElectionListener listener) {
        this.client = Objects.requireNonNull(client, "client");
        this.paths = Objects.requireNonNull(paths, "paths");
        this.self = Objects.requireNonNull(self, "self");
        this.sessionTimeoutMs = sessionTimeoutMs;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.leadershipLease = LeadershipLease.forSessionTimeout(sessionTimeoutMs);
        String tag = self.host() + ":" + self.port();
        this.events = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "enif-meta-election-" + tag));
        this.lease = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "enif-meta-lease-" + tag));
    }

    /** Joins the election as a candidate. */
    public void start() {
        client.getConnectionStateListenable().addListener(connectionListener, events);
        events.execute(this::startLatch);
        long period = Math.max(50, leadershipLease.leaseMs() / 4);
        lease.scheduleWithFixedDelay(this::renewOrLookUp, 0, period, TimeUnit.MILLISECONDS);
    }

    /** Whether this server leads now: elected, and the lease has not run out. */
    @Override
    public boolean isLeading() {
        LeaderFence current = fence;
        return current != null && leadershipLease.isValid(System.nanoTime());
    }

    /** The fence of the current term, while leading. */
    @Override
    public Optional<LeaderFence> fence() {
        LeaderFence current = fence;
        return current != null && isLeading() ? Optional.of(current) : Optional.empty();
    }

    /** The leader as last seen: this server while it leads, else the owner of the first latch node (if any). */
    @Override
    public Optional<HostPort> leader() {
        return isLeading() ? Optional.of(self) : Optional.ofNullable(knownLeader);
    }

    public HostPort self() {
        return self;
    }

    /** Steps down (if leading) and rejoins the election with a fresh latch node, e.g. after a fenced write. */
    @Override
    public void resign(String reason) {
        events.execute(() -> {
            stepDown(reason);
            restartLatch();
        });
    }

    /** Leaves the election at once: the latch node is deleted, so another candidate takes over immediately. */
    @Override
    public void close() {
        closed = true;
        pauseGate.resume();
        client.getConnectionStateListenable().removeListener(connectionListener);
        runOnEvents(() -> {
            stepDown("meta server closing");
            closeLatch();
        });
        shutdown();
    }

    /** Stops without deleting the latch node: a crash, whose lock is freed only when the session expires. */
    public void halt() {
        closed = true;
        pauseGate.resume();
        client.getConnectionStateListenable().removeListener(connectionListener);
        LeaderFence old = fence;
        fence = null;
        leadershipLease.invalidate();
        if (old != null) {
            LOG.info("meta server {} halted while leading (epoch {})", self, old.epoch());
        }
        events.shutdownNow();
        lease.shutdownNow();
    }

    /** Fault injection: the election threads stop until {@link #resume()}, as in a paused process. */
    public void pause() {
        pauseGate.pause(events, lease);
    }

    /** Ends {@link #pause()}. */
    public void resume() {
        pauseGate.resume();
    }

    private void startLatch() {
        if (closed) {
            return;
        }
        latch = new LeaderLatch(client, paths.leaderLatch(), self.toString(), LeaderLatch.CloseMode.NOTIFY_LEADER);
        latch.addListener(
                new LeaderLatchListener() {
                    @Override
                    public void isLeader() {
                        takeOffice();
                    }

                    @Override
                    public void notLeader() {
                        stepDown("lost the leader latch");
                    }
                },
                events);
        try {
            latch.start();
        } catch (Exception e) {
            LOG.warn("meta server {} could not join the election; retrying in 1 s", self, e);
            events.schedule(this::startLatch, 1, TimeUnit.SECONDS);
        }
    }

    private void restartLatch() {
        closeLatch();
        startLatch();
    }

    private void closeLatch() {
        if (latch == null) {
            return;
        }
        try {
            latch.close();
        } catch (Exception e) {
            LOG.debug("closing the leader latch of {} failed", self, e);
        }
        latch = null;
    }

    /** On the events thread: the latch says this server leads; prove it, bump the epoch, then tell the listener. */
    private void takeOffice() {
        LeaderLatch current = latch;
        if (closed || fence != null || current == null || !current.hasLeadership()) {
            return;
        }
        try {
            ZooKeeper zk = client.getZookeeperClient().getZooKeeper();
            long session = zk.getSessionId();
            long negotiated = zk.getSessionTimeout() > 0 ? zk.getSessionTimeout() : sessionTimeoutMs;
            LeadershipLease newLease = LeadershipLease.forSessionTimeout(Math.min(sessionTimeoutMs, negotiated));
            String ourPath = current.getOurPath();
            long sent = System.nanoTime();
            Stat own = ourPath == null ? null : client.checkExists().forPath(ourPath);
            if (own == null || own.getEphemeralOwner() != session) {
                LOG.warn("meta server {} was told it leads, but its latch node {} is not its session's", self, ourPath);
                restartLatch();
                return;
            }
            long epoch = bumpEpoch(ourPath);
            newLease.renew(sent);
            leadershipLease = newLease;
            LeaderFence newFence = new LeaderFence(epoch, ourPath, session);
            fence = newFence;
            knownLeader = self;
            LOG.info(
                    "meta server {} is the leader, epoch {} (leadership lease {} ms)", self, epoch, newLease.leaseMs());
            listener.onElected(newFence);
        } catch (Exception e) {
            LOG.warn("meta server {} could not take office; rejoining the election", self, e);
            stepDown("could not take office: " + e);
            restartLatch();
        }
    }

    private long bumpEpoch(String ourPath) throws Exception {
        for (int attempt = 1; ; attempt++) {
            Stat stat = new Stat();
            client.getData().storingStatIn(stat).forPath(paths.epoch());
            byte[] data = ("{\"epoch\":" + (stat.getVersion() + 1L) + ",\"leader\":\"" + self + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            try {
                List<CuratorTransactionResult> results = client.transaction()
                        .forOperations(
                                client.transactionOp().check().forPath(ourPath),
                                client.transactionOp()
                                        .setData()
                                        .withVersion(stat.getVersion())
                                        .forPath(paths.epoch(), data));
                return results.get(1).getResultStat().getVersion();
            } catch (KeeperException.BadVersionException raced) {
                if (attempt >= EPOCH_BUMP_ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    private void stepDown(String reason) {
        LeaderFence old = fence;
        fence = null;
        leadershipLease.invalidate();
        if (old != null) {
            LOG.warn("meta server {} stops leading (epoch {}): {}", self, old.epoch(), reason);
            listener.onDeposed(old, reason);
        }
    }

    private void onConnectionState(CuratorFramework ignored, ConnectionState state) {
        if (state == ConnectionState.SUSPENDED || state == ConnectionState.LOST) {
            stepDown("ZooKeeper connection " + state);
        }
    }

    /** On the lease thread: renew while leading (or depose), else look up who leads. */
    private void renewOrLookUp() {
        LeaderFence current = fence;
        try {
            if (current == null) {
                LeaderLatch l = latch;
                if (l != null && l.hasLeadership() && !closed) {
                    // The latch leads but this server has not taken office (e.g. a callback was lost): take it now.
                    events.execute(this::takeOffice);
                }
                if (l != null) {
                    Participant leader = l.getLeader();
                    knownLeader = leader.isLeader() ? HostPort.parse(leader.getId()) : null;
                }
                return;
            }
            long sent = System.nanoTime();
            Stat own = client.checkExists().forPath(current.lockNodePath());
            Stat epoch = client.checkExists().forPath(paths.epoch());
            boolean ours = own != null
                    && own.getEphemeralOwner() == current.sessionId()
                    && epoch != null
                    && epoch.getVersion() == current.epoch();
            if (ours && fence == current) {
                leadershipLease.renew(sent);
            } else if (!ours && fence == current) {
                events.execute(() -> {
                    if (fence == current) {
                        stepDown("the leader lock or epoch is no longer this server's");
                        restartLatch();
                    }
                });
            }
        } catch (Exception e) {
            LOG.debug("leadership renewal or leader lookup of {} failed: {}", self, e.toString());
        }
    }

    private void runOnEvents(Runnable task) {
        try {
            events.submit(task).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("meta server {}: election task did not finish", self, e);
        }
    }

    private void shutdown() {
        events.shutdownNow();
        lease.shutdownNow();
        try {
            events.awaitTermination(5, TimeUnit.SECONDS);
            lease.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread thread = new Thread(r, name);
        thread.setDaemon(true);
        return thread;
    }
}
