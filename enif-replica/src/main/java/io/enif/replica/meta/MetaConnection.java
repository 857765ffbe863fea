package io.enif.replica.meta;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.common.concurrent.MillisClock;
import io.enif.common.error.ErrorCode;
import io.enif.proto.fd.beacon_ack;
import io.enif.proto.fd.beacon_msg;
import io.enif.proto.frame.ArgsField;
import io.enif.proto.layer2.app_info;
import io.enif.proto.replication.configuration_query_by_node_request;
import io.enif.proto.replication.configuration_query_by_node_response;
import io.enif.proto.replication.configuration_update_request;
import io.enif.proto.replication.configuration_update_response;
import io.enif.proto.rpc.ReplicationRpcs;
import io.enif.replica.codec.Addresses;
import io.enif.replica.codec.ConfigurationCodec;
import io.enif.replica.partition.Failures;
import io.enif.replica.partition.MetaLink;
import io.enif.replica.partition.PartitionRunner;
import io.enif.replication.event.Event;
import io.enif.replication.ready.Ready;
import io.enif.rpc.RpcClient;
import io.enif.rpc.RpcRequest;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replica server's link to the meta server (spec §6.5, §6.10, §6.11): the failure detector's beacons and lease,
 * config sync, and the replicas' configuration updates ({@link MetaLink}).
 *
 * <p>Lease: an acknowledged beacon sent at {@code t} grants every replica a lease until {@code t + lease}; every
 * check interval, when {@code now + check - t > lease} for the last acknowledged {@code t}, the meta server is lost and
 * every replica becomes inactive (no reads, no writes). The first ack after that reconnects and triggers a config
 * sync. Since the meta server's grace exceeds the lease, a replica has always stopped serving before the meta server
 * gives its role away.
 *
 * <p>All state lives on one scheduler thread; RPC completions hop onto it.
 */
