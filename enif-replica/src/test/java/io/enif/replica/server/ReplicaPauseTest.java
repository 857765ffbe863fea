package io.enif.replica.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.proto.base.blob;
import io.enif.proto.frame.ArgsField;
import io.enif.proto.rpc.ClientRpcs;
import io.enif.proto.rrdb.read_response;
import io.enif.proto.rrdb.update_request;
import io.enif.proto.rrdb.update_response;
import io.enif.replica.partition.PartitionRunner;
import io.enif.replica.testing.Await;
import io.enif.replica.testing.MiniReplicaCluster;
import io.enif.replication.PartitionConfiguration;
import io.enif.replication.PartitionStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ReplicaServer#pause()}: a primary's server stopped past the meta server's grace does nothing meanwhile (its
 * replica still thinks it is the primary: no lease check ran), and after the resume the requests it held are refused
 * (its lease ran out and another primary took over), then it rejoins as a secondary with the newer data.
 */
@Timeout(90)
class ReplicaPauseTest {
    private static final Gpid GPID = new Gpid(1, 0);
    private static final Duration HELD_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    @Test
    void aPausedPrimaryHoldsItsRequestsAndAfterTheResumeRefusesThemAndRejoinsAsASecondary() throws Exception {
        try (MiniReplicaCluster cluster = MiniReplicaCluster.start(tmp, 3, 1, 1, 3, c -> c)) {
            PartitionConfiguration before = cluster.awaitGroup(GPID, 2);
            assertThat(cluster.put(GPID, "k", "v1").getError()).isZero();
            int p = cluster.indexOf(before.primary());
            ReplicaServer paused = cluster.server(p);
            PartitionRunner stale = cluster.runner(p, GPID);

            paused.pause();
            assertThat(paused.isPaused()).isTrue();
            CompletableFuture<update_response> heldPut = put(cluster, before.primary(), "k", "stale");
            CompletableFuture<read_response> heldGet = get(cluster, before.primary(), "k");

            // the meta server's grace (2 s) passes: it gives the primary's role to a secondary
            Await.until("another primary serves", Duration.ofSeconds(30), () -> {
                PartitionConfiguration now = cluster.meta().config(GPID);
                return now.primary() != null
                        && !now.primary().equals(before.primary())
                        && cluster.runner(cluster.indexOf(now.primary()), GPID).canServeReads();
            });
            assertThat(cluster.put(GPID, "k", "v2").getError()).isZero();
            assertThat(heldPut).as("no reply while paused").isNotDone();
            assertThat(heldGet).as("no reply while paused").isNotDone();
            // nothing ran on the paused server: its lease check (1.5 s) would have made the replica inactive
            assertThat(stale.snapshot().status()).isEqualTo(PartitionStatus.PRIMARY);
            assertThat(stale.snapshot().ballot()).isEqualTo(before.ballot());

            paused.resume();
            assertThat(outcome(heldPut)).as("the held write").isNotEqualTo("ERR_OK");
            assertThat(outcome(heldGet)).as("the held read").isNotEqualTo("ERR_OK");
            assertThat(stale.canServeReads()).isFalse();

            Await.until(
                    "the resumed server is a secondary again",
                    Duration.ofSeconds(40),
                    () -> cluster.meta().config(GPID).secondaries().contains(before.primary())
                            && cluster.runner(p, GPID) != null
                            && cluster.runner(p, GPID).snapshot().status() == PartitionStatus.SECONDARY);
            assertThat(cluster.put(GPID, "k", "v3").getError()).isZero();
            Await.until("the resumed server holds the newest value", () -> "v3".equals(cluster.stored(p, GPID, "k")));
        }
    }

    @Test
    void aPausedServerCanBeKilledWithoutAnsweringAndRestarted() throws Exception {
        try (MiniReplicaCluster cluster = MiniReplicaCluster.start(tmp, 3, 1, 1, 3, c -> c)) {
            PartitionConfiguration before = cluster.awaitGroup(GPID, 2);
            assertThat(cluster.put(GPID, "k", "v1").getError()).isZero();
            HostPort secondary = before.secondaries().get(0);
            int s = cluster.indexOf(secondary);
            ReplicaServer paused = cluster.server(s);
            paused.pause();
            CompletableFuture<read_response> held = get(cluster, secondary, "k");
            Await.until("the read is held", () -> !held.isDone() && paused.isPaused());

            paused.halt(); // kill -9 of a stopped process: it never answers
            assertThat(paused.isPaused()).isFalse();
            assertThat(outcome(held)).isEqualTo("ERR_SESSION_RESET");

            cluster.restart(s);
            Await.until(
                    "the restarted server is a secondary again",
                    Duration.ofSeconds(40),
                    () -> cluster.meta().config(GPID).secondaries().contains(secondary)
                            && cluster.runner(s, GPID) != null
                            && cluster.runner(s, GPID).snapshot().status() == PartitionStatus.SECONDARY);
            assertThat(cluster.put(GPID, "k", "v2").getError()).isZero();
            Await.until("the restarted server holds the newest value", () -> "v2".equals(cluster.stored(s, GPID, "k")));
        }
    }

    private static CompletableFuture<update_response> put(
            MiniReplicaCluster cluster, HostPort to, String hashKey, String value) {
        update_request request = new update_request()
                .setKey(new blob(MiniReplicaCluster.key(hashKey)))
                .setValue(new blob(value.getBytes(StandardCharsets.UTF_8)));
        return cluster.client()
                .call(
                        to,
                        new io.enif.rpc.RpcRequest(
                                ClientRpcs.RPC_RRDB_RRDB_PUT.name(),
                                GPID,
                                0,
                                false,
                                ArgsField.struct(request),
                                HELD_TIMEOUT),
                        update_response::new);
    }

    private static CompletableFuture<read_response> get(MiniReplicaCluster cluster, HostPort to, String hashKey) {
        return cluster.client()
                .call(
                        to,
                        new io.enif.rpc.RpcRequest(
                                ClientRpcs.RPC_RRDB_RRDB_GET.name(),
                                GPID,
                                0,
                                false,
                                ArgsField.blob(MiniReplicaCluster.key(hashKey)),
                                HELD_TIMEOUT),
                        read_response::new);
    }

    /** {@code ERR_OK} or the RPC error the future failed with. */
    private static String outcome(CompletableFuture<?> reply) throws Exception {
        try {
            reply.get(HELD_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
            return "ERR_OK";
        } catch (ExecutionException e) {
            return e.getCause() instanceof io.enif.rpc.RpcException rpc
                    ? rpc.errorName()
                    : e.getCause().toString();
        }
    }
}
