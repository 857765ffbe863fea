package io.enif.meta.server;

import io.enif.common.HostPort;
import io.enif.common.config.Config;
import io.enif.common.config.ConfigRegistry;
import io.enif.common.metrics.Counter;
import io.enif.common.metrics.MetricRegistry;
import io.enif.common.metrics.MetricsEndpoint;
import io.enif.common.metrics.MetricsSource;
import io.enif.common.metrics.ProcessMetrics;
import io.enif.meta.election.ZkLeaderElection;
import io.enif.meta.fd.FailureDetector;
import io.enif.meta.store.ZkMetaStore;
import io.enif.proto.frame.ArgsField;
import io.enif.proto.replication.configuration_update_request;
import io.enif.proto.rpc.ReplicationRpcs;
import io.enif.rpc.RpcClient;
import io.enif.rpc.RpcClientConfig;
import io.enif.rpc.RpcDispatcher;
import io.enif.rpc.RpcRequest;
import io.enif.rpc.RpcServer;
import io.enif.rpc.RpcServerListener;
import io.enif.rpc.command.CommandRegistry;
import io.enif.rpc.http.HttpRequest;
import io.enif.rpc.http.HttpResponse;
import io.enif.rpc.http.HttpRouter;
import io.enif.rpc.ops.PerfCounterCommands;
import io.enif.rpc.ops.ServerInfo;
import io.enif.rpc.ops.ServerOps;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A meta server process: one RPC port (THFT and HTTP), a ZooKeeper client, the leader election and, while it leads,
 * the cluster's metadata (DESIGN §6).
 *
 * <pre>{@code
 * MetaServer meta = MetaServer.fromConfig(config, "127.0.0.1", 34601).start();
 * ...
 * meta.close();   // releases the leader lock at once
 * }</pre>
 *
 * <p>Start order: the RPC port is bound first (so standbys can redirect clients while they wait), then ZooKeeper is
 * reached and the layout created, then the server joins the election. The constructor refuses unsafe failure-detector
 * timers (grace > lease > 2 × beacon). {@link #halt()} and {@link #pause()} are fault injection for tests.
 */
public final class MetaServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MetaServer.class);

    private final MetaServerConfig config;
    private final List<LeaderActivityListener> listeners = new ArrayList<>();
    private final HttpRouter httpRoutes = new HttpRouter();
    private final MetricRegistry metricRegistry = new MetricRegistry();
    private volatile HostPort advertised;
    private final CommandRegistry commands = new CommandRegistry();
    private final Config settings;
    private ServerOps ops;
    private RpcServer rpcServer;
    private RpcClient rpcClient;
    private CuratorFramework curator;
    private MetaLane lane;
    private MetaService service;
    private ZkLeaderElection election;
    private HostPort self;
    private boolean stopped;

    /**
     * A meta server that is not started yet.
     *
     * @throws IllegalArgumentException when the failure-detector timers are unsafe
     */
    public MetaServer(MetaServerConfig config) {
        this(config, Config.defaults(ConfigRegistry.discover()));
    }

    /**
     * A meta server that is not started yet; {@code settings} is the configuration it was built from, which {@code
     * /config}, {@code /updateConfig} and {@code config-dump} show and change.
     *
     * @throws IllegalArgumentException when the failure-detector timers are unsafe
     */
    public MetaServer(MetaServerConfig config, Config settings) {
        this.config = Objects.requireNonNull(config, "config");
        this.settings = Objects.requireNonNull(settings, "settings");
        new FailureDetector(config.fd());
        ProcessMetrics.register(metricRegistry);
        httpRoutes.route("/metrics", this::serveMetrics);
    }

    /** The metrics of this server (served at {@code /metrics}); features add their entities and metrics to it. */
    public MetricRegistry metricRegistry() {
        return metricRegistry;
    }

    private HttpResponse serveMetrics(HttpRequest request) {
        HostPort at = advertised;
        MetricsSource source = new MetricsSource(
                config.clusterName(), "meta", at == null ? "" : at.host(), at == null ? 0 : at.port());
        MetricsEndpoint.Reply reply =
                new MetricsEndpoint(metricRegistry, source).serve(request.method(), request.parameters());
        return new HttpResponse(reply.status(), reply.contentType(), reply.body());
    }

    /** A meta server configured by {@code config}, serving on {@code host:port}. */
    public static MetaServer fromConfig(Config config, String host, int port) {
        return new MetaServer(MetaServerConfigs.fromConfig(config, host, port), config);
    }

    /** Registers a listener before {@link #start()}. */
    public synchronized MetaServer addListener(LeaderActivityListener listener) {
        if (service != null) {
            throw new IllegalStateException("add listeners before start");
        }
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** The HTTP routes served on this server's RPC port; features add theirs before or after {@code start()}. */
    public HttpRouter httpRoutes() {
        return httpRoutes;
    }

    /** The remote commands of this server; features add theirs before or after {@code start()}. */
    public CommandRegistry commands() {
        return commands;
    }

    /**
     * Binds the port, connects to ZooKeeper and joins the election.
     *
     * @throws IOException when the port cannot be bound or ZooKeeper cannot be reached within the session timeout
     */
    public synchronized MetaServer start() throws IOException {
        if (service != null || stopped) {
            throw new IllegalStateException("a meta server starts once");
        }
        RpcDispatcher dispatcher = new RpcDispatcher();
        rpcServer = new RpcServer(config.rpc(), dispatcher, httpRoutes, RpcServerListener.NONE).start();
        self = new HostPort(advertisedHost(config.rpc().host()), rpcServer.port());
        advertised = self;
        rpcClient = new RpcClient(RpcClientConfig.defaults());
        curator = CuratorFrameworkFactory.builder()
                .connectString(config.zkHosts())
                .sessionTimeoutMs((int) config.zkSessionTimeout().toMillis())
                .connectionTimeoutMs((int) Math.min(config.zkSessionTimeout().toMillis(), 15_000))
                .retryPolicy(new ExponentialBackoffRetry(100, 3))
                .build();
        curator.start();
        ZkMetaStore store = new ZkMetaStore(curator, config.paths());
        try {
            if (!curator.blockUntilConnected((int) config.zkSessionTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException("cannot reach ZooKeeper at " + config.zkHosts());
            }
            store.ensureLayout();
        } catch (InterruptedException | RuntimeException | IOException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            releaseResources();
            throw e instanceof IOException io ? io : new IOException("meta server " + self + " cannot start", e);
        }
        lane = new MetaLane("enif-meta-" + self.port());
        service = new MetaService(config, self, lane, store, MetaClock.SYSTEM);
        listeners.forEach(service::addListener);
        metricRegistry.addCollector(new MetaMetrics(service));
        MetaCommands metaCommands = new MetaCommands(service, commands);
        metaCommands.bind(settings);
        service.addListener(metaCommands);
        CureLoop cure = new CureLoop(service, this::sendProposal);
        Counter disconnections = ProcessMetrics.server(metricRegistry).counter(MetaMetrics.DISCONNECTIONS);
        cure.onDisconnection(disconnections::increment);
        TableLifecycle tables = new TableLifecycle(service, cure);
        ClusterQueries queries = new ClusterQueries(service);
        new MetaHttpRoutes(service, queries).register(httpRoutes);
        ops = ServerOps.install(
                ServerInfo.startingNow("meta"), settings, commands, httpRoutes, dispatcher, this::serverStat);
        commands.registerAll(PerfCounterCommands.all(metricRegistry, "meta"));
        new MetaRpcRoutes(lane)
                .register(
                        dispatcher,
                        queries,
                        tables,
                        new TableSettings(service, cure),
                        new ReplicaFacing(service, cure));
        service.onLeading(() -> service.acting().ifPresent(state -> {
            tables.createBootstrapTables(state);
            cure.startTimers(state);
        }));
        election = new ZkLeaderElection(
                curator, config.paths(), self, config.zkSessionTimeout().toMillis(), service);
        service.attach(election);
        election.start();
        LOG.info(
                "meta server {} started (ZooKeeper {}, root {})",
                self,
                config.zkHosts(),
                config.paths().clusterRoot());
        return this;
    }

    private Map<String, String> serverStat() {
        Map<String, String> stat = new LinkedHashMap<>();
        stat.put("role", "meta");
        stat.put("address", String.valueOf(self));
        stat.put("leader", String.valueOf(isLeader()));
        stat.put("known_leader", leader().map(HostPort::toString).orElse("-"));
        return stat;
    }

    private void sendProposal(HostPort target, configuration_update_request proposal) {
        RpcRequest request = RpcRequest.of(
                        ReplicationRpcs.RPC_CONFIG_PROPOSAL.name(),
                        ArgsField.struct(proposal),
                        Duration.ofMillis(config.fd().beaconIntervalMs()))
                .toPartition(proposal.getConfig().getPid().toGpid(), 0);
        rpcClient.send(target, request).whenComplete((ok, error) -> {
            if (error != null) {
                LOG.debug("proposal to {} not sent: {}", target, error.toString());
            }
        });
    }

    /** The RPC port actually bound. */
    public synchronized int port() {
        requireStarted();
        return self.port();
    }

    /** This server's address, as it is known to the others ({@code host:port}). */
    public synchronized HostPort address() {
        requireStarted();
        return self;
    }

    public MetaServerConfig config() {
        return config;
    }

    /** Whether this server acts as the leader now. */
    public synchronized boolean isLeader() {
        return service != null && !stopped && service.acting().isPresent();
    }

    /** The epoch this server leads, while it does. */
    public synchronized OptionalLong epoch() {
        if (service == null || stopped) {
            return OptionalLong.empty();
        }
        return service.acting().map(s -> OptionalLong.of(s.epoch())).orElse(OptionalLong.empty());
    }

    /** The leader as this server knows it. */
    public synchronized Optional<HostPort> leader() {
        return service == null || stopped ? Optional.empty() : service.knownLeader();
    }

    /** Completes when this server found a fatal inconsistency in the stored metadata (the launcher exits on it). */
    public synchronized CompletableFuture<Throwable> fatal() {
        requireStarted();
        return service.fatal();
    }

    /** The ZooKeeper client, for tools and fault injection (e.g. Curator's {@code KillSession}). */
    public synchronized CuratorFramework zkClient() {
        requireStarted();
        return curator;
    }

    /** Stops gracefully: the leader lock is released at once, so another meta server takes over immediately. */
    @Override
    public synchronized void close() {
        if (stopped || service == null) {
            stopped = true;
            return;
        }
        stopped = true;
        election.close();
        lane.close();
        releaseResources();
        LOG.info("meta server {} stopped", self);
    }

    /**
     * Stops like a crash: the election is abandoned without releasing the lock. The ZooKeeper client is closed too, so
     * to leave the session to expire (as a killed process does) cut its connection to ZooKeeper first, as the
     * mini-cluster's kill does.
     */
    public synchronized void halt() {
        if (stopped || service == null) {
            stopped = true;
            return;
        }
        stopped = true;
        election.halt();
        lane.close();
        releaseResources();
        LOG.info("meta server {} halted", self);
    }

    /** Fault injection: this server stops doing anything (as under SIGSTOP) until {@link #resume()}. */
    public synchronized void pause() {
        requireStarted();
        lane.pause();
        election.pause();
    }

    /** Ends {@link #pause()}. */
    public synchronized void resume() {
        requireStarted();
        election.resume();
        lane.resume();
    }

    private void releaseResources() {
        if (ops != null) {
            ops.close();
        }
        if (rpcServer != null) {
            rpcServer.close();
        }
        if (rpcClient != null) {
            rpcClient.close();
        }
        if (curator != null) {
            curator.close();
        }
    }

    private void requireStarted() {
        if (self == null || service == null) {
            throw new IllegalStateException("meta server not started");
        }
    }

    private static String advertisedHost(String bindHost) {
        if (!bindHost.equals("0.0.0.0") && !bindHost.equals("::")) {
            return bindHost;
        }
        try {
            return InetAddress.getLocalHost().getHostAddress();
        } catch (UnknownHostException e) {
            return "127.0.0.1";
        }
    }
}
