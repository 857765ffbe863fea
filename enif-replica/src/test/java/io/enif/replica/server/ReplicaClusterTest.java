package io.enif.replica.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.proto.base.blob;
import io.enif.proto.frame.ArgsField;
import io.enif.proto.key.KeyCodec;
import io.enif.proto.rpc.ClientRpcs;
import io.enif.proto.rrdb.read_response;
import io.enif.proto.rrdb.update_request;
import io.enif.proto.rrdb.update_response;
import io.enif.replica.partition.PartitionRunner;
import io.enif.replica.testing.Await;
import io.enif.replica.testing.FakeMetaServer;
import io.enif.replica.testing.FakePrivateLog;
import io.enif.replication.ConfigType;
import io.enif.replication.PartitionConfiguration;
import io.enif.replication.PartitionStatus;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three replica servers on loopback and a fake meta server that assigns one partition (primary + 2 secondaries):
 * writes over RPC commit on all three, reads return them, the RPC-level errors of spec/protocol.md §11 come back,
 * a killed secondary is downgraded through the meta server while writes go on, and the restarted node replays its
 * log and learns its way back into the group.
 */
@Timeout(120)
class ReplicaClusterTest {
    private static final int APP_ID = 1;
    private static final Gpid GPID = new Gpid(APP_ID, 0);
    private static final Duration RPC_TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path tmp;

    private FakeMetaServer meta;
    private final List<ReplicaServer> servers = new ArrayList<>();
    private final List<ReplicaServerConfig> configs = new ArrayList<>();
    private RpcClient client;

    @BeforeEach
    void start() throws Exception {
        meta = new FakeMetaServer(APP_ID, 1, 3, 2000).start();
        client = new RpcClient(RpcClientConfig.defaults());
        for (int i = 0; i < 3; i++) {
            ReplicaServerConfig config = ReplicaServerConfig.defaults(
                            "127.0.0.1",
                            0,
                            List.of(meta.address()),
                            List.of(new DataDir("ssd" + i, tmp.resolve("node" + i))))
                    // min 2 members, 64 KiB writes, prepare timeouts 1 s / 2 s, group check every 500 ms
                    .withOptions(new ReplicaOptions(110, 20, 2, 64 << 10, 1000, 2000, 5, 500, false, false, 500, 500))
                    .withTimers(new ReplicaServerConfig.FdConfig(200, 100, 1500, false), 1000)
                    .withStorage(StoreOptions.builder().flushOnClose(false).build(), 0);
            configs.add(config);
            servers.add(new ReplicaServer(config, FakePrivateLog::open).start());
        }
    }

    @AfterEach
    void stop() {
        servers.forEach(s -> {
            if (s != null) {
                s.close();
            }
        });
        client.close();
        meta.close();
    }

    private HostPort node(int i) {
        return servers.get(i).address();
    }

    private static byte[] key(String hashKey) {
        return KeyCodec.encode(hashKey.getBytes(StandardCharsets.UTF_8), "s".getBytes(StandardCharsets.UTF_8));
    }