public final class MetaConnection implements MetaLink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MetaConnection.class);

    /** Retry delay of a config sync the meta server answered {@code ERR_BUSY} (or could not answer). */
    private static final long SYNC_RETRY_MS = 500;

    /** How long an on-demand config sync waits, so that several replicas' requests make one sync. */
    private static final long SYNC_DEBOUNCE_MS = 50;

    private final HostPort self;
    private final List<HostPort> metaServers;
    private final RpcClient client;
    private final MillisClock clock;
    private final HostedReplicas replicas;
    private final Settings settings;
    private final ScheduledExecutorService timer;
    private final long startTimeMs = System.currentTimeMillis();

    // Written on the timer thread only.
    private int leaderIndex;
    private volatile HostPort leader;
    private boolean connected;
    private long lastAckedSendMs = Long.MIN_VALUE;
    private boolean syncScheduled;
    private boolean closed;

    private volatile long leaseUntilMs = Long.MIN_VALUE;
    private volatile long configSyncIntervalMs;
    private ScheduledFuture<?> periodicSync; // timer thread only

    /**
     * The link's timers.
     *
     * @param beaconIntervalMs {@code fd_beacon_interval_seconds}
     * @param checkIntervalMs {@code fd_check_interval_seconds}
     * @param leaseMs {@code fd_lease_seconds}
     * @param fdDisabled {@code fd_disabled}: no beacons, a lease that never runs out
     * @param configSyncIntervalMs {@code config_sync_interval_ms}
     * @param configSyncDisabled {@code config_sync_disabled}: only the sync on connection
     */
    public record Settings(
            long beaconIntervalMs,
            long checkIntervalMs,
            long leaseMs,
            boolean fdDisabled,
            long configSyncIntervalMs,
            boolean configSyncDisabled) {}

    public MetaConnection(
            HostPort self,
            List<HostPort> metaServers,
            RpcClient client,
            MillisClock clock,
            HostedReplicas replicas,
            Settings settings) {
        if (metaServers.isEmpty()) {
            throw new IllegalArgumentException("no meta server configured ([meta_server] server_list)");
        }
        this.self = Objects.requireNonNull(self, "self");
        this.metaServers = List.copyOf(metaServers);
        this.client = client;
        this.clock = clock;
        this.replicas = replicas;
        this.settings = settings;
        this.leader = this.metaServers.get(0);
        this.configSyncIntervalMs = settings.configSyncIntervalMs();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "enif-meta-link-" + self.port());
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts beaconing (or, with the failure detector off, grants a lease for good and syncs once). */
    public void start() {
        if (settings.fdDisabled()) {
            timer.execute(() -> {
                leaseUntilMs = Long.MAX_VALUE;
                connected = true;
                replicas.runners().forEach(r -> r.leaseGranted(Long.MAX_VALUE));
                syncNow();
            });
        } else {
            timer.scheduleWithFixedDelay(
                    guarded("beacon", this::beacon), 0, settings.beaconIntervalMs(), TimeUnit.MILLISECONDS);
            timer.scheduleWithFixedDelay(
                    guarded("lease check", this::checkLease),
                    settings.checkIntervalMs(),
                    settings.checkIntervalMs(),
                    TimeUnit.MILLISECONDS);
        }
        if (!settings.configSyncDisabled()) {
            onTimer(() -> schedulePeriodicSync(configSyncIntervalMs));
        }
    }

    /**
     * Changes the period of the config sync at run time ({@code config_sync_interval_ms} is mutable): the next
     * periodic sync comes one new period from now. Ignored when the periodic sync is disabled.
     *
     * @throws IllegalArgumentException when {@code intervalMs < 1}
     */
    public void setConfigSyncIntervalMs(long intervalMs) {
        if (intervalMs < 1) {
            throw new IllegalArgumentException("config_sync_interval_ms must be at least 1: " + intervalMs);
        }
        configSyncIntervalMs = intervalMs;
        onTimer(() -> {
            if (periodicSync != null && !closed) {
                periodicSync.cancel(false);
                schedulePeriodicSync(intervalMs);
            }
        });
    }

    /** The current period of the config sync. */
    public long configSyncIntervalMs() {
        return configSyncIntervalMs;
    }

    private void schedulePeriodicSync(long intervalMs) {
        periodicSync = timer.scheduleWithFixedDelay(
                guarded("config sync", () -> {
                    if (connected) {
                        syncNow();
                    }
                }),
                intervalMs,
                intervalMs,
                TimeUnit.MILLISECONDS);
    }

    /**
     * A periodic task that survives its own failure: a scheduled executor silently cancels a task that throws, and a
     * lease check that stopped running would leave replicas serving without a lease.
     */
    private static Runnable guarded(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("meta link {} failed; it runs again at its next period", what, e);
            }
        };
    }

    /** The lease the failure detector holds now ({@code Long.MIN_VALUE} when none), for a replica just opened. */
    public long leaseUntilMs() {
        return leaseUntilMs;
    }

    /** The link's one thread (every task of the link runs on it), for fault injection that parks it. */
    public Executor thread() {
        return timer;
    }

    /** The meta server this link believes is the leader. */
    public HostPort leader() {
        return leader;
    }

    // ---- failure detector ----

    private void beacon() {
        if (closed) {
            return;
        }
        long sendMs = clock.nowMs();
        HostPort to = leader;
        beacon_msg msg = new beacon_msg()
                .setTime(sendMs)
                .setFrom_node(Addresses.address(self))
                .setHp_from_node(Addresses.hostPort(self))
                .setTo_node(Addresses.address(to))
                .setHp_to_node(Addresses.hostPort(to))
                .setStart_time(startTimeMs);
        long timeout = Math.max(1, settings.beaconIntervalMs() * 2 / 3);
        client.call(
                        to,
                        RpcRequest.of(
                                ReplicationRpcs.RPC_FD_FAILURE_DETECTOR_PING.name(),
                                ArgsField.struct(msg),
                                Duration.ofMillis(timeout)),
                        beacon_ack::new)
                .whenCompleteAsync((ack, failure) -> onBeaconReply(to, sendMs, ack, failure), timer);
    }

    private void onBeaconReply(HostPort to, long sendMs, beacon_ack ack, Throwable failure) {
        if (closed) {
            return;
        }
        if (failure != null) {
            LOG.debug("beacon to {} failed: {}", to, failure.toString());
            switchLeader(to, null);
            return;
        }
        if (!ack.isIs_master()) {
            switchLeader(
                    to,
                    Addresses.node(
                            ack.isSetHp_primary_node() ? ack.getHp_primary_node() : null, ack.getPrimary_node()));
            return;
        }
        if (!ack.isAllowed()) {
            LOG.warn("meta server {} does not allow this replica server to join", to);
            return;
        }
        if (sendMs <= lastAckedSendMs) {
            return;
        }
        // The lease may have run out since the last ack without a check noticing (this thread was stalled, or the
        // process stopped): the replicas must learn they lost it before a new lease makes them serve again.
        checkLease();
        lastAckedSendMs = sendMs;
        long until = sendMs + settings.leaseMs();
        if (clock.nowMs() + settings.checkIntervalMs() - sendMs > settings.leaseMs()) {
            return; // acked too late to count
        }
        leaseUntilMs = until;
        replicas.runners().forEach(r -> r.leaseGranted(until));
        if (!connected) {
            connected = true;
            LOG.info("{} connected to the meta server {}", self, to);
            syncNow();
        }
    }

    private void checkLease() {
        if (closed || !connected) {
            return;
        }
        if (clock.nowMs() + settings.checkIntervalMs() - lastAckedSendMs > settings.leaseMs()) {
            connected = false;
            leaseUntilMs = Long.MIN_VALUE;
            LOG.warn("{} lost the meta server: every replica becomes inactive", self);
            replicas.runners().forEach(PartitionRunner::leaseExpired);
        }
    }

    /** Moves to the leader a meta server named, or to the next in the list after one that failed. */
    private void switchLeader(HostPort failed, HostPort named) {
        if (!failed.equals(leader)) {
            return; // already moved on
        }
        if (named != null && !named.equals(failed)) {
            leader = named;
        } else {
            leaderIndex = (leaderIndex + 1) % metaServers.size();
            leader = metaServers.get(leaderIndex);
        }
    }

    // ---- config sync ----

    @Override
    public void queryConfiguration(Gpid gpid) {
        onTimer(() -> {
            if (!syncScheduled && !closed) {
                syncScheduled = true;
                timer.schedule(this::syncNow, SYNC_DEBOUNCE_MS, TimeUnit.MILLISECONDS);
            }
        });
    }

    private void syncNow() {
        syncScheduled = false;
        if (closed) {
            return;
        }
        HostPort to = leader;
        configuration_query_by_node_request request = ConfigSync.request(self, replicas.runners(), clock.nowMs());
        client.call(
                        to,
                        RpcRequest.of(
                                ReplicationRpcs.RPC_CM_CONFIG_SYNC.name(),
                                ArgsField.struct(request),
                                Duration.ofMillis(Math.max(1000, settings.beaconIntervalMs()))),
                        configuration_query_by_node_response::new)
                .whenCompleteAsync((response, failure) -> onSyncReply(to, response, failure), timer);
    }

    private void onSyncReply(HostPort to, configuration_query_by_node_response response, Throwable failure) {
        if (closed) {
            return;
        }
        ErrorCode error = failure != null ? Failures.errorOf(failure) : ConfigSync.error(response);
        if (error != ErrorCode.ERR_OK) {
            LOG.debug("config sync with {} failed: {}", to, error);
            if (error == ErrorCode.ERR_FORWARD_TO_OTHERS || failure != null) {
                switchLeader(to, null);
            }
            if (!syncScheduled) {
                syncScheduled = true;
                timer.schedule(this::syncNow, SYNC_RETRY_MS, TimeUnit.MILLISECONDS);
            }
            return;
        }
        ConfigSync.apply(self, response, replicas, this);
    }

    // ---- configuration updates ----

    @Override
    public CompletableFuture<Event.ConfigurationUpdateReply> updateConfiguration(
            app_info app, Ready.UpdateConfiguration update) {
        configuration_update_request request = new configuration_update_request()
                .setConfig(ConfigurationCodec.toThrift(update.config()))
                .setType(ConfigurationCodec.type(update.type()))
                .setNode(Addresses.address(update.node()))
                .setHp_node(Addresses.hostPort(update.node()))
                .setHost_node(Addresses.address(self));
        if (app != null) {
            request.setInfo(app);
        }
        HostPort to = leader;
        return client.call(
                        to,
                        RpcRequest.of(
                                ReplicationRpcs.RPC_CM_UPDATE_PARTITION_CONFIGURATION.name(),
                                ArgsField.struct(request),
                                Duration.ofMillis(Math.max(1000, settings.beaconIntervalMs()))),
                        configuration_update_response::new)
                .handle((response, failure) -> {
                    if (failure != null) {
                        onTimer(() -> switchLeader(to, null));
                        return new Event.ConfigurationUpdateReply(Failures.errorOf(failure), null);
                    }
                    ErrorCode error = response.getErr() == null
                            ? ErrorCode.ERR_OK
                            : response.getErr().code();
                    if (error == ErrorCode.ERR_FORWARD_TO_OTHERS) {
                        onTimer(() -> switchLeader(to, null));
                    }
                    try {
                        return new Event.ConfigurationUpdateReply(
                                error,
                                response.getConfig() == null
                                        ? null
                                        : ConfigurationCodec.fromThrift(response.getConfig()));
                    } catch (RuntimeException e) {
                        return new Event.ConfigurationUpdateReply(ErrorCode.ERR_INVALID_DATA, null);
                    }
                });
    }

    /** Runs {@code task} on the timer thread, unless the link is closed. */
    private void onTimer(Runnable task) {
        try {
            timer.execute(task);
        } catch (RejectedExecutionException closedAlready) {
            LOG.debug("meta link closed; dropping a task");
        }
    }

    /** Stops the timers; the lease is not renewed any more. */
    @Override
    public void close() {
        onTimer(() -> closed = true);
        timer.shutdown();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
