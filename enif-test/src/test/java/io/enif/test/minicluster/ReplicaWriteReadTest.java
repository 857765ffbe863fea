package io.enif.test.minicluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.proto.base.blob;
import io.enif.proto.rrdb.read_response;
import io.enif.proto.rrdb.update_response;
import io.enif.replica.partition.PartitionRunner;
import io.enif.replication.PartitionStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first end-to-end path through real servers: one meta server and three replica servers create a table of 8
 * partitions × 3 through {@code create_app}; writes sent to the primaries that {@code query_cfg} names commit, reads
 * from the primaries return them, and every secondary's store holds the same records.
 */
@Timeout(120)
class ReplicaWriteReadTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;

    private static MiniCluster cluster;
    private static TableRoutes routes;

    @BeforeAll
    static void start() throws Exception {
        cluster = MiniCluster.builder(dir).metaServers(1).replicaServers(3).start();
        routes = cluster.createTable("rw", 8, 3, WAIT);
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void everyPartitionHasAPrimaryAndTwoSecondariesOnDistinctServers() {
        assertThat(routes.partitionCount()).isEqualTo(8);
        for (int i = 0; i < 8; i++) {
            Gpid gpid = routes.gpid(i);
            assertThat(routes.members(gpid)).hasSize(3).doesNotHaveDuplicates();
            for (HostPort secondary : routes.secondaries(gpid)) {
                PartitionRunner runner = cluster.replica(secondary).replica(gpid);
                assertThat(runner).as("%s on %s", gpid, secondary).isNotNull();
                assertThat(runner.snapshot().status()).isEqualTo(PartitionStatus.SECONDARY);
            }
        }
    }

    @Test
    void writesToThePrimariesCommitAndEveryReplicaHoldsThem() {
        Map<String, String> written = new LinkedHashMap<>();
        for (int i = 0; i < 64; i++) {
            String hashKey = "user" + i;
            byte[] key = DataClient.key(hashKey, "name");
            Gpid gpid = routes.gpidOf(key);
            update_response r = cluster.data().put(routes.primary(gpid), gpid, key, "value-" + i);
            assertThat(r.getError()).as("put %s", hashKey).isZero();
            assertThat(r.getApp_id()).isEqualTo(routes.appId());
            assertThat(r.getPartition_index()).isEqualTo(gpid.partitionIndex());
            assertThat(r.getDecree()).isPositive();
            written.put(hashKey, "value-" + i);
        }
        assertThat(written.keySet().stream()
                        .map(k -> routes.gpidOf(DataClient.key(k, "name")))
                        .distinct())
                .as("the keys spread over every partition")
                .hasSize(8);

        written.forEach((hashKey, value) -> {
            byte[] key = DataClient.key(hashKey, "name");
            Gpid gpid = routes.gpidOf(key);
            assertThat(cluster.data().getString(routes.primary(gpid), gpid, key))
                    .isEqualTo(value);
        });
        assertThat(cluster.data().getString(routes.primary(routes.gpid(0)), routes.gpid(0), DataClient.key("x", "y")))
                .isNull();

        // The secondaries learn the last commit point from the next prepare or group check.
        for (int i = 0; i < 8; i++) {
            Gpid gpid = routes.gpid(i);
            for (HostPort member : routes.members(gpid)) {
                ReplicaNodeHandle node = cluster.replica(member);
                boolean caughtUp = MiniMetaCluster.await(
                        WAIT,
                        () -> written.entrySet().stream()
                                .filter(e -> routes.gpidOf(DataClient.key(e.getKey(), "name"))
                                        .equals(gpid))
                                .allMatch(e -> e.getValue().equals(stored(node, gpid, e.getKey()))));
                assertThat(caughtUp)
                        .as("%s on %s holds every write of its partition", gpid, member)
                        .isTrue();
            }
        }
    }

    /** What {@code node}'s store of {@code gpid} holds for {@code hashKey}/name, or null. */
    private static String stored(ReplicaNodeHandle node, Gpid gpid, String hashKey) {
        PartitionRunner runner = node.replica(gpid);
        if (runner == null) {
            return null;
        }
        read_response r = runner.store().get(new blob(DataClient.key(hashKey, "name")));
        return r.getError() == 0 ? new String(r.getValue().data(), StandardCharsets.UTF_8) : null;
    }
}
