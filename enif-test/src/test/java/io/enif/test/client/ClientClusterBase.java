package io.enif.test.client;

import io.enif.client.ClientConfig;
import io.enif.client.EnifClient;
import io.enif.client.EnifTable;
import io.enif.common.HostPort;
import io.enif.test.minicluster.MiniCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * One {@link MiniCluster} per test class (one meta server, three replica servers), a table {@value #TABLE} of 8
 * partitions × 3 created through it, and an {@link EnifClient} that knows only the meta server's address.
 */
abstract class ClientClusterBase {
    static final String TABLE = "client_ops";
    static final Duration WAIT = Duration.ofSeconds(60);
    static final int TIMEOUT_MS = 10_000;

    @TempDir
    static Path dir;

    static MiniCluster cluster;
    static EnifClient client;
    static EnifTable table;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = MiniCluster.builder(dir).metaServers(1).replicaServers(3).start();
        cluster.createTable(TABLE, 8, 3, WAIT);
        client = EnifClient.create(clientConfig(cluster));
        table = client.openTable(TABLE);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (client != null) {
            client.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    /** A client configuration naming every meta server of {@code cluster}. */
    static ClientConfig clientConfig(MiniCluster cluster) {
        String metas =
                cluster.metas().addresses().stream().map(HostPort::toString).collect(Collectors.joining(","));
        return ClientConfig.builder()
                .metaServers(metas)
                .operationTimeout(Duration.ofMillis(TIMEOUT_MS))
                .build();
    }

    static byte[] b(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String s(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
