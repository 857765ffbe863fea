package io.enif.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.client.EnifClientException;
import io.enif.client.EnifTable;
import io.enif.client.TableInfo;
import io.enif.common.metrics.JsonReader;
import io.enif.common.metrics.MetricEntity;
import io.enif.common.metrics.MetricPrototype;
import io.enif.common.metrics.MetricRegistry;
import io.enif.common.metrics.MetricsDocument;
import io.enif.common.metrics.MetricsEndpoint;
import io.enif.common.metrics.MetricsSource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The stat commands on the fake cluster, each alive node serving a real metrics registry over a fake HTTP. */
@Timeout(30)
class StatCommandsTest {
    private static final String R = "replica";
    private static final MetricPrototype GETS = MetricPrototype.counter(R, "get_requests", "requests", "d");
    private static final MetricPrototype PUTS = MetricPrototype.counter(R, "put_requests", "requests", "d");
    private static final MetricPrototype SST = MetricPrototype.gauge(R, "rdb_total_sst_size_mb", "MB", "d");
    private static final MetricPrototype LATENCY = MetricPrototype.percentile(R, "get_latency_ns", "nanoseconds", "d");
    private static final MetricPrototype TOTAL = MetricPrototype.gauge("server", "total_replicas", "replicas", "d");
    private static final MetricPrototype RES = MetricPrototype.gauge("server", "resident_mem_usage_mb", "MB", "d");
    private static final MetricPrototype DISK_TOTAL =
            MetricPrototype.gauge("disk", "disk_capacity_total_mb", "MB", "d");
    private static final MetricPrototype DISK_AVAIL =
            MetricPrototype.gauge("disk", "disk_capacity_avail_mb", "MB", "d");
    private static final MetricPrototype SERVER_TOTAL =
            MetricPrototype.gauge("server", "disk_capacity_total_mb", "MB", "d");
    private static final MetricPrototype SERVER_AVAIL =
            MetricPrototype.gauge("server", "disk_capacity_avail_mb", "MB", "d");

    private final FakeBackend fake = new FakeBackend();
    private final Map<String, MetricRegistry> registries = new HashMap<>();
    private final List<String> fetched = new ArrayList<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Shell shell;

    @BeforeEach
    void setUp() {
        // the fake's table temp: partition i has its primary on NODES[i % 3] and secondaries on the next two; the
        // third node is unalive, so only the first two serve metrics
        for (int n = 0; n < 2; n++) {
            String node = FakeBackend.NODES.get(n);
            MetricRegistry registry = new MetricRegistry();
            MetricEntity server = registry.entity("server", "server", Map.of());
            server.gauge(RES).set(100 + n);
            server.gauge(SERVER_TOTAL).set(2000);
            server.gauge(SERVER_AVAIL).set(500);
            MetricEntity disk = registry.entity("disk", "disk@default", Map.of("disk_tag", "default"));
            disk.gauge(DISK_TOTAL).set(2000);
            disk.gauge(DISK_AVAIL).set(500);
            int hosted = 0;
            for (int i = 0; i < 8; i++) {
                boolean primary = i % 3 == n;
                boolean member = primary || (i + 1) % 3 == n || (i + 2) % 3 == n;
                if (!member) {
                    continue;
                }
                hosted++;
                MetricEntity e = registry.entity(
                        R,
                        "replica@1." + i,
                        Map.of("table_id", "1", "partition_id", Integer.toString(i), "disk_tag", "default"));
                e.counter(PUTS).add(5);
                e.counter(GETS).add(primary ? 10 : 0);
                e.gauge(SST).set(primary ? 3 : 2);
                e.percentile(LATENCY).record(2_000_000);
            }
            server.gauge(TOTAL).set(hosted);
            registries.put(node, registry);
        }
        shell = new Shell(new MetricsBackend(), new PrintWriter(out), new PrintWriter(err), () -> {});
    }

    @Test
    void appStatCumulativeCountsThePrimariesOnly() {
        assertThat(shell.runScript("app_stat -c -j")).as(err.toString()).isZero();
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Map<String, Object>>> doc = (Map<String, Map<String, Map<String, Object>>>)
                JsonReader.parse(out.toString().trim());
        Map<String, Object> temp = doc.get("app_stat").get("temp");
        // partitions 0, 1, 3, 4, 6, 7 have an alive primary
        assertThat(temp).containsEntry("GET", "60").containsEntry("PUT", "30").containsEntry("storage_mb", "18");
        assertThat(doc.get("app_stat").get("(total:1)")).containsEntry("GET", "60");
    }

    @Test
    void appStatPerPartitionAndRates() {
        assertThat(shell.runScript("app_stat -a temp -c")).isZero();
        assertThat(out.toString()).contains("pidx", "GET", "MULTI_GET", "storage_mb", "file_count", "(total:8)");
        out.getBuffer().setLength(0);
        assertThat(shell.runScript("app_stat -q")).isZero();
        assertThat(out.toString()).contains("0.00").doesNotContain("storage_mb");
    }

    @Test
    void nodesShowsUsageQpsAndLatencyColumns() {
        assertThat(shell.runScript("nodes -u -q -p 99 -j")).as(err.toString()).isZero();
        String text = out.toString();
        assertThat(text)
                .contains("\"memused_res_mb\":100", "\"memused_res_mb\":101", "\"get_qps\":\"0.00\"")
                .contains("\"get_p99(ms)\":\"2.00\"", "\"put_p99(ms)\":\"0.00\"");
        out.getBuffer().setLength(0);
        assertThat(shell.runScript("nodes -p 42")).isEqualTo(Shell.FAILED);
        assertThat(err.toString()).contains("-p must be one of");
    }

