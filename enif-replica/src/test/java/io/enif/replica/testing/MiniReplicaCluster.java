package io.enif.replica.testing;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.proto.base.blob;
import io.enif.proto.frame.ArgsField;
import io.enif.proto.key.KeyCodec;
import io.enif.proto.rpc.ClientRpcs;
import io.enif.proto.rrdb.read_response;
import io.enif.proto.rrdb.update_request;
import io.enif.proto.rrdb.update_response;
import io.enif.replica.partition.PartitionRunner;
import io.enif.replica.server.DataDir;
import io.enif.replica.server.ReplicaServer;
import io.enif.replica.server.ReplicaServerConfig;
import io.enif.replication.PartitionConfiguration;
import io.enif.replication.ReplicaOptions;
import io.enif.rpc.RpcClient;
import io.enif.rpc.RpcClientConfig;
import io.enif.rpc.RpcException;
import io.enif.rpc.RpcRequest;
import io.enif.storage.StoreOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;

/**
 * N replica servers on loopback (port 0, each with its own data dir) and a {@link FakeMetaServer} for one table,
 * with shortened timers (beacon 200 ms, lease 1.5 s, grace 2 s, prepare timeouts 1 s / 2 s, group check 500 ms),
 * stores that do not flush on close (a stop loses the memtable, as a crash does), kill and restart per node, and a
 * client.
 */
public final class MiniReplicaCluster implements AutoCloseable {
    private static final Duration RPC_TIMEOUT = Duration.ofSeconds(5);

    private final FakeMetaServer meta;
    private final List<ReplicaServer> servers = new ArrayList<>();
    private final List<ReplicaServerConfig> configs = new ArrayList<>();
    private final List<HostPort> addresses = new ArrayList<>();
    private final RpcClient client = new RpcClient(RpcClientConfig.defaults());

    private MiniReplicaCluster(FakeMetaServer meta) {
        this.meta = meta;
    }

    /**
     * Starts the meta server for table {@code appId} ({@code partitions} × {@code replicas}) and {@code nodes}
     * replica servers under {@code dir}; {@code tune} may change each server's config.
     */
    public static MiniReplicaCluster start(
            Path dir, int nodes, int appId, int partitions, int replicas, UnaryOperator<ReplicaServerConfig> tune)
            throws Exception {
        return start(dir, nodes, new FakeMetaServer(appId, partitions, replicas, 2000), tune);
    }

