package io.enif.replica.server;

import io.enif.common.HostPort;
import io.enif.common.concurrent.MillisClock;
import io.enif.common.concurrent.OrderedExecutor;
import io.enif.common.config.Config;
import io.enif.common.config.ConfigRegistry;
import io.enif.common.metrics.MetricRegistry;
import io.enif.common.metrics.MetricsEndpoint;
import io.enif.common.metrics.MetricsSource;
import io.enif.common.metrics.ProcessMetrics;
import io.enif.replica.fault.ServerPause;
import io.enif.replica.handler.ClientReadHandler;
import io.enif.replica.handler.ClientWriteHandler;
import io.enif.replica.handler.ConfigProposalHandler;
import io.enif.replica.handler.ReplicationHandler;
import io.enif.replica.meta.MetaConnection;
import io.enif.replica.metrics.ReplicaCollector;
import io.enif.replica.metrics.ReplicaMetrics;
import io.enif.replica.partition.CheckpointReserve;
import io.enif.replica.partition.PartitionEnv;
import io.enif.replica.partition.PrivateLogFactory;
import io.enif.replica.partition.StoreFactory;
import io.enif.replica.peer.FileCopier;
import io.enif.replica.peer.FileServeHandler;
import io.enif.replica.peer.RateLimiter;
import io.enif.replica.peer.RpcLearnTransfers;
import io.enif.replica.peer.RpcPeerLink;
import io.enif.rpc.RpcClient;
import io.enif.rpc.RpcClientConfig;
import io.enif.rpc.RpcDispatcher;
import io.enif.rpc.RpcServer;
import io.enif.rpc.RpcServerListener;
import io.enif.rpc.command.CommandRegistry;
import io.enif.rpc.http.HttpRequest;
import io.enif.rpc.http.HttpResponse;
import io.enif.rpc.http.HttpRouter;
import io.enif.rpc.ops.PerfCounterCommands;
import io.enif.rpc.ops.ServerInfo;
import io.enif.rpc.ops.ServerOps;
import io.enif.storage.PartitionStore;
import io.enif.storage.rocks.RocksResources;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A replica server process (DESIGN §1, §3): one RPC port serving clients and peers, the replicas on its data dirs
 * ({@link ReplicaManager}), each driven on a partition lane, and the link to the meta server ({@link
 * MetaConnection}).
 *
 * <p>{@link #start()} binds the port first (so the server knows the address it is known by), then opens every
 * replica (replaying its private log) and starts beaconing; {@link #close()} stops in the reverse order. The private
 * log implementation is given by the caller ({@link PrivateLogFactory}).
 */
public final class ReplicaServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaServer.class);

    /** How often each replica garbage-collects its log and reports what its log and checkpoints cover. */
    private static final long MAINTENANCE_INTERVAL_MS = 1000;

    private final ReplicaServerConfig config;
    private final PrivateLogFactory logs;
    private final MillisClock clock;
    private final HttpRouter httpRoutes = new HttpRouter();
    private final MetricRegistry metricRegistry = new MetricRegistry();
    private final ReplicaMetrics metrics = new ReplicaMetrics(metricRegistry);
    private volatile String clusterName = "";

    /** How long {@link #pause()} waits for the running tasks to end. */
    private static final Duration PAUSE_TIMEOUT = Duration.ofSeconds(10);

    /** Threads that create new replicas (opening RocksDB and the private log) off the network threads. */
    private static final int OPENER_THREADS = 2;

    private final CommandRegistry commands = new CommandRegistry();
    private final Config settings;
    private ServerOps ops;

    private RocksResources resources;
    private OrderedExecutor lanes;
    private ExecutorService reads;
    private ExecutorService files;
    private ExecutorService opener;
    private ScheduledExecutorService timer;
    private RpcClient client;
    private RpcServer server;
    private ReplicaManager manager;
    private MetaConnection meta;
    private HostPort self;
    private ServerPause pause;

    public ReplicaServer(ReplicaServerConfig config, PrivateLogFactory logs) {
        this(config, logs, MillisClock.SYSTEM);
    }

    public ReplicaServer(ReplicaServerConfig config, PrivateLogFactory logs, MillisClock clock) {
        this(config, logs, clock, Config.defaults(ConfigRegistry.discover()));
    }

    /**
     * A replica server; {@code settings} is the configuration {@code config} was built from, which {@code /config},
     * {@code /updateConfig} and {@code config-dump} show and change.
     */
    public ReplicaServer(ReplicaServerConfig config, PrivateLogFactory logs, MillisClock clock, Config settings) {
        this.config = Objects.requireNonNull(config, "config");
        this.logs = Objects.requireNonNull(logs, "logs");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        ProcessMetrics.register(metricRegistry);
        httpRoutes.route("/metrics", this::serveMetrics);
    }

    /** The remote commands of this server; features add theirs before or after {@code start()}. */
    public CommandRegistry commands() {
        return commands;
    }

    /** The metrics of this server (served at {@code /metrics}). */
    public ReplicaMetrics metrics() {
        return metrics;
    }

    /** Sets the cluster name the metrics carry ({@code [replication] cluster_name}); empty by default. */
    public ReplicaServer clusterName(String name) {
        this.clusterName = Objects.requireNonNull(name, "name");
        return this;
    }

    private HttpResponse serveMetrics(HttpRequest request) {
        HostPort at = self;
        MetricsSource source =
                new MetricsSource(clusterName, "replica", at == null ? "" : at.host(), at == null ? 0 : at.port());
        MetricsEndpoint.Reply reply =
                new MetricsEndpoint(metricRegistry, source).serve(request.method(), request.parameters());
        return new HttpResponse(reply.status(), reply.contentType(), reply.body());
    }

    /** The HTTP routes served on this server's RPC port; features add theirs before or after {@code start()}. */
    public HttpRouter httpRoutes() {
        return httpRoutes;
    }

    /**
     * Binds the port, opens the replicas and connects to the meta server.
     *
     * @throws IOException when the port cannot be bound or a data dir cannot be used
     */
    public synchronized ReplicaServer start() throws IOException {
        if (server != null) {
            throw new IllegalStateException("replica server already started on " + self);
        }
        resources = RocksResources.create(config.blockCacheBytes(), -1);
        lanes = OrderedExecutor.create("enif-replica", config.laneCount());
        reads = Executors.newFixedThreadPool(config.readThreads(), daemon("enif-replica-read"));
        files = Executors.newFixedThreadPool(2, daemon("enif-replica-file"));
        opener = Executors.newFixedThreadPool(OPENER_THREADS, daemon("enif-replica-open"));
        timer = Executors.newSingleThreadScheduledExecutor(daemon("enif-replica-timer"));
        client = new RpcClient(RpcClientConfig.defaults());
        manager = new ReplicaManager(
                config.dataDirs(),
                lanes,
                config.options().maxAllowedWriteSize(),
                config.gcErrorReplicaIntervalMs(),
                config.gcGarbageReplicaIntervalMs());

        Map<String, RateLimiter> copyLimits = new HashMap<>();
        Map<Path, RateLimiter> sendLimits = new HashMap<>();
        for (DataDir dir : config.dataDirs()) {
            copyLimits.put(dir.tag(), RateLimiter.ofMegabytes(config.copyRateMegabytesPerDisk()));
            sendLimits.put(
                    dir.path().toAbsolutePath().normalize(),
                    RateLimiter.ofMegabytes(config.sendRateMegabytesPerDisk()));
        }
        RateLimiter unlimited = new RateLimiter(0);
        List<Path> roots = config.dataDirs().stream().map(DataDir::repsDir).toList();

        RpcDispatcher dispatcher = new RpcDispatcher();
        ReplicaCommands replicaCommands = new ReplicaCommands(manager);
        dispatcher.addFilter(replicaCommands.admits());
        new ClientWriteHandler(manager, metrics).register(dispatcher);
        new ClientReadHandler(manager, reads, metrics).register(dispatcher);
        Executor opens = this::openLater;
        new ReplicationHandler(manager, opens).register(dispatcher);
        new ConfigProposalHandler(manager, opens).register(dispatcher);
        new FileServeHandler(
                        roots,
                        files,
                        timer,
                        file -> sendLimits.entrySet().stream()
                                .filter(e -> file.startsWith(e.getKey()))
                                .map(Map.Entry::getValue)
                                .findFirst()
                                .orElse(unlimited))
                .register(dispatcher);
        ops = ServerOps.install(
                ServerInfo.startingNow("replica"), settings, commands, httpRoutes, dispatcher, this::serverStat);
        commands.registerAll(PerfCounterCommands.all(metricRegistry, "replica"));
        replicaCommands.register(commands, settings, copyLimits.values(), sendLimits.values());
        new ReplicaHttpRoutes(manager).register(httpRoutes);
        settings.addListener(
                ReplicaConfigKeys.GC_DISK_ERROR_REPLICA_INTERVAL_SECONDS, d -> manager.setGcErrorMs(d.toMillis()));
        settings.addListener(
                ReplicaConfigKeys.GC_DISK_GARBAGE_REPLICA_INTERVAL_SECONDS, d -> manager.setGcGarbageMs(d.toMillis()));
        pause = new ServerPause(() -> "replica server " + self);
        server = new RpcServer(config.rpc(), pause.gate(dispatcher), httpRoutes, RpcServerListener.NONE).start();
        self = server.address();

        meta = new MetaConnection(
                self,
                config.metaServers(),
                client,
                clock,
                manager,
                new MetaConnection.Settings(
                        config.fd().beaconIntervalMs(),
                        config.fd().checkIntervalMs(),
                        config.fd().leaseMs(),
                        config.fd().disabled(),
                        config.configSyncIntervalMs(),
                        config.configSyncDisabled()));
        CheckpointReserve checkpointReserve = new CheckpointReserve(
                config.checkpointReserveMinCount(), settings.get(ReplicaConfigKeys.CHECKPOINT_RESERVE_TIME_SECONDS));
        RuntimeSettings.wire(settings, checkpointReserve, meta);
        StoreFactory stores = (gpid, dir) -> PartitionStore.builder(dir)
                .gpid(gpid)
                .server(self.toString())
                .options(config.storeOptions())
                .resources(resources)
                .open();
        PartitionEnv env = new PartitionEnv(
                self,
                config.options(),
                clock,
                new RpcPeerLink(self, client, config.options()),
                meta,
                stores,
                logs,
                new RpcLearnTransfers(
                        new FileCopier(client, files, timer, Duration.ofSeconds(10)),
                        tag -> copyLimits.getOrDefault(tag, unlimited)),
                manager,
                config.tickIntervalMs(),
                MAINTENANCE_INTERVAL_MS,
                config.checkpointIntervalMs(),
                checkpointReserve,
                metrics);
        ReplicaManager hosted = manager;
        RocksResources cache = resources;
        Map<String, Path> disks = new HashMap<>();
        for (DataDir dir : config.dataDirs()) {
            disks.put(dir.tag(), dir.path());
        }
        metricRegistry.addCollector(new ReplicaCollector(
                metrics, hosted::runners, disks, () -> cache.blockCache().getUsage()));
        for (int i = 0; i < lanes.laneCount(); i++) {
            pause.freezes(lanes.laneAt(i), 1);
        }
        pause.freezes(meta.thread(), 1)
                .freezes(timer, 1)
                .freezes(reads, config.readThreads())
                .freezes(files, 2)
                .freezes(opener, OPENER_THREADS);
        manager.bind(env, meta::leaseUntilMs);
        manager.openAll();
        meta.start();
        LOG.info(
                "replica server {} started with {} replicas",
                self,
                manager.runners().size());
        return this;
    }

    /** The address this server is known by: the configured host and the bound port. */
    public synchronized HostPort address() {
        if (self == null) {
            throw new IllegalStateException("replica server not started");
        }
        return self;
    }

    /** The bound port. */
    public int port() {
        return address().port();
    }

    /** The replicas, for status pages and tests. */
    public ReplicaManager replicas() {
        return manager;
    }

    /** The meta link, for status pages and tests. */
    public MetaConnection metaLink() {
        return meta;
    }

    /**
     * Fault injection: the server stops as under {@code SIGSTOP} ({@link ServerPause}): no timer fires, no replica
     * steps, nothing is sent, incoming requests are held. Returns once the running tasks have ended.
     */
    public synchronized void pause() {
        requireStarted();
        pause.pause(PAUSE_TIMEOUT);
    }

    /**
     * Ends {@link #pause()} as {@code SIGCONT} would: overdue timers fire with whatever time has passed (so the failure
     * detector finds the lease run out and the replicas stop serving until the meta server says otherwise), then the
     * held requests are served.
     */
    public synchronized void resume() {
        requireStarted();
        pause.resume();
    }

    /** Whether the server is paused. */
    public synchronized boolean isPaused() {
        return server != null && pause.isPaused();
    }

    /**
     * Fault injection: stops as abruptly as a JVM can stop a part of itself, the way {@code kill -9} stops a process:
     * the port closes first (connections reset; waiting clients and peers get no answer), then outgoing connections
     * (no more beacons or prepares), then the threads; queued work is dropped, and the replicas close afterwards
     * without telling anyone (stores close as their options say: the mini-cluster turns their flush off, as a crash
     * loses memtables). Works on a paused server too. The data dirs stay for a restart. Idempotent.
     */
    public synchronized void halt() {
        if (server == null) {
            return;
        }
        server.close();
        ops.close();
        client.close();
        pause.abandon();
        meta.close();
        shutdown(opener); // before the replicas close: none may be created after
        lanes.close();
        manager.close();
        shutdown(reads);
        shutdown(files);
        shutdown(timer);
        resources.close();
        LOG.info("replica server {} halted", self);
        server = null;
    }

    private void requireStarted() {
        if (server == null) {
            throw new IllegalStateException("replica server not running");
        }
    }

    private Map<String, String> serverStat() {
        Map<String, String> stat = new LinkedHashMap<>();
        stat.put("role", "replica");
        stat.put("address", String.valueOf(self));
        stat.put("replica_count", String.valueOf(manager.runners().size()));
        return stat;
    }

    /** Stops beaconing, closes every replica, the port and the threads. Idempotent. */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        pause.resume();
        meta.close();
        shutdown(opener); // before the replicas close: none may be created after
        manager.close();
        server.close();
        ops.close();
        client.close();
        lanes.close();
        shutdown(reads);
        shutdown(files);
        shutdown(timer);
        resources.close();
        LOG.info("replica server {} stopped", self);
        server = null;
    }

    /** Creates a replica off the network threads; dropped once the server stops (the meta server will ask again). */
    private void openLater(Runnable task) {
        try {
            opener.execute(task);
        } catch (RejectedExecutionException stopping) {
            LOG.debug("replica server {} stopping; not creating a replica", self);
        }
    }

    private static void shutdown(ExecutorService executor) {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
