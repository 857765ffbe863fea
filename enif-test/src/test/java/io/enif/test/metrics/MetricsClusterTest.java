package io.enif.test.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.common.metrics.JsonReader;
import io.enif.common.metrics.MetricsDocument;
import io.enif.shell.ClusterBackend;
import io.enif.shell.Shell;
import io.enif.test.minicluster.DataClient;
import io.enif.test.minicluster.MiniCluster;
import io.enif.test.minicluster.MiniMetaCluster;
import io.enif.test.minicluster.ReplicaNodeHandle;
import io.enif.test.minicluster.TableRoutes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /metrics} and the shell's stat commands on a mini-cluster of one meta server and three replica servers with
 * {@code temp} (8 × 3) (spec/ops-cluster.md §13.5, §3.4): a strict Prometheus parser accepts every process's text;
 * after a known number of writes and reads the cumulative counts equal the requests sent and what {@code app_stat}
 * and {@code nodes -d} report; the JSON filters; the Grafana dashboard references only exported metrics and
 * docs/metrics.md lists them all; SH-A1..A3 (the last test stops a replica server).
 */
@Timeout(180)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetricsClusterTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int PUTS = 40;
    private static final int GETS = 25;

    @TempDir
    static Path dir;

    private static MiniCluster cluster;
    private static TableRoutes routes;

    @BeforeAll
    static void start() throws Exception {
        cluster = MiniCluster.builder(dir).metaServers(1).replicaServers(3).start();
        routes = cluster.createTable("temp", 8, 3, WAIT);
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void everyProcessServesStrictPrometheusTextWithTheClusterLabel() {
        for (HostPort node : processes()) {
            HttpResponse<String> r = MetricsHttp.get(node, "/metrics");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("content-type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
            Map<String, PrometheusTextParser.Family> families = PrometheusTextParser.parse(r.body());
            assertThat(families).containsKeys("enif_server_jvm_heap_used_bytes", "enif_server_resident_mem_usage_mb");
            for (PrometheusTextParser.Family f : families.values()) {
                for (PrometheusTextParser.Sample s : f.samples()) {
                    assertThat(s.labels()).containsEntry("cluster", "mini").containsEntry("node", node.toString());
                }
            }
        }
        Map<String, PrometheusTextParser.Family> meta =
                PrometheusTextParser.parse(MetricsHttp.body(cluster.metaLeader(WAIT), "/metrics"));
        assertThat(sample(meta, "enif_table_healthy_partitions", "table_name", "temp"))
                .isEqualTo(8);
        assertThat(sample(meta, "enif_server_alive_replica_servers", "role", "meta"))
                .isEqualTo(3);
        Map<String, PrometheusTextParser.Family> replica =
                PrometheusTextParser.parse(MetricsHttp.body(cluster.replica(0).address(), "/metrics"));
        assertThat(replica.get("enif_replica_get_latency_ns").type()).isEqualTo("summary");
        assertThat(sample(replica, "enif_server_total_replicas", "role", "replica"))
                .isEqualTo(8);
    }

    @Test
    @Order(2)
    void cumulativeCountsEqualTheRequestsAppStatAndNodes() {
        List<byte[]> keys = new ArrayList<>();
        for (int i = 0; i < PUTS; i++) {
            byte[] key = DataClient.key("user" + i, "s");
            Gpid gpid = routes.gpidOf(key);
            assertThat(cluster.data()
                            .put(routes.primary(gpid), gpid, key, "v" + i)
                            .getError())
                    .isZero();
            keys.add(key);
        }
        for (int i = 0; i < GETS; i++) {
            byte[] key = keys.get(i);
            Gpid gpid = routes.gpidOf(key);
            assertThat(cluster.data().getString(routes.primary(gpid), gpid, key))
                    .isEqualTo("v" + i);
        }
        // a write counts on every replica that applies it; the secondaries apply once the commit point reaches them
        boolean quiesced = MiniMetaCluster.await(
                WAIT, () -> replicaSum("put_requests") == 3L * PUTS && replicaSum("get_requests") == GETS);
        assertThat(quiesced)
                .as("put_requests %s, get_requests %s", replicaSum("put_requests"), replicaSum("get_requests"))
                .isTrue();
        assertThat(replicaSum("write_capacity_units")).isEqualTo(3L * PUTS);

        String appStat = shell("app_stat -c -j");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Map<String, Object>>> doc =
                (Map<String, Map<String, Map<String, Object>>>) JsonReader.parse(appStat.trim());
        assertThat(doc.get("app_stat").get("temp"))
                .containsEntry("GET", Integer.toString(GETS))
                .containsEntry("PUT", Integer.toString(PUTS));

        String nodes = shell("nodes -d -j");
        @SuppressWarnings("unchecked")
        Map<String, List<Map<String, Object>>> nodesDoc =
                (Map<String, List<Map<String, Object>>>) JsonReader.parse(nodes.trim());
        assertThat(nodesDoc.get("details")).hasSize(3);
        for (Map<String, Object> row : nodesDoc.get("details")) {
            MetricsDocument m = MetricsDocument.parse(
                    MetricsHttp.body(HostPort.parse((String) row.get("address")), "/metrics?types=server"));
            assertThat(m.sum("server", "total_replicas")).isEqualTo((Long) row.get("replica_count"));
            assertThat(m.sum("server", "primary_replicas")).isEqualTo((Long) row.get("primary_count"));
            assertThat(m.sum("server", "secondary_replicas")).isEqualTo((Long) row.get("secondary_count"));
        }

        assertThat(shell("nodes -u -q -p 99")).contains("memused_res_mb", "get_qps", "get_p99(ms)");
        assertThat(shell("server_stat")).contains("Succeed count: 4", "Failed count: 0", "serving_replica_count=8");
        assertThat(shell("app_disk temp -d")).contains("disk_used_for_all_replicas(MB)", "pidx");
        assertThat(shell("disk_capacity -d")).contains("avalable_ratio(%)");
        assertThat(shell("disk_replica -a temp -j")).contains("\"replica_count\":8");
    }

    @Test
    @Order(3)
    void jsonFiltersSelectEntitiesAndMetrics() {
        HostPort node = cluster.replica(1).address();
        MetricsDocument doc = MetricsDocument.parse(MetricsHttp.body(
                node, "/metrics?types=replica&attributes=table_id," + routes.appId() + "&metrics=get_requests"));
        assertThat(doc.cluster()).isEqualTo("mini");
        assertThat(doc.role()).isEqualTo("replica");
        assertThat(doc.entities()).hasSize(8).allSatisfy(e -> {
            assertThat(e.type()).isEqualTo("replica");
            assertThat(e.attributes()).containsEntry("table_id", Integer.toString(routes.appId()));
            assertThat(e.metrics()).containsOnlyKeys("get_requests");
        });
        HttpResponse<String> bad = MetricsHttp.get(node, "/metrics?attributes=a");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).startsWith("{\"error_message\":");
        assertThat(MetricsHttp.get(node, "/metrics?nope=1").statusCode()).isEqualTo(400);
    }

    @Test
    @Order(4)
    void theGrafanaDashboardReferencesOnlyExportedMetricsAndTheDocsListThemAll() throws Exception {
        Set<String> exported = new HashSet<>();
        for (HostPort node : processes()) {
            exported.addAll(PrometheusTextParser.parse(MetricsHttp.body(node, "/metrics"))
                    .keySet());
        }
        Path docs = docsDir();
        String dashboard = Files.readString(docs.resolve("grafana/enif.json"));
        Object parsed = JsonReader.parse(dashboard);
        List<String> exprs = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        walk(parsed, exprs, titles);
        assertThat(titles).contains("Pegasus-Cluster", "Pegasus-Table");
        assertThat(dashboard).contains("\"cluster_name\"");
        Set<String> referenced = new HashSet<>();
        Matcher m = Pattern.compile("enif_[a-z0-9_]+").matcher(String.join("\n", exprs));
        while (m.find()) {
            String name = m.group();
            String base = name.replaceAll("_(sum|count)$", "");
            referenced.add(!exported.contains(name) && exported.contains(base) ? base : name);
        }
        assertThat(referenced).hasSizeGreaterThan(10);
        assertThat(exported).containsAll(referenced);

        String list = Files.readString(docs.resolve("metrics.md"));
        for (String family : exported) {
            assertThat(list).as("docs/metrics.md lists %s", family).contains("`" + family + "`");
        }
    }

    @Test
    @Order(5)
    void nodesCountsAgreeAndAStoppedNodeIsListedUnalive() {
        String nodes = shell("nodes -d");
        assertThat(columnSum(nodes, "replica_count")).isEqualTo(24); // SH-A1
        assertThat(columnSum(nodes, "primary_count")).isEqualTo(8);
        assertThat(shell("app temp -d")).containsPattern("(?m)^total\\s+8\\s+16\\s+24\\s*$");
        String json = shell("nodes -d -j"); // SH-A2
        @SuppressWarnings("unchecked")
        Map<String, List<Map<String, Object>>> doc =
                (Map<String, List<Map<String, Object>>>) JsonReader.parse(json.trim());
        assertThat(doc.get("details").stream()
                        .mapToLong(r -> (Long) r.get("replica_count"))
                        .sum())
                .isEqualTo(24);
        assertThat(doc.get("details").stream()
                        .mapToLong(r -> (Long) r.get("primary_count"))
                        .sum())
                .isEqualTo(8);

        ReplicaNodeHandle stopped = cluster.replica(2);
        HostPort address = stopped.address();
        stopped.kill(); // SH-A3
        HostPort meta = cluster.metaLeader(WAIT);
        boolean detected = MiniMetaCluster.await(
                WAIT,
                () -> MetricsDocument.parse(
                                        MetricsHttp.body(meta, "/metrics?types=server&metrics=unalive_replica_servers"))
                                .sum("server", "unalive_replica_servers")
                        == 1);
        assertThat(detected)
                .as("the meta server counts the stopped node unalive")
                .isTrue();
        String unalive = shell("nodes -s unalive");
        assertThat(unalive).contains(address.toString()).contains("unalive_node_count : 1");
        assertThat(unalive.lines().filter(l -> l.contains("ALIVE"))).hasSize(1);
    }

    private static List<HostPort> processes() {
        List<HostPort> nodes = new ArrayList<>();
        nodes.add(cluster.metaLeader(WAIT));
        for (ReplicaNodeHandle r : cluster.replicas()) {
            if (r.isRunning()) {
                nodes.add(r.address());
            }
        }
        return nodes;
    }

    /** Metric {@code name} (field value) summed over every replica entity of every running replica server. */
    private static long replicaSum(String name) {
        long total = 0;
        for (ReplicaNodeHandle r : cluster.replicas()) {
            total += MetricsDocument.parse(MetricsHttp.body(r.address(), "/metrics?types=replica&metrics=" + name))
                    .sum("replica", name);
        }
        return total;
    }

    private static double sample(
            Map<String, PrometheusTextParser.Family> families, String family, String label, String value) {
        return families.get(family).samples().stream()
                .filter(s -> value.equals(s.labels().get(label)))
                .findFirst()
                .orElseThrow()
                .value();
    }

    private static String shell(String command) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String metas = String.join(
                ",",
                cluster.metas().addresses().stream().map(HostPort::toString).toList());
        try (ClusterBackend backend = ClusterBackend.connect(metas, 5000)) {
            int status = new Shell(backend, new PrintWriter(out, true), new PrintWriter(err, true), () -> {})
                    .runScript(command);
            assertThat(status).as("%s: %s", command, err).isZero();
        }
        return out.toString();
    }

    /** The sum of a column of a {@code [details]} table. */
    private static long columnSum(String text, String column) {
        List<String> lines = text.lines().toList();
        int header = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("address")) {
                header = i;
                break;
            }
        }
        List<String> names = List.of(lines.get(header).trim().split("\\s+"));
        int index = names.indexOf(column);
        long sum = 0;
        for (int i = header + 1; i < lines.size() && !lines.get(i).isBlank(); i++) {
            sum += Long.parseLong(lines.get(i).trim().split("\\s+")[index]);
        }
        return sum;
    }

    @SuppressWarnings("unchecked")
    private static void walk(Object node, List<String> exprs, List<String> titles) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
                if (e.getKey().equals("expr") && e.getValue() instanceof String s) {
                    exprs.add(s);
                } else if (e.getKey().equals("title") && e.getValue() instanceof String s) {
                    titles.add(s);
                } else {
                    walk(e.getValue(), exprs, titles);
                }
            }
        } else if (node instanceof List<?> list) {
            list.forEach(o -> walk(o, exprs, titles));
        }
    }

    private static Path docsDir() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("docs"))
                    && Files.exists(p.resolve("pom.xml"))
                    && Files.isDirectory(p.resolve("enif-test"))) {
                return p.resolve("docs");
            }
        }
        throw new IllegalStateException("no docs/ above " + here);
    }
}
