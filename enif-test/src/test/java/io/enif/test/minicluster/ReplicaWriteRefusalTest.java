package io.enif.test.minicluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.proto.base.blob;
import io.enif.proto.key.KeyCodec;
import io.enif.replica.partition.PartitionRunner;
import io.enif.replica.partition.ReplicaSnapshot;
import io.enif.rpc.RpcException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the replica servers refuse, end to end (issue 4's acceptance): one larger than {@code max_allowed_write_size}
 * gets {@code ERR_INVALID_DATA}; with one live member of three a write gets {@code ERR_NOT_ENOUGH_MEMBER} (or finds
 * no primary); neither changes anything.
 */
@Timeout(120)
class ReplicaWriteRefusalTest {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaWriteRefusalTest.class);
    private static final Duration WAIT = Duration.ofSeconds(45);

    @TempDir
    Path dir;

    private MiniCluster cluster;
    private TableRoutes routes;

    @BeforeEach
    void start() throws Exception {
        cluster = MiniCluster.builder(dir)
                .metaServers(1)
                .replicaServers(3)
                .override("replication.max_allowed_write_size=65536")
                .start();
        routes = cluster.createTable("refuse", 8, 3, WAIT);
    }

    @AfterEach
    void stop() throws Exception {
        cluster.close();
    }

    private static String errorOf(Runnable call) {
        try {
            call.run();
            return "ERR_OK";
        } catch (RpcException e) {
            return e.errorName();
        }
    }

    @Test
    void anOversizedWriteGetsInvalidDataAndChangesNothing() {
        byte[] big = DataClient.key("big", "s");
        Gpid gpid = routes.gpidOf(big);
        HostPort primary = routes.primary(gpid);

        assertThatThrownBy(() -> cluster.data().put(primary, gpid, big, new byte[100 << 10]))
                .isInstanceOfSatisfying(
                        RpcException.class, e -> assertThat(e.errorName()).isEqualTo("ERR_INVALID_DATA"));

        // A later write to the same partition reaches every member; the refused one is nowhere.
        byte[] after = DataClient.key("big", "after");
        assertThat(cluster.data().put(primary, gpid, after, "a").getError()).isZero();
        for (HostPort member : routes.members(gpid)) {
            PartitionRunner runner = cluster.replica(member).replica(gpid);
            assertThat(MiniMetaCluster.await(
                            WAIT, () -> runner.store().get(new blob(after)).getError() == 0))
                    .as("%s on %s got the next write", gpid, member)
                    .isTrue();
            assertThat(runner.store().get(new blob(big)).getError())
                    .as("the refused write on %s", member)
                    .isEqualTo(1);
        }
        assertThat(cluster.data().getString(primary, gpid, big)).isNull();
    }

    @Test
    void withOneLiveMemberWritesAreRefusedAndChangeNothing() throws Exception {
        for (int i = 0; i < 8; i++) {
            Gpid gpid = routes.gpid(i);
            byte[] key = keyIn(gpid, "before");
            assertThat(cluster.data().put(routes.primary(gpid), gpid, key, "b").getError())
                    .isZero();
        }
        // The survivor is a server that is primary somewhere, so some partition keeps it as a lone primary.
        ReplicaNodeHandle survivor = cluster.replicas().stream()
                .max(Comparator.comparingLong(r -> countPrimaries(routes, r.address())))
                .orElseThrow();
        HostPort alive = survivor.address();
        for (ReplicaNodeHandle node : cluster.replicas()) {
            if (node != survivor) {
                node.kill();
            }
        }
        // As in Pegasus, the meta server removes a dead primary, and a dead secondary only where a primary is left to
        // carry out the removal: a partition whose primary died keeps its secondaries and has no primary.
        TableRoutes lonely = cluster.awaitRoutes(
                "refuse",
                "down to " + alive + " alone",
                WAIT,
                r -> allPartitions(r).stream()
                        .allMatch(g -> r.primary(g) == null
                                || (r.primary(g).equals(alive)
                                        && r.secondaries(g).isEmpty())));
        LOG.info("with one live replica server:\n{}", lonely.describe());

        Map<Gpid, ReplicaSnapshot> before = new HashMap<>();
        for (Gpid gpid : allPartitions(lonely)) {
            before.put(gpid, survivor.replica(gpid).snapshot());
        }
        List<String> outcomes = new ArrayList<>();
        for (Gpid gpid : allPartitions(lonely)) {
            byte[] key = keyIn(gpid, "refused");
            HostPort primary = lonely.primary(gpid);
            String outcome = primary == null
                    ? "NO_PRIMARY/" + errorOf(() -> cluster.data().put(alive, gpid, key, "r"))
                    : errorOf(() -> cluster.data().put(primary, gpid, key, "r"));
            outcomes.add(gpid + " " + outcome);
            assertThat(outcome).as("a write to %s", gpid).isIn("ERR_NOT_ENOUGH_MEMBER", "NO_PRIMARY/ERR_INVALID_STATE");
        }
        LOG.info("writes with one live member: {}", outcomes);
        assertThat(outcomes).anyMatch(o -> o.endsWith("ERR_NOT_ENOUGH_MEMBER"));
        for (Gpid gpid : allPartitions(lonely)) {
            ReplicaSnapshot now = survivor.replica(gpid).snapshot();
            assertThat(now.lastPreparedDecree())
                    .as("%s prepared nothing", gpid)
                    .isEqualTo(before.get(gpid).lastPreparedDecree());
            assertThat(now.lastCommittedDecree()).isEqualTo(before.get(gpid).lastCommittedDecree());
            assertThat(survivor.replica(gpid)
                            .store()
                            .get(new blob(keyIn(gpid, "refused")))
                            .getError())
                    .isEqualTo(1);
        }

        // Once a second server is back, every partition serves again, and none has the refused writes.
        cluster.replicas().stream()
                .filter(r -> r != survivor)
                .findFirst()
                .orElseThrow()
                .restart();
        TableRoutes back = cluster.awaitRoutes(
                "refuse",
                "writable again",
                Duration.ofSeconds(60),
                r -> allPartitions(r).stream()
                                .allMatch(g -> r.primary(g) != null
                                        && !r.secondaries(g).isEmpty())
                        && cluster.primariesServe(r));
        for (Gpid gpid : allPartitions(back)) {
            assertThat(cluster.data().getString(back.primary(gpid), gpid, keyIn(gpid, "refused")))
                    .isNull();
            assertThat(cluster.data().getString(back.primary(gpid), gpid, keyIn(gpid, "before")))
                    .isEqualTo("b");
        }
    }

    /** A key of {@code gpid} (of a table with 8 partitions): the first hash key {@code <prefix><n>} routed there. */
    private static byte[] keyIn(Gpid gpid, String prefix) {
        for (int n = 0; ; n++) {
            byte[] key = DataClient.key(prefix + n, "s");
            if (KeyCodec.partitionIndex(KeyCodec.partitionHash(key), 8) == gpid.partitionIndex()) {
                return key;
            }
        }
    }

    private static List<Gpid> allPartitions(TableRoutes routes) {
        List<Gpid> out = new ArrayList<>();
        for (int i = 0; i < routes.partitionCount(); i++) {
            out.add(routes.gpid(i));
        }
        return out;
    }

    private static long countPrimaries(TableRoutes routes, HostPort node) {
        return allPartitions(routes).stream()
                .filter(g -> node.equals(routes.primary(g)))
                .count();
    }
}
