package io.enif.test.minicluster;

import io.enif.common.HostPort;
import io.enif.common.config.Config;
import io.enif.common.config.ConfigLoader;
import io.enif.common.config.ConfigRegistry;
import io.enif.meta.fd.FailureDetectorConfig;
import io.enif.meta.guardian.GuardianConfig;
import io.enif.meta.level.MetaLevelConfig;
import io.enif.meta.server.BootstrapTable;
import io.enif.meta.server.LeaderActivityListener;
import io.enif.meta.server.MetaConfigKeys;
import io.enif.meta.server.MetaServerConfig;
import io.enif.meta.server.MetaServerConfigs;
import io.enif.meta.state.ClusterState;
import io.enif.meta.store.MetaPaths;
import io.enif.meta.store.ZkMetaStore;
import io.enif.rpc.RpcServerConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;

/**
 * The meta part of the mini-cluster (DESIGN §8, STYLE §10): an embedded ZooKeeper and N meta servers in this JVM, on
 * loopback with port 0, each with its own ZooKeeper proxy so it can be killed, restarted or paused alone ({@link
 * MetaNodeHandle}). Short test timers by default (DESIGN §10: ZooKeeper session 3 s, beacon 1 s, lease 3 s, grace 4 s,
 * cure every second).
 *
 * <pre>{@code
 * try (MiniMetaCluster cluster = MiniMetaCluster.builder(tempDir).metaServers(3).start()) {
 *     MetaNodeHandle leader = cluster.awaitLeader(Duration.ofSeconds(10));
 *     ...
 * }
 * }</pre>
 */
public final class MiniMetaCluster implements AutoCloseable {

    private final EmbeddedZooKeeper zk;
    private final List<MetaNodeHandle> metas;
    private final MetaPaths paths;
    private final Duration sessionTimeout;

    private MiniMetaCluster(EmbeddedZooKeeper zk, List<MetaNodeHandle> metas, MetaPaths paths, Duration session) {
        this.zk = zk;
        this.metas = List.copyOf(metas);
        this.paths = paths;
        this.sessionTimeout = session;
    }

    /** A builder keeping ZooKeeper's data under {@code dir}. */
    public static Builder builder(Path dir) {
        return new Builder(dir);
    }

    public List<MetaNodeHandle> metas() {
        return metas;
    }

    public MetaNodeHandle meta(int index) {
        return metas.get(index);
    }

    public EmbeddedZooKeeper zooKeeper() {
        return zk;
    }

    public Duration sessionTimeout() {
        return sessionTimeout;
    }

    /** The meta server acting as leader now, if exactly one does. */
    public Optional<MetaNodeHandle> leader() {
        List<MetaNodeHandle> leaders =
                metas.stream().filter(MetaNodeHandle::isLeader).toList();
        return leaders.size() == 1 ? Optional.of(leaders.get(0)) : Optional.empty();
    }

    /**
     * Waits until exactly one meta server acts as leader.
     *
     * @throws IllegalStateException when none does within {@code timeout}
     */
    public MetaNodeHandle awaitLeader(Duration timeout) {
        if (!await(timeout, () -> leader().isPresent())) {
            throw new IllegalStateException("no single meta leader within " + timeout);
        }
        return leader().orElseThrow();
    }

    /**
     * Waits until exactly one meta server other than {@code old} acts as leader.
     *
     * @throws IllegalStateException when none does within {@code timeout}
     */
    public MetaNodeHandle awaitNewLeader(MetaNodeHandle old, Duration timeout) {
        if (!await(timeout, () -> leader().filter(l -> l != old).isPresent())) {
            throw new IllegalStateException("no new meta leader (other than " + old + ") within " + timeout);
        }
        return leader().orElseThrow();
    }

    /** The metadata as stored in ZooKeeper now, read with a fresh client. */
    public ClusterState storedState() throws Exception {
        try (CuratorFramework client = CuratorFrameworkFactory.newClient(
                zk.connectString(), (int) sessionTimeout.toMillis(), 5_000, new RetryOneTime(100))) {
            client.start();
            client.blockUntilConnected();
            return new ZkMetaStore(client, paths).load().state();
        }
    }

    /** Polls {@code condition} every 20 ms until it holds or {@code timeout} passes; returns whether it held. */
    public static boolean await(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(20_000_000L);
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        for (MetaNodeHandle meta : metas) {
            meta.close();
        }
        zk.close();
    }

