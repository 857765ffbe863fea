package io.enif.test.minicluster;

import io.enif.common.HostPort;
import io.enif.common.config.Config;
import io.enif.common.config.ConfigLoader;
import io.enif.common.config.ConfigRegistry;
import io.enif.common.replication.ReplicationKeys;
import io.enif.proto.admin.configuration_create_app_response;
import io.enif.proto.admin.query_cfg_response;
import io.enif.replica.partition.PartitionRunner;
import io.enif.replica.server.ReplicaConfigKeys;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The whole cluster in one JVM (DESIGN §8): an embedded ZooKeeper, M meta servers and R real replica servers on
 * loopback with port 0, each replica server with its own data dir, all configured from one ini text ({@link
 * MiniClusterProfile#TEST_PROFILE} plus the test's overrides). Meta servers start first; their bound addresses become
 * the replica servers' {@code [meta_server] server_list}.
 *
 * <pre>{@code
 * try (MiniCluster cluster = MiniCluster.builder(tempDir).metaServers(3).replicaServers(3).start()) {
 *     TableRoutes routes = cluster.createTable("t", 8, 3, Duration.ofSeconds(60));
 *     cluster.data().put(routes.primary(gpid), gpid, key, "v");
 *     cluster.replica(0).kill();
 *     ...
 * }
 * }</pre>
 */
public final class MiniCluster implements AutoCloseable {

    private final MiniMetaCluster metas;
    private final List<ReplicaNodeHandle> replicas;
    private final MetaAdmin admin = new MetaAdmin();
    private final DataClient data = new DataClient();

    private MiniCluster(MiniMetaCluster metas, List<ReplicaNodeHandle> replicas) {
        this.metas = metas;
        this.replicas = List.copyOf(replicas);
    }

    /** A builder keeping every server's data under {@code dir}. */
    public static Builder builder(Path dir) {
        return new Builder(dir);
    }

    /** The meta part (ZooKeeper and the meta servers, with their faults). */
    public MiniMetaCluster metas() {
        return metas;
    }

    public List<ReplicaNodeHandle> replicas() {
        return replicas;
    }

    public ReplicaNodeHandle replica(int index) {
        return replicas.get(index);
    }

    /** The replica server at {@code address}. */
    public ReplicaNodeHandle replica(HostPort address) {
        return replicas.stream()
                .filter(r -> r.address().equals(address))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no replica server at " + address));
    }

    /** An admin client for the meta servers. */
    public MetaAdmin admin() {
        return admin;
    }

    /** A client for reads and writes sent straight to replica servers. */
    public DataClient data() {
        return data;
    }

    /**
     * The address of the meta leader, waiting up to {@code timeout} for there to be exactly one.
     *
     * @throws IllegalStateException when there is none in time
     */
    public HostPort metaLeader(Duration timeout) {
        return metas.awaitLeader(timeout).address();
    }

    /**
     * Creates table {@code name} ({@code partitions} × {@code replicaCount}) through the meta leader's {@code
     * create_app} and waits until every partition is healthy: a primary that serves reads and {@code replicaCount -
     * 1} secondaries, on the meta server and on the replica servers alike.
     *
     * @throws IllegalStateException when create_app fails or the table is not healthy within {@code timeout}
     */
    public TableRoutes createTable(String name, int partitions, int replicaCount, Duration timeout) {
        HostPort leader = awaitReplicaServersAlive(timeout);
        configuration_create_app_response created = admin.createApp(leader, name, partitions, replicaCount, Map.of());
        if (!"ERR_OK".equals(created.getErr().name())) {
            throw new IllegalStateException(
                    "create_app " + name + " answered " + created.getErr().name());
        }
        return awaitHealthy(name, replicaCount, timeout);
    }

    /**
     * Waits until the meta leader lists every running replica server as alive (so it is not frozen for want of
     * them) and returns the leader's address.
     *
     * @throws IllegalStateException when that does not happen within {@code timeout}
     */
    public HostPort awaitReplicaServersAlive(Duration timeout) {
        long running = replicas.stream().filter(ReplicaNodeHandle::isRunning).count();
        HostPort leader = metaLeader(timeout);
        if (!admin.awaitAliveNodes(leader, (int) running, timeout)) {
            throw new IllegalStateException(
                    "the meta leader " + leader + " does not list " + running + " alive replica servers");
        }
        return leader;
    }

    /**
     * Waits until every partition of {@code name} has a primary and {@code replicaCount - 1} secondaries, and each
     * primary's replica server agrees: it runs the replica as a primary of that ballot that serves reads.
     *
     * @throws IllegalStateException when that does not happen within {@code timeout}
     */
    public TableRoutes awaitHealthy(String name, int replicaCount, Duration timeout) {
        return awaitRoutes(
                name,
                "every partition healthy (" + replicaCount + " replicas, primaries serving)",
                timeout,
                routes -> routes.isHealthy(replicaCount) && primariesServe(routes));
    }

    /** Whether the replica server of every primary in {@code routes} runs it as a primary that serves reads. */
    public boolean primariesServe(TableRoutes routes) {
        for (int i = 0; i < routes.partitionCount(); i++) {
            var gpid = routes.gpid(i);
            HostPort primary = routes.primary(gpid);
            Optional<ReplicaNodeHandle> node =
                    replicas.stream().filter(r -> r.address().equals(primary)).findFirst();
            PartitionRunner runner = node.map(n -> n.replica(gpid)).orElse(null);
            if (runner == null
                    || runner.snapshot().ballot() != routes.config(gpid).getBallot()
                    || !runner.canServeReads()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Polls {@code query_cfg} of {@code name} on the meta leader until {@code condition} holds and returns those
     * routes.
     *
     * @throws IllegalStateException naming {@code what} and the last routes seen, when it does not hold in time
     */
    public TableRoutes awaitRoutes(String name, String what, Duration timeout, Predicate<TableRoutes> condition) {
        AtomicReference<TableRoutes> last = new AtomicReference<>();
        AtomicReference<String> lastError = new AtomicReference<>("");
        boolean held = MiniMetaCluster.await(timeout, () -> {
            try {
                TableRoutes routes = routes(name);
                last.set(routes);
                return condition.test(routes);
            } catch (IllegalStateException e) {
                lastError.set(e.getMessage());
                return false;
            }
        });
        if (!held) {
            TableRoutes seen = last.get();
            throw new IllegalStateException("table " + name + ": not " + what + " within " + timeout + "; last seen:\n"
                    + (seen == null ? lastError.get() : seen.describe()));
        }
        return last.get();
    }

    /**
     * The routes of {@code name} as the meta leader answers them now.
     *
     * @throws IllegalStateException when there is no single leader or it does not answer {@code ERR_OK}
     */
    public TableRoutes routes(String name) {
        MetaNodeHandle leader = metas.leader().orElseThrow(() -> new IllegalStateException("no single meta leader"));
        query_cfg_response response = admin.queryConfig(leader.address(), name);
        return TableRoutes.of(response);
    }

    @Override
    public void close() throws IOException {
        data.close();
        admin.close();
        for (ReplicaNodeHandle replica : replicas) {
            replica.close();
        }
        metas.close();
    }

    /** Builds a {@link MiniCluster}. */
    public static final class Builder {
        private final Path dir;
        private int metaCount = 1;
        private int replicaCount = 3;
        private String profile = MiniClusterProfile.TEST_PROFILE;
        private final List<String> overrides = new ArrayList<>();

        private Builder(Path dir) {
            this.dir = dir;
        }

        public Builder metaServers(int count) {
            this.metaCount = count;
            return this;
        }

        public Builder replicaServers(int count) {
            this.replicaCount = count;
            return this;
        }

        /** Replaces the base ini text (default {@link MiniClusterProfile#TEST_PROFILE}). */
        public Builder profile(String ini) {
            this.profile = ini;
            return this;
        }

        /** Sets one key ({@code section.key=value}) on every server, on top of the profile. */
        public Builder override(String assignment) {
            overrides.add(assignment);
            return this;
        }

        /** Starts ZooKeeper, the meta servers, then the replica servers; waits for nothing else. */
        public MiniCluster start() throws Exception {
            MiniMetaCluster metas = MiniMetaCluster.builder(dir)
                    .metaServers(metaCount)
                    .configText(profile, overrides)
                    .start();
            List<ReplicaNodeHandle> replicas = new ArrayList<>();
            try {
                String serverList =
                        metas.addresses().stream().map(HostPort::toString).collect(Collectors.joining(","));
                for (int i = 0; i < replicaCount; i++) {
                    Path data = dir.resolve("replica" + i);
                    Config config = ConfigLoader.forRegistry(ConfigRegistry.discover())
                            .text("mini-cluster replica " + i, profile)
                            .overrides(overrides)
                            .override(ReplicationKeys.META_SERVER_LIST, serverList)
                            .override(ReplicaConfigKeys.APP_DIR, data.toString())
                            .override(ReplicaConfigKeys.DATA_DIRS, "ssd" + i + ":" + data.resolve("data"))
                            .load();
                    ReplicaNodeHandle replica = new ReplicaNodeHandle(i, config, data);
                    replicas.add(replica);
                    replica.start();
                }
            } catch (Exception e) {
                replicas.forEach(ReplicaNodeHandle::close);
                metas.close();
                throw e;
            }
            return new MiniCluster(metas, replicas);
        }
    }
}
