package io.enif.test.minicluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.proto.base.blob;
import io.enif.proto.key.KeyCodec;
import io.enif.proto.rrdb.read_response;
import io.enif.replica.partition.PartitionRunner;
import io.enif.replication.learn.LearnType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 4's acceptance scenario on a running {@link MiniCluster} (3 replica servers): a table of 8 partitions × 3
 * under a {@link SteadyWriter}; the replica server with the most primaries is killed; every partition gets a primary
 * again and writes resume (the gap is measured and must stay within 45 s); the server restarts and every partition is
 * back to 3/3 by learning from cache or log, never from a checkpoint copy (asserted through each replica's
 * learn-type counters); no acknowledged write is lost, and every member ends up holding what its primary holds.
 */
final class ReplicaFailoverScenario {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaFailoverScenario.class);
    private static final int KEYS = 200;

    /**
     * What one run measured.
     *
     * @param newPrimaries from the kill until {@code query_cfg} showed every partition served without the victim
     * @param gaps per partition, from the last acknowledged write before the kill to the first one after it
     * @param learned per replica of the restarted server, its learn counts
     */
    record Result(Duration newPrimaries, List<Duration> gaps, List<String> learned) {
        Duration worstGap() {
            return gaps.stream().max(Comparator.naturalOrder()).orElseThrow();
        }
    }

    private ReplicaFailoverScenario() {}

    /** Runs the scenario; {@code wait} bounds each step (a failover, a restart). */
    static Result run(MiniCluster cluster, String table, Duration wait) throws Exception {
        TableRoutes routes = cluster.createTable(table, 8, 3, wait);
        SteadyWriter writer = new SteadyWriter(cluster, table, KEYS).start();
        Result result;
        try {
            assertThat(MiniMetaCluster.await(wait, () -> writer.acked() >= 300 && writer.everyPartitionAcked()))
                    .as("the writer gets going on every partition")
                    .isTrue();

            ReplicaNodeHandle victim = cluster.replicas().stream()
                    .max(Comparator.comparingInt(
                            r -> primariesOn(routes, r.address()).size()))
                    .orElseThrow();
            HostPort victimAddress = victim.address();
            LOG.info("killing {}, primary of {}", victim, primariesOn(routes, victimAddress));
            writer.mark();
            long killed = System.nanoTime();
            victim.kill();

            cluster.awaitRoutes(
                    table,
                    "served without " + victimAddress + " (a primary and a secondary each)",
                    wait,
                    r -> r.isServedWithout(victimAddress) && everyPartitionHasASecondary(r));
            Duration newPrimaries = Duration.ofNanos(System.nanoTime() - killed);
            assertThat(MiniMetaCluster.await(wait, writer::resumedEverywhere))
                    .as("writes resume on every partition; gaps %s", writer.gaps())
                    .isTrue();
            List<Duration> gaps = writer.gaps();

            long ackedBeforeRestart = writer.acked();
            victim.restart();
            TableRoutes healed = cluster.awaitHealthy(table, 3, wait.plus(wait));
            for (int i = 0; i < 8; i++) {
                assertThat(healed.members(healed.gpid(i))).contains(victimAddress);
            }
            assertThat(MiniMetaCluster.await(wait, () -> writer.acked() >= ackedBeforeRestart + 200))
                    .isTrue();

            List<String> learned = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                PartitionRunner runner = victim.replica(healed.gpid(i));
                long cache = runner.learnCount(LearnType.LT_CACHE);
                long log = runner.learnCount(LearnType.LT_LOG);
                long app = runner.learnCount(LearnType.LT_APP);
                learned.add(runner.gpid() + " cache=" + cache + " log=" + log + " app=" + app);
                assertThat(cache + log)
                        .as("%s on the restarted server learned from cache or log", runner.gpid())
                        .isPositive();
                assertThat(app)
                        .as("%s on the restarted server copied no checkpoint", runner.gpid())
                        .isZero();
            }
            result = new Result(newPrimaries, gaps, learned);
        } finally {
            writer.stop();
        }

        LOG.info(
                "failover: every partition had a new primary after {} ms; write gaps per partition {} ms, worst {} ms;"
                        + " the restarted server learned {}; {} writes acknowledged, errors {}",
                result.newPrimaries().toMillis(),
                result.gaps().stream().map(Duration::toMillis).toList(),
                result.worstGap().toMillis(),
                result.learned(),
                writer.acked(),
                writer.errors());
        assertThat(result.worstGap()).isLessThanOrEqualTo(Duration.ofSeconds(45));
        assertThat(writer.check(wait)).as("acknowledged writes lost").isEmpty();
        TableRoutes last = cluster.routes(table);
        // A secondary commits a decree when a later prepare (or group check) carries the commit point: one more
        // write per partition makes every write of the steady writer committed everywhere.
        for (int i = 0; i < 8; i++) {
            Gpid gpid = last.gpid(i);
            byte[] fence = fenceKey(gpid);
            assertThat(cluster.data()
                            .put(last.primary(gpid), gpid, fence, "fence")
                            .getError())
                    .isZero();
        }
        assertSameAsPrimaries(cluster, last, wait);
        return result;
    }

    /** A key of {@code gpid} (of a table with 8 partitions) that the steady writer does not write. */
    static byte[] fenceKey(Gpid gpid) {
        for (int n = 0; ; n++) {
            byte[] key = DataClient.key("fence" + n, "s");
            if (KeyCodec.partitionIndex(KeyCodec.partitionHash(key), 8) == gpid.partitionIndex()) {
                return key;
            }
        }
    }

    static List<Gpid> primariesOn(TableRoutes routes, HostPort node) {
        List<Gpid> out = new ArrayList<>();
        for (int i = 0; i < routes.partitionCount(); i++) {
            if (node.equals(routes.primary(routes.gpid(i)))) {
                out.add(routes.gpid(i));
            }
        }
        return out;
    }

    static boolean everyPartitionHasASecondary(TableRoutes routes) {
        for (int i = 0; i < routes.partitionCount(); i++) {
            if (routes.secondaries(routes.gpid(i)).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Every member's store ends up holding, for every key, what its primary's store holds. */
    static void assertSameAsPrimaries(MiniCluster cluster, TableRoutes routes, Duration wait) {
        for (int i = 0; i < KEYS; i++) {
            blob key = new blob(SteadyWriter.key("k" + i));
            Gpid gpid = routes.gpidOf(key.data());
            PartitionRunner primary = cluster.replica(routes.primary(gpid)).replica(gpid);
            String want = value(primary.store().get(key));
            assertThat(want).as("k%d on its primary", i).isNotNull();
            for (HostPort member : routes.members(gpid)) {
                ReplicaNodeHandle node = cluster.replica(member);
                boolean same = MiniMetaCluster.await(
                        wait,
                        () -> Objects.equals(
                                want, value(node.replica(gpid).store().get(key))));
                assertThat(same)
                        .as(
                                "k%d on %s: %s, primary has %s",
                                i, member, value(node.replica(gpid).store().get(key)), want)
                        .isTrue();
            }
        }
    }

    private static String value(read_response r) {
        return r.getError() == 0 ? new String(r.getValue().data(), StandardCharsets.UTF_8) : null;
    }
}
