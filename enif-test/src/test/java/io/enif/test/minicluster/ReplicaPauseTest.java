package io.enif.test.minicluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.proto.rrdb.read_response;
import io.enif.proto.rrdb.update_response;
import io.enif.replica.partition.PartitionRunner;
import io.enif.replication.PartitionStatus;
import io.enif.replication.learn.LearnType;
import io.enif.rpc.RpcException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A replica server paused ({@code SIGSTOP}) past the failure-detector grace under a steady writer, then resumed
 * ({@code SIGCONT}): every partition gets a primary again and writes resume with no acknowledged write lost; after the
 * resume the server's stale replicas answer nothing with their old ballot (the reads and writes it held while paused
 * are refused, and it never serves a partition it is not the primary of), and every partition returns to 3/3 by
 * cache or log learning (the learn-type counters of its replicas), ending with the same data as its primary.
 */
@Timeout(150)
class ReplicaPauseTest {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaPauseTest.class);
    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final Duration HELD = Duration.ofSeconds(60);
    private static final int KEYS = 200;

    @TempDir
    Path dir;

    @Test
    void aPausedServerIsReplacedAndAfterItsResumeServesNothingStaleAndLearnsBackWithoutACopy() throws Exception {
        try (MiniCluster cluster =
                MiniCluster.builder(dir).metaServers(1).replicaServers(3).start()) {
            TableRoutes routes = cluster.createTable("pause", 8, 3, WAIT);
            SteadyWriter writer = new SteadyWriter(cluster, "pause", KEYS).start();
            try {
                assertThat(MiniMetaCluster.await(WAIT, () -> writer.acked() >= 300 && writer.everyPartitionAcked()))
                        .as("the writer gets going on every partition")
                        .isTrue();
                ReplicaNodeHandle victim = cluster.replicas().stream()
                        .max(Comparator.comparingInt(r -> ReplicaFailoverScenario.primariesOn(routes, r.address())
                                .size()))
                        .orElseThrow();
                HostPort victimAddress = victim.address();
                List<Gpid> itsPrimaries = ReplicaFailoverScenario.primariesOn(routes, victimAddress);
                Map<Gpid, long[]> learnedBefore = learnCounts(victim, routes);

                writer.mark();
                long pausedAt = System.nanoTime();
                victim.pause();
                LOG.info("paused {}, primary of {}", victim, itsPrimaries);
                // requests to the paused server are held, as a stopped process's socket buffers hold them
                List<CompletableFuture<update_response>> heldWrites = new ArrayList<>();
                List<CompletableFuture<read_response>> heldReads = new ArrayList<>();
                for (Gpid gpid : itsPrimaries) {
                    byte[] key = ReplicaFailoverScenario.fenceKey(gpid);
                    heldWrites.add(cluster.data().putAsync(victimAddress, gpid, key, "stale", HELD));
                    heldReads.add(cluster.data().getAsync(victimAddress, gpid, key, HELD));
                }

                cluster.awaitRoutes(
                        "pause",
                        "served without " + victimAddress + " (a primary and a secondary each)",
                        WAIT,
                        r -> r.isServedWithout(victimAddress)
                                && ReplicaFailoverScenario.everyPartitionHasASecondary(r));
                Duration newPrimaries = Duration.ofNanos(System.nanoTime() - pausedAt);
                assertThat(MiniMetaCluster.await(WAIT, writer::resumedEverywhere))
                        .as("writes resume on every partition; gaps %s", writer.gaps())
                        .isTrue();
                List<Duration> gaps = writer.gaps();
                assertThat(gaps.stream().max(Comparator.naturalOrder()).orElseThrow())
                        .isLessThanOrEqualTo(Duration.ofSeconds(45));

                // nothing ran on the paused server: no answer, and its replicas never even noticed the lost lease
                assertThat(heldWrites).allMatch(f -> !f.isDone());
                assertThat(heldReads).allMatch(f -> !f.isDone());
                for (Gpid gpid : itsPrimaries) {
                    assertThat(victim.replica(gpid).snapshot().status()).isEqualTo(PartitionStatus.PRIMARY);
                }

                victim.resume();
                List<String> heldOutcomes = new ArrayList<>();
                for (int i = 0; i < itsPrimaries.size(); i++) {
                    String write = outcome(heldWrites.get(i));
                    String read = outcome(heldReads.get(i));
                    heldOutcomes.add(itsPrimaries.get(i) + " write " + write + ", read " + read);
                    assertThat(write)
                            .as("the write held for %s", itsPrimaries.get(i))
                            .isNotEqualTo("ERR_OK");
                    assertThat(read)
                            .as("the read held for %s", itsPrimaries.get(i))
                            .isNotEqualTo("ERR_OK");
                }
                LOG.info("the resumed server answered what it held: {}", heldOutcomes);

                // until every partition is 3/3 again, the resumed server is asked for every partition: it may
                // answer only as the primary the meta server names now, at the ballot it names
                List<String> staleAnswers = new ArrayList<>();
                int[] probes = {0};
                boolean healthy = MiniMetaCluster.await(WAIT.plus(WAIT), () -> {
                    probeEveryPartition(cluster, victim, staleAnswers);
                    probes[0]++;
                    TableRoutes now = cluster.routes("pause");
                    return now.isHealthy(3) && cluster.primariesServe(now);
                });
                assertThat(staleAnswers)
                        .as("answers of the resumed server's stale replicas")
                        .isEmpty();
                assertThat(healthy).as("every partition back to 3/3").isTrue();
                TableRoutes healed = cluster.routes("pause");

                List<String> learned = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    Gpid gpid = healed.gpid(i);
                    assertThat(healed.members(gpid)).contains(victimAddress);
                    PartitionRunner runner = victim.replica(gpid);
                    long[] before = learnedBefore.getOrDefault(gpid, new long[3]);
                    long cache = runner.learnCount(LearnType.LT_CACHE) - before[0];
                    long log = runner.learnCount(LearnType.LT_LOG) - before[1];
                    long app = runner.learnCount(LearnType.LT_APP) - before[2];
                    learned.add(gpid + " cache=" + cache + " log=" + log + " app=" + app);
                    assertThat(cache + log)
                            .as("%s on the resumed server learned from cache or log", gpid)
                            .isPositive();
                    assertThat(app)
                            .as("%s on the resumed server copied no checkpoint", gpid)
                            .isZero();
                }
                LOG.info(
                        "pause: new primaries after {} ms; write gaps {} ms; {} probes of the resumed server;"
                                + " it learned {}",
                        newPrimaries.toMillis(),
                        gaps.stream().map(Duration::toMillis).toList(),
                        probes[0],
                        learned);
                long ackedNow = writer.acked();
                assertThat(MiniMetaCluster.await(WAIT, () -> writer.acked() >= ackedNow + 200))
                        .isTrue();
            } finally {
                writer.stop();
            }

            assertThat(writer.check(WAIT)).as("acknowledged writes lost").isEmpty();
            TableRoutes last = cluster.routes("pause");
            for (int i = 0; i < 8; i++) {
                Gpid gpid = last.gpid(i);
                assertThat(cluster.data()
                                .put(last.primary(gpid), gpid, ReplicaFailoverScenario.fenceKey(gpid), "fence")
                                .getError())
                        .isZero();
            }
            ReplicaFailoverScenario.assertSameAsPrimaries(cluster, last, WAIT);
        }
    }

    /** Per partition of {@code routes} the victim hosts, its learn counts (cache, log, checkpoint) now. */
    private static Map<Gpid, long[]> learnCounts(ReplicaNodeHandle node, TableRoutes routes) {
        Map<Gpid, long[]> counts = new HashMap<>();
        for (int i = 0; i < routes.partitionCount(); i++) {
            PartitionRunner runner = node.replica(routes.gpid(i));
            if (runner != null) {
                counts.put(runner.gpid(), new long[] {
                    runner.learnCount(LearnType.LT_CACHE),
                    runner.learnCount(LearnType.LT_LOG),
                    runner.learnCount(LearnType.LT_APP)
                });
            }
        }
        return counts;
    }

    /**
     * A read and a write of a probe key per partition, sent to {@code node}; an OK answer is recorded as stale unless
     * the meta server names {@code node} the partition's primary at the ballot its replica has, before and after.
     */
    private static void probeEveryPartition(MiniCluster cluster, ReplicaNodeHandle node, List<String> stale) {
        TableRoutes before = cluster.routes("pause");
        for (int i = 0; i < before.partitionCount(); i++) {
            Gpid gpid = before.gpid(i);
            byte[] key = DataClient.key("probe" + i, "s");
            String read = call(() -> cluster.data().get(node.address(), gpid, key));
            String write = call(() -> cluster.data().put(node.address(), gpid, key, "probe"));
            if (read.equals("ERR_OK") || write.equals("ERR_OK")) {
                TableRoutes after = cluster.routes("pause");
                PartitionRunner runner = node.replica(gpid);
                long ballot = runner == null ? -1 : runner.snapshot().ballot();
                boolean legitimate = node.address().equals(before.primary(gpid))
                        && node.address().equals(after.primary(gpid))
                        && before.config(gpid).getBallot() == ballot
                        && after.config(gpid).getBallot() == ballot;
                if (!legitimate) {
                    stale.add(gpid + ": read " + read + ", write " + write + " at ballot " + ballot + "; meta: "
                            + after.describe());
                }
            }
        }
    }

    private static String call(Runnable rpc) {
        try {
            rpc.run();
            return "ERR_OK";
        } catch (RpcException e) {
            return e.errorName();
        } catch (RuntimeException e) {
            return e.toString();
        }
    }

    /** {@code ERR_OK} or the RPC error the future failed with. */
    private static String outcome(CompletableFuture<?> reply) throws Exception {
        try {
            reply.get(HELD.toSeconds() + 5, TimeUnit.SECONDS);
            return "ERR_OK";
        } catch (ExecutionException e) {
            return e.getCause() instanceof RpcException rpc
                    ? rpc.errorName()
                    : e.getCause().toString();
        }
    }
}
