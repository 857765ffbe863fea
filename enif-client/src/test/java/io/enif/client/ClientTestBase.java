package io.enif.client;

import io.enif.client.fake.FakeCluster;
import io.enif.client.fake.FakeMeta;
import io.enif.client.fake.FakeReplica;
import io.enif.client.ops.Target;
import io.enif.common.Gpid;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * One fake cluster per test class (starting RocksDB stores is the slow part): {@link #metaCount()} meta servers,
 * {@link #replicaCount()} replica servers and table {@code temp} with 8 partitions spread over them, plus a client
 * with it open. Tests use their own hash keys; faults are cleared after each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ClientTestBase {
    static final int TIMEOUT = 2000;

    FakeCluster cluster;
    EnifClient client;
    EnifTable table;

    int metaCount() {
        return 1;
    }

    int replicaCount() {
        return 2;
    }

    ClientConfig.Builder config() {
        return ClientConfig.builder()
                .metaServers(cluster.metaServers())
                .operationTimeout(Duration.ofMillis(1000))
                .metaQueryTimeout(Duration.ofMillis(1000))
                .metaRetryDelay(Duration.ofMillis(50))
                .asyncWorkers(1);
    }

    @BeforeAll
    void startCluster(@TempDir Path dir) throws Exception {
        cluster = FakeCluster.start(dir, metaCount(), replicaCount());
        cluster.createTable("temp", 8, 3);
        client = EnifClient.create(config().build());
        table = client.openTable("temp");
    }

    @AfterEach
    void clearFaults() {
        for (FakeReplica replica : cluster.replicas()) {
            replica.faults().clear();
        }
        for (int i = 0; i < metaCount(); i++) {
            FakeMeta meta = cluster.meta(i);
            meta.faults().clear();
            meta.answerNotActive(0);
        }
        cluster.setLeader(0);
    }

    @AfterAll
    void stopCluster() {
        if (client != null) {
            client.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    /** Requests named {@code name} that reached any replica. */
    int replicaRequests(String name) {
        int total = 0;
        for (FakeReplica replica : cluster.replicas()) {
            total += replica.faults().count(name);
        }
        return total;
    }

    /** A hash key (prefixed {@code prefix}) that routes to partition {@code partitionIndex} of {@code temp}. */
    static String hashKeyIn(String prefix, int partitionIndex) {
        for (int i = 0; ; i++) {
            String candidate = prefix + i;
            if (Target.ofHashKey(b(candidate)).partitionIndex(8) == partitionIndex) {
                return candidate;
            }
        }
    }

    /** The gpid of partition {@code partitionIndex} of {@code temp}. */
    Gpid gpid(int partitionIndex) {
        return cluster.table("temp").gpid(partitionIndex);
    }

    static byte[] b(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    static String s(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
