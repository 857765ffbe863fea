package io.enif.replica.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.common.concurrent.MillisClock;
import io.enif.common.concurrent.OrderedExecutor;
import io.enif.common.config.Config;
import io.enif.common.config.ConfigRegistry;
import io.enif.common.error.ErrorCode;
import io.enif.proto.base.blob;
import io.enif.proto.layer2.app_info;
import io.enif.proto.rpc.ClientRpcs;
import io.enif.proto.rrdb.update_request;
import io.enif.replica.codec.WriteCodec;
import io.enif.replica.partition.LearnTransfers;
import io.enif.replica.partition.PartitionEnv;
import io.enif.replica.partition.PartitionRunner;
import io.enif.replica.testing.Await;
import io.enif.replica.testing.FakeMetaLink;
import io.enif.replica.testing.FakePrivateLog;
import io.enif.replica.testing.RecordingPeerLink;
import io.enif.replication.ConfigType;
import io.enif.replication.PartitionConfiguration;
import io.enif.replication.PartitionStatus;
import io.enif.replication.ReplicaOptions;
import io.enif.rpc.command.CommandRegistry;
import io.enif.storage.PartitionStore;
import io.enif.storage.checkpoint.Checkpoints;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code replica.trigger-checkpoint} and {@code replica.query-compact} on a replica manager with a primary. */
@Timeout(60)
class ReplicaCommandsTest {
    private static final HostPort SELF = new HostPort("127.0.0.1", 40100);
    private static final Gpid PRIMARY = new Gpid(1, 0);
    private static final Gpid INACTIVE = new Gpid(1, 1);

    @TempDir
    Path tmp;

    private final OrderedExecutor lanes = OrderedExecutor.create("commands-test", 2);
    private final FakeMetaLink meta = new FakeMetaLink(PartitionConfiguration.initial(PRIMARY, 1));
    private final CommandRegistry commands = new CommandRegistry();
    private ReplicaManager manager;
    private PartitionRunner primary;

    @BeforeEach
    void start() throws Exception {
        manager = new ReplicaManager(
                List.of(new DataDir("a", tmp.resolve("a"))), lanes, 1 << 20, 86_400_000L, 86_400_000L);
        manager.bind(
                new PartitionEnv(
                        SELF,
                        ReplicaOptions.defaults().withMinReplicaCount(1),
                        MillisClock.SYSTEM,
                        new RecordingPeerLink(),
                        meta,
                        (gpid, dir) -> PartitionStore.builder(dir).gpid(gpid).open(),
                        FakePrivateLog::open,
                        LearnTransfers.NONE,
                        manager,
                        5,
                        50,
                        0,
                        2),
                () -> MillisClock.SYSTEM.nowMs() + 60_000);
        manager.openAll();
        primary = manager.getOrCreate(PRIMARY, app());
        manager.getOrCreate(INACTIVE, app());
        primary.proposal(ConfigType.CT_ASSIGN_PRIMARY, SELF, meta.stored(PRIMARY), app());
        Await.until("primary", () -> primary.snapshot().status() == PartitionStatus.PRIMARY);
        new ReplicaCommands(manager)
                .register(commands, Config.defaults(ConfigRegistry.discover()), List.of(), List.of());
    }

    @AfterEach
    void close() {
        manager.close();
        lanes.close();
    }

    private static app_info app() {
        return new app_info()
                .setApp_id(1)
                .setApp_name("t")
                .setApp_type("pegasus")
                .setPartition_count(8)
                .setMax_replica_count(1);
    }

    private void put(String key) throws Exception {
        CompletableFuture<ErrorCode> write = new CompletableFuture<>();
        primary.submitWrite(
                ClientRpcs.RPC_RRDB_RRDB_PUT.name(),
                WriteCodec.argsBytes(new update_request().setKey(blob.of(key)).setValue(blob.of("v"))),
                (e, r) -> write.complete(e));
        assertThat(write.get(10, TimeUnit.SECONDS)).isEqualTo(ErrorCode.ERR_OK);
    }

    private String run(String command, String... args) {
        return commands.execute(command, List.of(args));
    }

    @Test
    void triggerCheckpointFlushesAndCheckpointsThePrimaryNow() throws Exception {
        Path dataDir = primary.dir().dataDir();
        assertThat(Checkpoints.list(dataDir)).isEmpty();
        put("k1");
        assertThat(run("replica.trigger-checkpoint", "1.0"))
                .isEqualTo("1 processed, 0 not found\n    1.0@" + SELF + "@P : triggered");
        Await.until("a checkpoint", () -> !list(dataDir).isEmpty());
        assertThat(primary.store().lastFlushedDecree()).isGreaterThanOrEqualTo(1);

        // every replica of table 1: the inactive one is not processed; a named one not hosted is "not found"
        put("k2");
        assertThat(run("replica.trigger-checkpoint", "1", "7.3"))
                .isEqualTo("1 processed, 1 not found\n    1.0@" + SELF + "@P : triggered\n    7.3@" + SELF
                        + " : not found");
        Await.until("a second checkpoint", () -> list(dataDir).size() == 2);
    }

    @Test
    void badIdsAreRefusedAndTriggerNothing() throws Exception {
        put("k1");
        assertThat(run("replica.trigger-checkpoint", "1.x")).isEqualTo("invalid arguments");
        assertThat(run("replica.trigger-checkpoint", "abc,1.0")).isEqualTo("invalid arguments");
        assertThat(run("replica.query-compact", "1.-2")).isEqualTo("invalid arguments");
        // a later command runs on the same lane after anything a refused one could have queued
        assertThat(run("replica.query-compact", "1.0")).startsWith("1 processed");
        assertThat(list(primary.dir().dataDir())).isEmpty();
    }

    @Test
    void queryCompactReportsTheLastManualCompaction() throws Exception {
        assertThat(run("replica.query-compact"))
                .isEqualTo("1 processed, 0 not found\n    1.0@" + SELF + "@P : {\"recent_enqueue_at\":\"-\","
                        + "\"recent_start_at\":\"-\",\"last_finish\":\"-\",\"last_used_ms\":\"-\"}");
        put("k1");
        primary.store().manualCompact(-1, false);
        assertThat(run("replica.query-compact", "1"))
                .matches("(?s)1 processed, 0 not found\n    1\\.0@.*@P : .*\"last_finish\":\""
                        + "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\".*");
    }

    private static List<Long> list(Path dataDir) {
        try {
            return Checkpoints.list(dataDir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
