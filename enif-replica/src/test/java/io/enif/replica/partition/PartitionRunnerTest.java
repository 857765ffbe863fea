package io.enif.replica.partition;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.common.concurrent.MillisClock;
import io.enif.common.concurrent.OrderedExecutor;
import io.enif.common.error.ErrorCode;
import io.enif.proto.base.blob;
import io.enif.proto.key.KeyCodec;
import io.enif.proto.layer2.app_info;
import io.enif.proto.rpc.ClientRpcs;
import io.enif.proto.rrdb.incr_request;
import io.enif.proto.rrdb.incr_response;
import io.enif.proto.rrdb.update_request;
import io.enif.proto.rrdb.update_response;
import io.enif.replica.codec.WriteCodec;
import io.enif.replica.testing.Await;
import io.enif.replica.testing.FakeMetaLink;
import io.enif.replica.testing.FakePrivateLog;
import io.enif.replica.testing.RecordingPeerLink;
import io.enif.replication.ConfigType;
import io.enif.replication.PartitionConfiguration;
import io.enif.replication.PartitionStatus;
import io.enif.replication.ReplicaOptions;
import io.enif.replication.message.ReplicaMessage;
import io.enif.storage.PartitionStore;
import io.enif.storage.StoreOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.thrift.TBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class PartitionRunnerTest {
    private static final Gpid GPID = new Gpid(2, 0);
    private static final HostPort SELF = new HostPort("127.0.0.1", 40001);
    private static final HostPort PEER = new HostPort("127.0.0.1", 40002);

    @TempDir
    Path tmp;

    private final OrderedExecutor lanes = OrderedExecutor.create("runner-test", 1);
    private final RecordingPeerLink peers = new RecordingPeerLink();
    private final Map<Path, FakePrivateLog> logs = new ConcurrentHashMap<>();
    private final AtomicInteger errors = new AtomicInteger();
    private FakeMetaLink meta;
    private PartitionRunner runner;

    @AfterEach
    void close() throws Exception {
        if (runner != null) {
            runner.close().get(10, TimeUnit.SECONDS);
        }
        lanes.close();
    }

    private PartitionEnv env(int minReplicaCount) {
        return new PartitionEnv(
                SELF,
                ReplicaOptions.defaults().withMinReplicaCount(minReplicaCount),
                MillisClock.SYSTEM,
                peers,
                meta,
                (gpid, dir) -> PartitionStore.builder(dir)
                        .gpid(gpid)
                        .server(SELF.toString())
                        .options(StoreOptions.builder().flushOnClose(false).build())
                        .open(),
                dir -> logs.compute(dir, (d, old) -> FakePrivateLog.open(d)),
                LearnTransfers.NONE,
                runner -> errors.incrementAndGet(),
                5,
                50,
                0,
                2);
    }

    private static app_info app(int replicas) {
        return new app_info()
                .setApp_id(GPID.appId())
                .setApp_name("t")
                .setApp_type("pegasus")
                .setPartition_count(1)
                .setMax_replica_count(replicas);
    }

    private ReplicaDir dir() {
        return ReplicaDir.of(tmp.resolve("reps"), GPID, "default");
    }

    /** A fresh replica made primary through the meta server, with a lease. */
    private void startPrimary(int replicas, int minReplicaCount) throws Exception {
        meta = new FakeMetaLink(PartitionConfiguration.initial(GPID, replicas));
        runner = PartitionOpener.create(dir(), app(replicas), lanes.lane(GPID), env(minReplicaCount));
        runner.start();
        // The lease first, as on a real server (beacons precede proposals): a primary granted while its lease is not
        // valid waits for the meta server to confirm its role before it serves reads.
        runner.leaseGranted(MillisClock.SYSTEM.nowMs() + 60_000);
        runner.proposal(ConfigType.CT_ASSIGN_PRIMARY, SELF, meta.stored(GPID), app(replicas));
        Await.until("primary", () -> runner.snapshot().status() == PartitionStatus.PRIMARY);
    }

    private static byte[] key(String hashKey, String sortKey) {
        return KeyCodec.encode(hashKey.getBytes(StandardCharsets.UTF_8), sortKey.getBytes(StandardCharsets.UTF_8));
    }

    private record Outcome(ErrorCode error, TBase<?, ?> response) {}

    private CompletableFuture<Outcome> put(String hashKey, String value) {
        CompletableFuture<Outcome> done = new CompletableFuture<>();
        byte[] args = WriteCodec.argsBytes(
                new update_request().setKey(new blob(key(hashKey, "s"))).setValue(blob.of(value)));
        runner.submitWrite(ClientRpcs.RPC_RRDB_RRDB_PUT.name(), args, (e, r) -> done.complete(new Outcome(e, r)));
        return done;
    }

    private String read(String hashKey) {
        return new String(
                runner.store().get(new blob(key(hashKey, "s"))).getValue().data(), StandardCharsets.UTF_8);
    }

    @Test
    void aLonePrimaryCommitsAppliesAndAnswersWithTheStoresResponse() throws Exception {
        startPrimary(1, 1);
        Await.until("reads allowed", runner::canServeReads);
        Outcome outcome = put("k1", "v1").get(10, TimeUnit.SECONDS);
        assertThat(outcome.error()).isEqualTo(ErrorCode.ERR_OK);
        assertThat(((update_response) outcome.response()).getDecree()).isPositive();
        assertThat(read("k1")).isEqualTo("v1");
        assertThat(meta.stored(GPID).primary()).isEqualTo(SELF);

        CompletableFuture<Outcome> incr = new CompletableFuture<>();
        runner.submitWrite(
                ClientRpcs.RPC_RRDB_RRDB_INCR.name(),
                WriteCodec.argsBytes(
                        new incr_request().setKey(new blob(key("n", "s"))).setIncrement(5)),
                (e, r) -> incr.complete(new Outcome(e, r)));
        assertThat(((incr_response) incr.get(10, TimeUnit.SECONDS).response()).getNew_value())
                .isEqualTo(5);
        assertThat(logs.get(dir().plogDir()).size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void manyConcurrentWritesAreBatchedAndAllAnswered() throws Exception {
        startPrimary(1, 1);
        List<CompletableFuture<Outcome>> all = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            all.add(put("k" + i, "v" + i));
        }
        for (CompletableFuture<Outcome> f : all) {
            assertThat(f.get(10, TimeUnit.SECONDS).error()).isEqualTo(ErrorCode.ERR_OK);
        }
        assertThat(read("k299")).isEqualTo("v299");
        // batching: fewer mutations than writes
        assertThat(runner.snapshot().lastCommittedDecree()).isLessThan(300);
    }

    @Test
    void noLeaseNoReads() throws Exception {
        startPrimary(1, 1);
        Await.until("reads allowed", runner::canServeReads);
        runner.leaseExpired();
        Await.until("reads refused", () -> !runner.canServeReads());
        Await.until("inactive", () -> runner.snapshot().status() == PartitionStatus.INACTIVE);
        Outcome refused = put("k", "v").get(10, TimeUnit.SECONDS);
        assertThat(refused.error()).isEqualTo(ErrorCode.ERR_INVALID_STATE);
    }

    @Test
    void tooFewMembersRefusesWrites() throws Exception {
        startPrimary(3, 2);
        assertThat(put("k", "v").get(10, TimeUnit.SECONDS).error()).isEqualTo(ErrorCode.ERR_NOT_ENOUGH_MEMBER);
        assertThat(runner.store().lastCommittedDecree()).isZero();
    }

    /** A fresh replica that config sync lists as primary with PEER: it bumps the ballot and serves. */
    private void startPrimaryWithPeer(int replicas, int minReplicaCount) throws Exception {
        PartitionConfiguration stored = new PartitionConfiguration(GPID, 2, SELF, List.of(PEER), replicas, 0);
        meta = new FakeMetaLink(stored);
        runner = PartitionOpener.create(dir(), app(replicas), lanes.lane(GPID), env(minReplicaCount));
        runner.start();
        runner.leaseGranted(MillisClock.SYSTEM.nowMs() + 60_000);
        runner.configSync(stored, app(replicas));
        Await.until("primary", () -> runner.snapshot().status() == PartitionStatus.PRIMARY);
        assertThat(meta.requests().get(0).type()).isEqualTo(ConfigType.CT_PRIMARY_FORCE_UPDATE_BALLOT);
    }

    private List<RecordingPeerLink.Sent> userPrepares() {
        return peers.sent(ReplicaMessage.Prepare.class).stream()
                .filter(s -> !((ReplicaMessage.Prepare) s.message()).mutation().isEmptyWrite())
                .toList();
    }

    @Test
    void aWriteCommitsOnlyAfterTheSecondaryAcks() throws Exception {
        startPrimaryWithPeer(2, 2);
        CompletableFuture<Outcome> write = put("k", "v");
        Await.until("a prepare", () -> !userPrepares().isEmpty());
        assertThat(userPrepares().get(0).to()).isEqualTo(PEER);
        assertThat(write).isNotDone();
        for (RecordingPeerLink.Sent s : peers.sent(ReplicaMessage.Prepare.class)) {
            ReplicaMessage.Prepare p = (ReplicaMessage.Prepare) s.message();
            s.reply()
                    .complete(new ReplicaMessage.PrepareAck(
                            ErrorCode.ERR_OK,
                            p.mutation().ballot(),
                            p.mutation().decree(),
                            0,
                            0,
                            0));
        }
        assertThat(write.get(10, TimeUnit.SECONDS).error()).isEqualTo(ErrorCode.ERR_OK);
        assertThat(read("k")).isEqualTo("v");
    }

    @Test
    void aSecondaryFailingItsPrepareIsDowngradedThroughTheMetaServer() throws Exception {
        startPrimaryWithPeer(3, 1);
        CompletableFuture<Outcome> write = put("k", "v");
        Await.until("a prepare", () -> !userPrepares().isEmpty());
        peers.sent(ReplicaMessage.Prepare.class)
                .forEach(s -> s.reply().completeExceptionally(io.enif.rpc.RpcException.timeout("lost")));
        assertThat(write.get(10, TimeUnit.SECONDS).error()).isEqualTo(ErrorCode.ERR_OK);
        assertThat(meta.requests())
                .anyMatch(r -> r.type() == ConfigType.CT_DOWNGRADE_TO_INACTIVE
                        && r.node().equals(PEER));
        assertThat(meta.stored(GPID).secondaries()).isEmpty();
        assertThat(meta.stored(GPID).primary()).isEqualTo(SELF);
        assertThat(read("k")).isEqualTo("v");
    }

    @Test
    void aRestartReplaysTheLogAboveWhatTheStoreFlushed() throws Exception {
        startPrimary(1, 1);
        for (int i = 0; i < 20; i++) {
            assertThat(put("k" + i, "v" + i).get(10, TimeUnit.SECONDS).error()).isEqualTo(ErrorCode.ERR_OK);
        }
        long applied = runner.snapshot().lastAppliedDecree();
        runner.close().get(10, TimeUnit.SECONDS); // no flush on close here: a crash loses the memtable
        runner = PartitionOpener.open(dir(), lanes.lane(GPID), env(1));
        assertThat(runner.store().lastCommittedDecree()).isLessThan(applied); // the store lost the unflushed writes
        runner.start();
        // the log's committed mutations are applied again (the last one's commit point was never piggybacked)
        Await.until("replayed", () -> runner.snapshot().lastAppliedDecree() >= applied - 1);
        assertThat(runner.snapshot().status()).isEqualTo(PartitionStatus.INACTIVE);
        assertThat(read("k18")).isEqualTo("v18");
        assertThat(runner.app().getApp_name()).isEqualTo("t");
    }

    @Test
    void aLogFailurePutsTheReplicaInErrorAndTellsTheListener() throws Exception {
        startPrimary(1, 1);
        assertThat(put("a", "1").get(10, TimeUnit.SECONDS).error()).isEqualTo(ErrorCode.ERR_OK);
        logs.get(dir().plogDir()).failAppends(true);
        put("b", "2");
        Await.until("error reported", () -> errors.get() == 1);
        assertThat(runner.snapshot().status()).isEqualTo(PartitionStatus.ERROR);
        assertThat(runner.canServeReads()).isFalse();
    }
}