    /** As above, with a meta server of the caller's (not started yet). */
    public static MiniReplicaCluster start(
            Path dir, int nodes, FakeMetaServer metaServer, UnaryOperator<ReplicaServerConfig> tune) throws Exception {
        MiniReplicaCluster cluster = new MiniReplicaCluster(metaServer.start());
        try {
            for (int i = 0; i < nodes; i++) {
                ReplicaServerConfig config = tune.apply(ReplicaServerConfig.defaults(
                                "127.0.0.1",
                                0,
                                List.of(cluster.meta.address()),
                                List.of(new DataDir("ssd" + i, dir.resolve("node" + i))))
                        .withOptions(
                                new ReplicaOptions(110, 20, 2, 64 << 10, 1000, 2000, 5, 500, false, false, 500, 500))
                        .withTimers(new ReplicaServerConfig.FdConfig(200, 100, 1500, false), 1000)
                        .withStorage(StoreOptions.builder().flushOnClose(false).build(), 0));
                ReplicaServer server = new ReplicaServer(config, FakePrivateLog::open).start();
                cluster.configs.add(config.withPort(server.port()));
                cluster.servers.add(server);
                cluster.addresses.add(server.address());
            }
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    public FakeMetaServer meta() {
        return meta;
    }

    public RpcClient client() {
        return client;
    }

    public int size() {
        return servers.size();
    }

    /** Node {@code i}'s address (kept across restarts). */
    public HostPort address(int i) {
        return addresses.get(i);
    }

    /** Node {@code i}'s server, or null while it is down. */
    public ReplicaServer server(int i) {
        return servers.get(i);
    }

    /** The index of the node at {@code address}. */
    public int indexOf(HostPort address) {
        int i = addresses.indexOf(address);
        if (i < 0) {
            throw new AssertionError("no node at " + address);
        }
        return i;
    }

    /** Stops node {@code i} without flushing its stores. */
    public void kill(int i) {
        servers.get(i).close();
        servers.set(i, null);
    }

    /** Starts node {@code i} again on its port and data dir. */
    public ReplicaServer restart(int i) throws Exception {
        ReplicaServer server = new ReplicaServer(configs.get(i), FakePrivateLog::open).start();
        servers.set(i, server);
        return server;
    }

    /** The runner of {@code gpid} on node {@code i}, or null. */
    public PartitionRunner runner(int i, Gpid gpid) {
        ReplicaServer server = servers.get(i);
        return server == null ? null : server.replicas().get(gpid);
    }

    /** Waits until the partition has a primary that serves reads and {@code secondaries} secondaries. */
    public PartitionConfiguration awaitGroup(Gpid gpid, int secondaries) {
        Await.until(gpid + " with a primary and " + secondaries + " secondaries", Duration.ofSeconds(30), () -> {
            PartitionConfiguration pc = meta.config(gpid);
            if (pc.primary() == null || pc.secondaries().size() != secondaries) {
                return false;
            }
            PartitionRunner primary = runner(indexOf(pc.primary()), gpid);
            return primary != null && primary.snapshot().ballot() == pc.ballot() && primary.canServeReads();
        });
        return meta.config(gpid);
    }

    public static byte[] key(String hashKey) {
        return KeyCodec.encode(hashKey.getBytes(StandardCharsets.UTF_8), "s".getBytes(StandardCharsets.UTF_8));
    }

    /** {@code RPC_RRDB_RRDB_PUT} to {@code to}; an RPC error fails with ExecutionException. */
    public update_response put(HostPort to, Gpid gpid, String hashKey, byte[] value) throws Exception {
        RpcRequest request = new RpcRequest(
                ClientRpcs.RPC_RRDB_RRDB_PUT.name(),
                gpid,
                0,
                false,
                ArgsField.struct(
                        new update_request().setKey(new blob(key(hashKey))).setValue(new blob(value))),
                RPC_TIMEOUT);
        return client.call(to, request, update_response::new).get(10, TimeUnit.SECONDS);
    }

    /**
     * A put to the partition's current primary, retried as a client retries it while the answer is {@code
     * ERR_INVALID_STATE}: a primary waiting for the meta server to persist a membership change (removing a killed
     * secondary, upgrading a learner) refuses writes until the answer comes, and tests kill and restart members under
     * writes.
     */
    public update_response put(Gpid gpid, String hashKey, String value) throws Exception {
        long deadline = System.nanoTime() + RPC_TIMEOUT.toNanos();
        while (true) {
            try {
                return put(meta.config(gpid).primary(), gpid, hashKey, value.getBytes(StandardCharsets.UTF_8));
            } catch (ExecutionException e) {
                boolean reconfiguring = e.getCause() instanceof RpcException rpc
                        && rpc.errorName().equals(ErrorCode.ERR_INVALID_STATE.wireName());
                if (!reconfiguring || System.nanoTime() - deadline > 0) {
                    throw e;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        }
    }

    /** {@code RPC_RRDB_RRDB_GET} to {@code to}. */
    public read_response get(HostPort to, Gpid gpid, String hashKey) throws Exception {
        RpcRequest request = new RpcRequest(
                ClientRpcs.RPC_RRDB_RRDB_GET.name(), gpid, 0, false, ArgsField.blob(key(hashKey)), RPC_TIMEOUT);
        return client.call(to, request, read_response::new).get(10, TimeUnit.SECONDS);
    }

    /** What node {@code i}'s store holds for {@code hashKey}, or null. */
    public String stored(int i, Gpid gpid, String hashKey) {
        PartitionRunner runner = runner(i, gpid);
        if (runner == null) {
            return null;
        }
        try {
            read_response r = runner.store().get(new blob(key(hashKey)));
            return r.getError() == 0 ? new String(r.getValue().data(), StandardCharsets.UTF_8) : null;
        } catch (IllegalStateException closed) {
            return null;
        }
    }

    @Override
    public void close() {
        for (ReplicaServer server : servers) {
            if (server != null) {
                server.close();
            }
        }
        client.close();
        meta.close();
    }
}