    private update_response put(HostPort to, Gpid gpid, String hashKey, byte[] value) throws Exception {
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

    private update_response put(HostPort to, String hashKey, String value) throws Exception {
        return put(to, GPID, hashKey, value.getBytes(StandardCharsets.UTF_8));
    }

    private read_response get(HostPort to, String hashKey) throws Exception {
        RpcRequest request = new RpcRequest(
                ClientRpcs.RPC_RRDB_RRDB_GET.name(), GPID, 0, false, ArgsField.blob(key(hashKey)), RPC_TIMEOUT);
        return client.call(to, request, read_response::new).get(10, TimeUnit.SECONDS);
    }

    private static String rpcError(Callable call) {
        try {
            call.run();
            return "ERR_OK";
        } catch (ExecutionException e) {
            return e.getCause() instanceof RpcException rpc
                    ? rpc.errorName()
                    : e.getCause().toString();
        } catch (Exception e) {
            return e.toString();
        }
    }

    @FunctionalInterface
    private interface Callable {
        void run() throws Exception;
    }

    private PartitionConfiguration awaitFullGroup() {
        Await.until("a primary and two secondaries", Duration.ofSeconds(30), () -> {
            PartitionConfiguration pc = meta.config(GPID);
            return pc.primary() != null && pc.secondaries().size() == 2;
        });
        PartitionConfiguration pc = meta.config(GPID);
        int primary = indexOf(pc.primary());
        Await.until(
                "the primary serves reads",
                () -> servers.get(primary).replicas().get(GPID).canServeReads());
        return pc;
    }

    private int indexOf(HostPort node) {
        for (int i = 0; i < servers.size(); i++) {
            if (servers.get(i) != null && servers.get(i).address().equals(node)) {
                return i;
            }
        }
        throw new AssertionError("no server at " + node);
    }

    private String storedValue(int server, String hashKey) {
        PartitionRunner runner = servers.get(server).replicas().get(GPID);
        read_response r = runner.store().get(new blob(key(hashKey)));
        return r.getError() == 0 ? new String(r.getValue().data(), StandardCharsets.UTF_8) : null;
    }

    @Test
    void writesCommitOnEveryReplicaAndReadsReturnThem() throws Exception {
        PartitionConfiguration pc = awaitFullGroup();
        HostPort primary = pc.primary();
        for (int i = 0; i < 30; i++) {
            update_response r = put(primary, "k" + i, "v" + i);
            assertThat(r.getError()).isZero();
            assertThat(r.getDecree()).isPositive();
        }
        for (int i = 0; i < 30; i++) {
            assertThat(new String(get(primary, "k" + i).getValue().data(), StandardCharsets.UTF_8))
                    .isEqualTo("v" + i);
        }
        for (int s = 0; s < 3; s++) {
            int server = s;
            Await.until("replica " + s + " applied every write", () -> "v29".equals(storedValue(server, "k29")));
            assertThat(storedValue(server, "k0")).isEqualTo("v0");
        }
        HostPort secondary = pc.secondaries().get(0);
        assertThat(servers.get(indexOf(secondary))
                        .replicas()
                        .get(GPID)
                        .snapshot()
                        .status())
                .isEqualTo(PartitionStatus.SECONDARY);
    }

    @Test
    void rpcErrorsAreThoseTheClientExpects() throws Exception {
        PartitionConfiguration pc = awaitFullGroup();
        HostPort secondary = pc.secondaries().get(0);
        assertThat(rpcError(() -> put(secondary, "k", "v"))).isEqualTo("ERR_INVALID_STATE");
        assertThat(rpcError(() -> get(secondary, "k"))).isEqualTo("ERR_INVALID_STATE");
        assertThat(rpcError(() -> put(pc.primary(), new Gpid(APP_ID, 7), "k", new byte[1])))
                .isEqualTo("ERR_OBJECT_NOT_FOUND");
        assertThat(rpcError(() -> put(pc.primary(), GPID, "big", new byte[70 << 10])))
                .isEqualTo("ERR_INVALID_DATA");
        assertThat(get(pc.primary(), "big").getError()).isEqualTo(1); // not found: nothing was written
        assertThat(rpcError(() -> put(pc.primary(), "k", "v"))).isEqualTo("ERR_OK");
    }

    @Test
    void aKilledSecondaryIsDowngradedAndComesBackByReplayAndLearning() throws Exception {
        PartitionConfiguration pc = awaitFullGroup();
        HostPort primary = pc.primary();
        for (int i = 0; i < 10; i++) {
            assertThat(put(primary, "a" + i, "x" + i).getError()).isZero();
        }
        int victim = indexOf(pc.secondaries().get(0));
        HostPort victimAddress = node(victim);
        Await.until("the victim applied the writes", () -> "x9".equals(storedValue(victim, "a9")));
        long victimApplied = servers.get(victim).replicas().get(GPID).snapshot().lastAppliedDecree();

        servers.get(victim).close(); // no flush: its store loses the memtable, its log keeps everything
        servers.set(victim, null);
        for (int i = 0; i < 10; i++) {
            assertThat(put(primary, "b" + i, "y" + i).getError()).isZero(); // writes go on with two members
        }
        Await.until(
                "the meta server removed the victim", () -> !meta.config(GPID).isMember(victimAddress));
        assertThat(meta.history())
                .anyMatch(c -> c.type() == ConfigType.CT_DOWNGRADE_TO_INACTIVE
                        && c.node().equals(victimAddress));

        ReplicaServer restarted =
                new ReplicaServer(configs.get(victim).withPort(victimAddress.port()), FakePrivateLog::open).start();
        servers.set(victim, restarted);
        PartitionRunner replayed = restarted.replicas().get(GPID);
        assertThat(replayed).isNotNull();
        Await.until("the log replayed", () -> replayed.snapshot().lastAppliedDecree() >= victimApplied - 1);

        Await.until(
                "the victim is a secondary again",
                Duration.ofSeconds(30),
                () -> meta.config(GPID).isMember(victimAddress)
                        && meta.config(GPID).secondaries().size() == 2);
        for (int i = 10; i < 15; i++) {
            assertThat(put(meta.config(GPID).primary(), "b" + i, "y" + i).getError())
                    .isZero();
        }
        Await.until("the victim has the writes it missed", () -> "y14".equals(storedValue(victim, "b14")));
        assertThat(storedValue(victim, "b0")).isEqualTo("y0");
        assertThat(storedValue(victim, "a0")).isEqualTo("x0");
    }
}