    @Test
    void appDiskSumsPrimariesAndAllReplicas() {
        assertThat(shell.runScript("app_disk temp -d")).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("disk_used_for_primary_replicas(MB) : 18")
                .contains("127.0.0.1:34801(3)", "127.0.0.1:34803(0)");
        assertThat(fetched).allMatch(q -> q.contains("attributes=table_id,1"));
    }

    @Test
    void diskCapacityAndDiskReplica() {
        assertThat(shell.runScript("disk_capacity -d")).isZero();
        assertThat(out.toString()).contains("avalable_ratio(%)", "default", "2000", "25");
        out.getBuffer().setLength(0);
        assertThat(shell.runScript("disk_replica -n 127.0.0.1:34801 -j")).isZero();
        @SuppressWarnings("unchecked")
        Map<String, List<Map<String, Object>>> doc = (Map<String, List<Map<String, Object>>>)
                JsonReader.parse(out.toString().trim());
        Map<String, Object> row = doc.get("disk_replica").get(0);
        // node 0 is primary of 0, 3, 6; secondary of the partitions whose primary is 1 or 2
        assertThat(row).containsEntry("primary_count", 3L).containsEntry("replica_count", 8L);
    }

    @Test
    void serverStatPrintsOneCallLinePerNode() {
        assertThat(shell.runScript("server_stat -t replica-server")).isZero();
        assertThat(out.toString())
                .contains("CALL [replica-server] [127.0.0.1:34801] succeed: memused_virt=0MB, memused_res=100MB")
                .contains("serving_replica_count=", "get_p99=2000000")
                .contains("Succeed count: 2", "Failed count: 0");
        out.getBuffer().setLength(0);
        assertThat(shell.runScript("server_stat -l nowhere:1")).isZero();
        assertThat(out.toString()).contains("failed: ", "Failed count: 1");
    }

    @Test
    void outputGoesToAFileWithO(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("capacity.txt");
        assertThat(shell.runScript("disk_capacity -o " + file))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("output to file").doesNotContain("avalable_ratio(%)");
        assertThat(Files.readString(file)).contains("avalable_ratio(%)", "127.0.0.1:34801");
        assertThat(shell.runScript("app_stat -o")).isEqualTo(Shell.FAILED);
    }

    /** The fake backend, with the nodes' metrics over a fake HTTP. */
    private final class MetricsBackend implements ShellBackend {
        @Override
        public String httpGet(String node, String pathAndQuery, int timeoutMillis) {
            MetricRegistry registry = registries.get(node);
            if (registry == null) {
                throw new EnifClientException("GET on " + node + " failed: connection refused");
            }
            fetched.add(pathAndQuery);
            Map<String, List<String>> params = new HashMap<>();
            int q = pathAndQuery.indexOf('?');
            if (q >= 0) {
                for (String pair : pathAndQuery.substring(q + 1).split("&")) {
                    String[] kv = pair.split("=", 2);
                    params.computeIfAbsent(kv[0], k -> new ArrayList<>())
                            .add(URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
                }
            }
            params.putIfAbsent("format", List.of("json"));
            String[] hp = node.split(":");
            MetricsEndpoint.Reply reply = new MetricsEndpoint(
                            registry, new MetricsSource("c", "replica", hp[0], Integer.parseInt(hp[1])))
                    .serve("GET", params);
            assertThat(reply.status()).as(reply.text()).isEqualTo(200);
            MetricsDocument.parse(reply.text());
            return reply.text();
        }

        @Override
        public String metaServers() {
            return fake.metaServers();
        }

        @Override
        public EnifTable openTable(String name) {
            return fake.openTable(name);
        }

        @Override
        public List<TableInfo> listApps(boolean all) {
            return fake.listApps(all);
        }

        @Override
        public AppConfig queryConfig(String name) {
            return fake.queryConfig(name);
        }

        @Override
        public void createApp(String name, int partitionCount, int replicaCount, Map<String, String> envs) {
            fake.createApp(name, partitionCount, replicaCount, envs);
        }

        @Override
        public void dropApp(String name, long reserveSeconds) {
            fake.dropApp(name, reserveSeconds);
        }

        @Override
        public String recallApp(int appId, String newName) {
            return fake.recallApp(appId, newName);
        }

        @Override
        public List<NodeInfo> listNodes() {
            return fake.listNodes();
        }

        @Override
        public Map<String, String> clusterInfo() {
            return fake.clusterInfo();
        }

        @Override
        public String metaLevel() {
            return fake.metaLevel();
        }

        @Override
        public String setMetaLevel(String level) {
            return fake.setMetaLevel(level);
        }

        @Override
        public void setAppEnvs(String app, List<String> keys, List<String> values) {
            fake.setAppEnvs(app, keys, values);
        }

        @Override
        public String delAppEnvs(String app, List<String> keys) {
            return fake.delAppEnvs(app, keys);
        }

        @Override
        public String clearAppEnvs(String app, String prefix) {
            return fake.clearAppEnvs(app, prefix);
        }

        @Override
        public ShellBackend connectTo(String metaServers) {
            return fake.connectTo(metaServers);
        }

        @Override
        public void close() {}
    }
}