    /** Builds a {@link MiniMetaCluster}. */
    public static final class Builder {
        private final Path dir;
        private int metaCount = 3;
        private Duration sessionTimeout = Duration.ofSeconds(3);
        private FailureDetectorConfig fd = FailureDetectorConfig.defaults()
                .withTimers(1_000, 1_000, 3_000, 4_000)
                .withStability(0, 5);
        private MetaLevelConfig level = MetaLevelConfig.defaults().withMinLiveNodeCountForUnfreeze(1);
        private GuardianConfig guardian = GuardianConfig.defaults();
        private Duration lbInterval = Duration.ofSeconds(1);
        private List<BootstrapTable> bootstrap = List.of();
        private final List<LeaderActivityListener> listeners = new ArrayList<>();
        private String iniText;
        private List<String> iniOverrides = List.of();

        private Builder(Path dir) {
            this.dir = dir;
        }

        public Builder metaServers(int count) {
            this.metaCount = count;
            return this;
        }

        public Builder sessionTimeout(Duration timeout) {
            this.sessionTimeout = timeout;
            return this;
        }

        public Builder failureDetector(FailureDetectorConfig config) {
            this.fd = config;
            return this;
        }

        public Builder level(MetaLevelConfig config) {
            this.level = config;
            return this;
        }

        public Builder guardian(GuardianConfig config) {
            this.guardian = config;
            return this;
        }

        public Builder lbInterval(Duration interval) {
            this.lbInterval = interval;
            return this;
        }

        public Builder bootstrapTables(List<BootstrapTable> tables) {
            this.bootstrap = List.copyOf(tables);
            return this;
        }

        /**
         * Configures the meta servers from this ini text (read with the registered keys, as {@code enif meta -c}
         * reads its file) and these {@code section.key=value} overrides instead of the builder's settings; {@code
         * [zookeeper] hosts_list} is set to the embedded ZooKeeper and the RPC port to 0.
         */
        public Builder configText(String ini, List<String> overrides) {
            this.iniText = ini;
            this.iniOverrides = List.copyOf(overrides);
            return this;
        }

        /** A listener every meta server gets (also after restarts). */
        public Builder listener(LeaderActivityListener listener) {
            this.listeners.add(listener);
            return this;
        }

        /** Starts ZooKeeper and every meta server, and returns without waiting for a leader. */
        public MiniMetaCluster start() throws Exception {
            Duration session =
                    iniText == null ? sessionTimeout : fromIni("127.0.0.1:1").zkSessionTimeout();
            EmbeddedZooKeeper zk =
                    new EmbeddedZooKeeper(dir.resolve("zookeeper").toFile(), session);
            MetaServerConfig config;
            Config settings = null;
            try {
                if (iniText == null) {
                    config = fromBuilder(zk);
                } else {
                    settings = loadIni(zk.connectString());
                    config = MetaServerConfigs.fromConfig(settings, "127.0.0.1", 0);
                }
            } catch (RuntimeException e) {
                zk.close();
                throw e;
            }
            config = config.withRpc(RpcServerConfig.of("127.0.0.1", 0).withThreads(1, 1));
            List<MetaNodeHandle> metas = new ArrayList<>();
            try {
                for (int i = 0; i < metaCount; i++) {
                    MetaNodeHandle meta = new MetaNodeHandle(i, config, settings, new ZkProxy(zk.address()), listeners);
                    metas.add(meta);
                    meta.start();
                }
            } catch (IOException | RuntimeException e) {
                metas.forEach(MetaNodeHandle::close);
                zk.close();
                throw e;
            }
            return new MiniMetaCluster(zk, metas, config.paths(), session);
        }

        private MetaServerConfig fromBuilder(EmbeddedZooKeeper zk) {
            return new MetaServerConfig(
                    RpcServerConfig.of("127.0.0.1", 0),
                    List.of(),
                    "mini",
                    MetaPaths.of("/enif/mini", ""),
                    zk.connectString(),
                    sessionTimeout,
                    fd,
                    level,
                    guardian,
                    lbInterval,
                    Duration.ofDays(7),
                    1,
                    5,
                    bootstrap);
        }

        private MetaServerConfig fromIni(String zkHosts) {
            return MetaServerConfigs.fromConfig(loadIni(zkHosts), "127.0.0.1", 0);
        }

        private Config loadIni(String zkHosts) {
            return ConfigLoader.forRegistry(ConfigRegistry.discover())
                    .text("mini-cluster meta", iniText)
                    .overrides(iniOverrides)
                    .override(MetaConfigKeys.ZK_HOSTS_LIST, zkHosts)
                    .load();
        }
    }

    /** The addresses of every meta server. */
    public List<HostPort> addresses() {
        return metas.stream().map(MetaNodeHandle::address).toList();
    }
}
