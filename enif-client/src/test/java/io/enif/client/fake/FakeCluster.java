package io.enif.client.fake;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.proto.admin.configuration_create_app_request;
import io.enif.proto.admin.configuration_create_app_response;
import io.enif.proto.admin.configuration_drop_app_request;
import io.enif.proto.admin.configuration_drop_app_response;
import io.enif.proto.admin.configuration_list_apps_request;
import io.enif.proto.admin.configuration_list_apps_response;
import io.enif.proto.admin.query_cfg_response;
import io.enif.proto.base.error_code;
import io.enif.proto.layer2.app_status;
import io.enif.storage.PartitionStore;
import io.enif.storage.StoreOptions;
import io.enif.storage.rocks.RocksResources;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Fake meta servers and replica servers on loopback (port 0) over real partition stores in a temp dir. Tables are
 * created directly ({@link #createTable}) or through the meta RPC; {@link #movePrimary} moves a partition to another
 * replica the way a failover would look to a client.
 */
public final class FakeCluster implements AutoCloseable {
    private final Path dir;
    private final RocksResources resources = RocksResources.create(16L << 20, -1);
    private final List<FakeReplica> replicas = new ArrayList<>();
    private final List<FakeMeta> metas = new ArrayList<>();
    private final Map<String, FakeTable> tables = new ConcurrentHashMap<>();
    private final Map<Gpid, FakePartition> partitions = new ConcurrentHashMap<>();
    private final AtomicInteger nextAppId = new AtomicInteger(1);
    private volatile int leader;
    private volatile int newTableUnhealthyAnswers;

    private FakeCluster(Path dir) {
        this.dir = dir;
    }

    /** Starts {@code metaCount} meta servers (the first one leads) and {@code replicaCount} replica servers. */
    public static FakeCluster start(Path dir, int metaCount, int replicaCount) throws IOException {
        FakeCluster cluster = new FakeCluster(dir);
        try {
            for (int i = 0; i < replicaCount; i++) {
                cluster.replicas.add(new FakeReplica(cluster));
            }
            for (int i = 0; i < metaCount; i++) {
                cluster.metas.add(new FakeMeta(cluster));
            }
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** The meta list as a client config takes it. */
    public String metaServers() {
        return metas.stream().map(m -> m.address().toString()).collect(Collectors.joining(","));
    }

    public FakeReplica replica(int index) {
        return replicas.get(index);
    }

    public List<FakeReplica> replicas() {
        return List.copyOf(replicas);
    }

    public FakeMeta meta(int index) {
        return metas.get(index);
    }

    public FakeMeta leaderMeta() {
        return metas.get(leader);
    }

    /** Makes meta server {@code index} the leader; the others become standbys. */
    public void setLeader(int index) {
        leader = index;
    }

    public FakeTable table(String name) {
        return tables.get(name);
    }

    /** The store of a partition (whichever replica serves it). */
    public FakePartition partition(Gpid gpid) {
        return partitions.get(gpid);
    }

    /** Creates an available table with primaries spread round robin over the replicas. */
    public synchronized FakeTable createTable(String name, int partitionCount, int replicaCount) {
        FakeTable table =
                new FakeTable(name, nextAppId.getAndIncrement(), partitionCount, replicaCount, replicas.size());
        for (int i = 0; i < partitionCount; i++) {
            Gpid gpid = table.gpid(i);
            FakeReplica primary = replicas.get(table.primaryOf(i));
            PartitionStore store = PartitionStore.builder(dir.resolve(gpid.appId() + "." + i))
                    .gpid(gpid)
                    .server(primary.address().toString())
                    .options(StoreOptions.builder()
                            .writeBufferSize(1L << 20)
                            .maxBackgroundJobs(1)
                            .build())
                    .resources(resources)
                    .open();
            partitions.put(gpid, new FakePartition(store));
            primary.promote(gpid);
        }
        table.unhealthyAnswers.set(newTableUnhealthyAnswers);
        tables.put(name, table);
        return table;
    }

    /**
     * Moves a partition's primary to replica {@code to} (ballot + 1); the former primary answers {@code refusal}
     * ({@code ERR_INVALID_STATE} or {@code ERR_OBJECT_NOT_FOUND}) from now on.
     */
    public synchronized void movePrimary(String tableName, int partitionIndex, int to, ErrorCode refusal) {
        FakeTable table = tables.get(tableName);
        Gpid gpid = table.gpid(partitionIndex);
        int from = table.primaryReplica[partitionIndex];
        if (from >= 0) {
            replicas.get(from).demote(gpid, refusal);
        }
        replicas.get(to).promote(gpid);
        synchronized (table) {
            table.primaryReplica[partitionIndex] = to;
            table.ballots[partitionIndex]++;
        }
    }

    /** Makes the next {@code answers} query_cfg answers for the table report no secondaries (unhealthy). */
    public void reportUnhealthy(String tableName, int answers) {
        tables.get(tableName).unhealthyAnswers.set(answers);
    }

    /** Makes the first {@code answers} query_cfg answers for every table created later report it unhealthy. */
    public void newTablesUnhealthyFor(int answers) {
        newTableUnhealthyAnswers = answers;
    }

    query_cfg_response queryCfg(String name) {
        FakeTable table = tables.get(name);
        if (table == null || table.dropped()) {
            query_cfg_response r = new query_cfg_response();
            r.err = error_code.of(ErrorCode.ERR_OBJECT_NOT_FOUND);
            r.partitions = new ArrayList<>();
            return r;
        }
        return table.queryCfg(replicas);
    }

    synchronized configuration_create_app_response createApp(configuration_create_app_request r) {
        FakeTable existing = tables.get(r.app_name);
        if (existing != null && !existing.dropped()) {
            ErrorCode err = r.options.success_if_exist ? ErrorCode.ERR_OK : ErrorCode.ERR_APP_EXIST;
            return new configuration_create_app_response(error_code.of(err), existing.appId);
        }
        if (r.options.partition_count <= 0 || r.options.replica_count <= 0) {
            return new configuration_create_app_response(error_code.of(ErrorCode.ERR_INVALID_PARAMETERS), 0);
        }
        FakeTable table = createTable(r.app_name, r.options.partition_count, r.options.replica_count);
        return new configuration_create_app_response(error_code.of(ErrorCode.ERR_OK), table.appId);
    }

    configuration_drop_app_response dropApp(configuration_drop_app_request r) {
        FakeTable table = tables.get(r.app_name);
        if (table != null && !table.dropped()) {
            table.dropSecond = System.currentTimeMillis() / 1000;
        }
        return new configuration_drop_app_response(error_code.of(ErrorCode.ERR_OK));
    }

    configuration_list_apps_response listApps(configuration_list_apps_request r) {
        configuration_list_apps_response response =
                new configuration_list_apps_response(error_code.of(ErrorCode.ERR_OK), new ArrayList<>());
        for (FakeTable table : tables.values()) {
            if (r.status == app_status.AS_INVALID || !table.dropped()) {
                response.infos.add(table.info());
            }
        }
        return response;
    }

    /** An address nothing listens on (a closed server's). */
    public static HostPort deadAddress() throws IOException {
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return new HostPort("127.0.0.1", socket.getLocalPort());
        }
    }

    @Override
    public void close() {
        metas.forEach(FakeMeta::close);
        replicas.forEach(FakeReplica::close);
        partitions.values().forEach(p -> p.store().close());
        resources.close();
    }
}
