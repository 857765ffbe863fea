package io.enif.replica.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.replica.partition.PartitionRunner;
import io.enif.replica.testing.Await;
import io.enif.replica.testing.FakeMetaServer;
import io.enif.replica.testing.MiniReplicaCluster;
import io.enif.replication.PartitionConfiguration;
import io.enif.storage.checkpoint.Checkpoints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The mutable keys of CFG-6 changed by {@code /updateConfig} act on a running replica server. */
@Timeout(120)
class ReplicaRuntimeSettingsTest {
    private static final Gpid GPID = new Gpid(1, 0);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    private static String http(HostPort server, String pathAndQuery) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://" + server + pathAndQuery))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static List<Long> checkpoints(PartitionRunner runner) {
        try {
            return Checkpoints.list(runner.dir().dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void checkpointReserveAndConfigSyncIntervalActWhenUpdated() throws Exception {
        FakeMetaServer meta = new FakeMetaServer(1, 1, 3, 8000);
        try (MiniReplicaCluster cluster = MiniReplicaCluster.start(
                tmp, 3, meta, c -> c.withTimers(new ReplicaServerConfig.FdConfig(200, 100, 1500, false), 600_000))) {
            PartitionConfiguration pc = cluster.awaitGroup(GPID, 2);
            int index = cluster.indexOf(pc.primary());
            ReplicaServer server = cluster.server(index);
            PartitionRunner primary = cluster.runner(index, GPID);

            // the defaults keep every checkpoint younger than 1800 s
            for (int i = 1; i <= 3; i++) {
                cluster.put(pc.primary(), GPID, "k" + i, new byte[] {(byte) i});
                assertThat(server.commands().execute("replica.trigger-checkpoint", List.of("1.0")))
                        .endsWith("@P : triggered");
                int expected = i;
                Await.until(i + " checkpoints", () -> checkpoints(primary).size() == expected);
            }
            assertThat(http(pc.primary(), "/updateConfig?checkpoint_reserve_time_seconds=0"))
                    .isEqualTo("{\"update_status\":\"ERR_OK\"}");
            assertThat(http(pc.primary(), "/updateConfig?checkpoint_reserve_min_count=1"))
                    .isEqualTo("{\"update_status\":\"ERR_OK\"}");
            assertThat(http(pc.primary(), "/config?name=checkpoint_reserve_min_count"))
                    .contains("\"section\":\"pegasus.server\"", "\"value\":\"1\"", "FT_MUTABLE");
            cluster.put(pc.primary(), GPID, "k4", new byte[] {4});
            server.commands().execute("replica.trigger-checkpoint", List.of("1"));
            Await.until("only the newest checkpoint", () -> checkpoints(primary).size() == 1);
            assertThat(checkpoints(primary).get(0)).isGreaterThanOrEqualTo(4);

            // syncs every 10 min: none comes within the test unless the interval shrinks at run time
            int before = meta.configSyncCount();
            assertThat(http(pc.primary(), "/updateConfig?config_sync_interval_ms=100"))
                    .isEqualTo("{\"update_status\":\"ERR_OK\"}");
            assertThat(server.metaLink().configSyncIntervalMs()).isEqualTo(100);
            Await.until("periodic config syncs", () -> meta.configSyncCount() >= before + 5);
            assertThat(http(pc.primary(), "/updateConfig?config_sync_interval_ms=0"))
                    .startsWith("{\"update_status\":\"ERR_INVALID_PARAMETERS");
            assertThat(server.metaLink().configSyncIntervalMs()).isEqualTo(100);
        }
    }
}
