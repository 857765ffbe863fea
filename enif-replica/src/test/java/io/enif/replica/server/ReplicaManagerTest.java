package io.enif.replica.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.common.concurrent.MillisClock;
import io.enif.common.concurrent.OrderedExecutor;
import io.enif.common.error.ErrorCode;
import io.enif.proto.base.blob;
import io.enif.proto.layer2.app_info;
import io.enif.proto.rpc.ClientRpcs;
import io.enif.proto.rrdb.update_request;
import io.enif.replica.codec.WriteCodec;
import io.enif.replica.partition.LearnTransfers;
import io.enif.replica.partition.PartitionEnv;
import io.enif.replica.partition.PartitionRunner;
import io.enif.replica.partition.ReplicaDir;
import io.enif.replica.testing.Await;
import io.enif.replica.testing.FakeMetaLink;
import io.enif.replica.testing.FakePrivateLog;
import io.enif.replica.testing.RecordingPeerLink;
import io.enif.replication.ConfigType;
import io.enif.replication.PartitionConfiguration;
import io.enif.replication.PartitionStatus;
import io.enif.replication.ReplicaOptions;
import io.enif.storage.PartitionStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ReplicaManagerTest {
    private static final HostPort SELF = new HostPort("127.0.0.1", 40100);
    private static final long DAY_MS = 86_400_000L;

    @TempDir
    Path tmp;

    private final OrderedExecutor lanes = OrderedExecutor.create("manager-test", 2);
    private final Map<Path, FakePrivateLog> logs = new ConcurrentHashMap<>();
    private final FakeMetaLink meta = new FakeMetaLink(PartitionConfiguration.initial(new Gpid(1, 0), 1));
    private ReplicaManager manager;

    @AfterEach
    void close() {
        if (manager != null) {
            manager.close();
        }
        lanes.close();
    }

    private List<DataDir> dataDirs() {
        return List.of(new DataDir("a", tmp.resolve("a")), new DataDir("b", tmp.resolve("b")));
    }

    private ReplicaManager newManager() {
        ReplicaManager m = new ReplicaManager(dataDirs(), lanes, 1 << 20, 7 * DAY_MS, DAY_MS);
        m.bind(
                new PartitionEnv(
                        SELF,
                        ReplicaOptions.defaults().withMinReplicaCount(1),
                        MillisClock.SYSTEM,
                        new RecordingPeerLink(),
                        meta,
                        (gpid, dir) -> PartitionStore.builder(dir).gpid(gpid).open(),
                        dir -> logs.compute(dir, (d, old) -> FakePrivateLog.open(d)),
                        LearnTransfers.NONE,
                        m,
                        5,
                        50,
                        0,
                        2),
                () -> MillisClock.SYSTEM.nowMs() + 60_000);
        return m;
    }

    private static app_info app(int replicas) {
        return new app_info()
                .setApp_id(1)
                .setApp_name("t")
                .setApp_type("pegasus")
                .setPartition_count(8)
                .setMax_replica_count(replicas);
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void newReplicasSpreadOverTheDataDirsAndReopenAfterARestart() throws Exception {
        manager = newManager();
        manager.openAll();
        PartitionRunner first = manager.getOrCreate(new Gpid(1, 0), app(3));
        PartitionRunner second = manager.getOrCreate(new Gpid(1, 1), app(3));
        assertThat(manager.getOrCreate(new Gpid(1, 0), app(3))).isSameAs(first);
        assertThat(first.dir().diskTag()).isNotEqualTo(second.dir().diskTag());
        assertThat(Files.exists(first.dir().root().resolve(".app-info"))).isTrue();
        assertThat(Files.readString(first.dir().root().resolve(".init-info"))).contains("\"init_ballot\":0");
        assertThat(manager.getOrCreate(new Gpid(2, 0), app(3))).isNull(); // table info of another app
        manager.close();

        manager = newManager();
        manager.openAll();
        assertThat(manager.runners()).hasSize(2);
        assertThat(manager.get(new Gpid(1, 1)).app().getApp_name()).isEqualTo("t");
    }

    @Test
    void unusableAndOldDirectoriesAreMovedAsideOrCollected() throws Exception {
        Path reps = dataDirs().get(0).repsDir();
        Files.createDirectories(reps.resolve("1.3.pegasus")); // no .app-info: cannot be opened
        long oldUs = (System.currentTimeMillis() - 8 * DAY_MS) * 1000;
        long freshUs = System.currentTimeMillis() * 1000;
        Files.createDirectories(reps.resolve("1.4.pegasus." + oldUs + ".err"));
        Files.createDirectories(reps.resolve("1.5.pegasus." + freshUs + ".gar"));
        Files.createDirectories(reps.resolve("1.6.pegasus." + oldUs + ".gar"));
        Files.writeString(reps.resolve("notes.txt"), "left alone");

        manager = newManager();
        manager.openAll();
        assertThat(manager.runners()).isEmpty();
        List<String> left = names(reps);
        assertThat(left).anyMatch(n -> n.startsWith("1.3.pegasus.") && n.endsWith(".err"));
        assertThat(left)
                .doesNotContain("1.3.pegasus", "1.4.pegasus." + oldUs + ".err", "1.6.pegasus." + oldUs + ".gar");
        assertThat(left).contains("1.5.pegasus." + freshUs + ".gar", "notes.txt");
    }

    @Test
    void garbageIsClosedAndMovedAside() throws Exception {
        manager = newManager();
        manager.openAll();
        PartitionRunner runner = manager.getOrCreate(new Gpid(1, 2), app(3));
        Path root = runner.dir().root();
        manager.garbage(new Gpid(1, 2));
        assertThat(manager.get(new Gpid(1, 2))).isNull();
        assertThat(runner.closeFuture()).isDone();
        assertThat(Files.exists(root)).isFalse();
        assertThat(names(root.getParent())).anyMatch(n -> n.startsWith("1.2.pegasus.") && n.endsWith(".gar"));
    }

    @Test
    void aReplicaInErrorIsClosedAndMovedAsideAsErr() throws Exception {
        manager = newManager();
        manager.openAll();
        Gpid gpid = new Gpid(1, 0);
        PartitionRunner runner = manager.getOrCreate(gpid, app(1));
        runner.proposal(ConfigType.CT_ASSIGN_PRIMARY, SELF, meta.stored(gpid), app(1));
        Await.until("primary", () -> runner.snapshot().status() == PartitionStatus.PRIMARY);
        Path root = runner.dir().root();
        logs.get(runner.dir().plogDir()).failAppends(true);
        CompletableFuture<ErrorCode> write = new CompletableFuture<>();
        runner.submitWrite(
                ClientRpcs.RPC_RRDB_RRDB_PUT.name(),
                WriteCodec.argsBytes(new update_request().setKey(blob.of("k")).setValue(blob.of("v"))),
                (e, r) -> write.complete(e));
        Await.until("the replica is gone", () -> manager.get(gpid) == null);
        assertThat(write.get(10, TimeUnit.SECONDS)).isNotEqualTo(ErrorCode.ERR_OK);
        Await.until("moved aside", () -> !Files.exists(root));
        assertThat(names(root.getParent())).anyMatch(n -> n.startsWith("1.0.pegasus.") && n.endsWith(".err"));
        assertThat(ReplicaDir.parse("1.0.pegasus")).contains(gpid);
        assertThat(ReplicaDir.parse("1.0.pegasus.123.err")).isEmpty();
    }
}
