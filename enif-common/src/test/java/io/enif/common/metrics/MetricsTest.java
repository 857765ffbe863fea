package io.enif.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class MetricsTest {
    private static final MetricPrototype GETS = MetricPrototype.counter("replica", "get_requests", "requests", "Gets");
    private static final MetricPrototype LATENCY =
            MetricPrototype.percentile("replica", "get_latency_ns", "nanoseconds", "Get latency");
    private static final MetricPrototype TOTAL = MetricPrototype.gauge("server", "total_replicas", "replicas", "All");
    private static final MetricsSource SOURCE = new MetricsSource("onebox", "replica", "h", 34801);

    @Test
    void countersAddUpAcrossThreads() throws Exception {
        MetricRegistry registry = new MetricRegistry();
        Counter c = registry.entity("replica", "replica@1.0", Map.of()).counter(GETS);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            pool.execute(() -> {
                for (int i = 0; i < 10_000; i++) {
                    c.increment();
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
        assertThat(c.value()).isEqualTo(40_000);
        assertThat(registry.entity("replica", "replica@1.0", Map.of()).counter(GETS))
                .isSameAs(c);
        assertThatThrownBy(() -> c.add(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void entitiesAndPrototypesMustAgree() {
        MetricRegistry registry = new MetricRegistry();
        MetricEntity replica = registry.entity("replica", "replica@1.0", Map.of());
        assertThatThrownBy(() -> replica.gauge(TOTAL)).hasMessageContaining("entity type server");
        assertThatThrownBy(() -> replica.gauge(GETS)).hasMessageContaining("COUNTER");
        assertThatThrownBy(() -> registry.entity("table", "replica@1.0", Map.of()))
                .hasMessageContaining("is a replica");
        replica.counter(GETS);
        MetricPrototype other = MetricPrototype.counter("replica", "get_requests", "bytes", "Other");
        assertThatThrownBy(() -> replica.counter(other)).hasMessageContaining("two definitions");
        assertThatThrownBy(() -> MetricPrototype.gauge("replica", "Bad-Name", "x", "y"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void percentilesOfTheWindow() {
        MetricRegistry registry = new MetricRegistry();
        Percentile p = registry.entity("replica", "r", Map.of()).percentile(LATENCY);
        assertThat(p.snapshot().values()).containsOnly(0L);
        for (int i = 1; i <= 1000; i++) {
            p.record(i);
        }
        Percentile.Snapshot s = p.snapshot();
        assertThat(s.value("p50")).isEqualTo(500);
        assertThat(s.value("p90")).isEqualTo(900);
        assertThat(s.value("p99")).isEqualTo(990);
        assertThat(s.value("p999")).isEqualTo(999);
        assertThat(s.count()).isEqualTo(1000);
        assertThat(s.sum()).isEqualTo(500_500);
        // the window keeps only the recent samples
        for (int i = 0; i < Percentile.WINDOW; i++) {
            p.record(7);
        }
        assertThat(p.snapshot().value("p999")).isEqualTo(7);
        assertThat(p.snapshot().count()).isEqualTo(1000 + Percentile.WINDOW);
    }

    @Test
    void gaugesAreSetOrFollowed() {
        MetricRegistry registry = new MetricRegistry();
        MetricEntity server = registry.entity("server", "server", Map.of());
        Gauge g = server.gauge(TOTAL);
        g.set(5);
        assertThat(g.value()).isEqualTo(5);
        long[] source = {9};
        server.gauge(TOTAL, () -> source[0]);
        source[0] = 11;
        assertThat(g.value()).isEqualTo(11);
    }

    @Test
    void prometheusTextHasOneFamilyPerSeriesWithTheLabels() {
        MetricRegistry registry = registryWithData();
        String text = PrometheusText.render(registry, SOURCE);
        assertThat(text)
                .contains("# TYPE enif_replica_get_requests counter\n")
                .contains("enif_replica_get_requests{cluster=\"onebox\",role=\"replica\",node=\"h:34801\","
                        + "entity=\"replica@2.3\",partition_id=\"3\",table_id=\"2\"} 3\n")
                .contains("enif_replica_get_requests{cluster=\"onebox\",role=\"replica\",node=\"h:34801\","
                        + "entity=\"replica@2.4\",partition_id=\"4\",table_id=\"2\"} 1\n")
                .contains("# TYPE enif_replica_get_latency_ns summary\n")
                .contains("entity=\"replica@2.3\",partition_id=\"3\",table_id=\"2\",quantile=\"0.99\"} 200\n")
                .contains("enif_replica_get_latency_ns_count{")
                .contains("# TYPE enif_server_total_replicas gauge\n")
                .contains("enif_server_total_replicas{cluster=\"onebox\",role=\"replica\",node=\"h:34801\","
                        + "entity=\"server\"} 2\n");
        assertThat(text.split("# TYPE enif_replica_get_requests ", -1)).hasSize(2);
    }

    @Test
    void jsonFormFiltersAndReadsBack() {
        MetricRegistry registry = registryWithData();
        MetricsEndpoint endpoint = new MetricsEndpoint(registry, SOURCE, () -> 42);
        MetricsEndpoint.Reply all = endpoint.serve("GET", Map.of("format", List.of("json")));
        assertThat(all.status()).isEqualTo(200);
        MetricsDocument doc = MetricsDocument.parse(all.text());
        assertThat(doc.cluster()).isEqualTo("onebox");
        assertThat(doc.port()).isEqualTo(34801);
        assertThat(doc.entities()).hasSize(3);
        assertThat(doc.sum("replica", "get_requests")).isEqualTo(4);
        assertThat(doc.ofType("replica").get(0).field("get_latency_ns", "p99")).isEqualTo(200);

        MetricsEndpoint.Reply filtered = endpoint.serve(
                "GET",
                Map.of(
                        "types", List.of("replica"),
                        "attributes", List.of("partition_id,3"),
                        "metrics", List.of("get_requests")));
        assertThat(filtered.text())
                .isEqualTo("{\"cluster\":\"onebox\",\"role\":\"replica\",\"host\":\"h\",\"port\":34801,"
                        + "\"timestamp_ns\":42,\"entities\":[{\"type\":\"replica\",\"id\":\"replica@2.3\","
                        + "\"attributes\":{\"partition_id\":\"3\",\"table_id\":\"2\"},"
                        + "\"metrics\":[{\"name\":\"get_requests\",\"value\":3}]}]}");

        MetricsEndpoint.Reply detail =
                endpoint.serve("GET", Map.of("ids", List.of("server"), "detail", List.of("true")));
        assertThat(detail.text())
                .contains("{\"name\":\"total_replicas\",\"type\":\"Gauge\",\"unit\":\"replicas\",\"desc\":\"All\","
                        + "\"value\":2}");

        MetricsEndpoint.Reply fields = endpoint.serve(
                "GET",
                Map.of("with_metric_fields", List.of("name,p99"), "metrics", List.of("get_latency_ns,total_replicas")));
        MetricsDocument f = MetricsDocument.parse(fields.text());
        assertThat(f.entities()).hasSize(2); // replica@2.4 has neither metric
        assertThat(f.ofType("replica").get(0).metrics().get("get_latency_ns")).containsOnlyKeys("name", "p99");
        assertThat(f.ofType("server").get(0).metrics().get("total_replicas")).containsOnlyKeys("name");
    }

    @Test
    void badRequestsAre400WithAnErrorMessage() {
        MetricsEndpoint endpoint = new MetricsEndpoint(registryWithData(), SOURCE);
        MetricsEndpoint.Reply odd = endpoint.serve("GET", Map.of("attributes", List.of("a")));
        assertThat(odd.status()).isEqualTo(400);
        assertThat(odd.text()).startsWith("{\"error_message\":\"invalid attributes");
        assertThat(endpoint.serve("GET", Map.of("bogus", List.of("1"))).text())
                .isEqualTo("{\"error_message\":\"unknown parameter: bogus\"}");
        assertThat(endpoint.serve("POST", Map.of()).status()).isEqualTo(400);
        assertThat(endpoint.serve("GET", Map.of("detail", List.of("maybe"))).status())
                .isEqualTo(400);
        MetricsEndpoint.Reply text = endpoint.serve("GET", Map.of());
        assertThat(text.status()).isEqualTo(200);
        assertThat(text.contentType()).isEqualTo(PrometheusText.CONTENT_TYPE);
    }

    @Test
    void collectorsRunBeforeEachScrapeAndRemovedEntitiesVanish() {
        MetricRegistry registry = registryWithData();
        int[] runs = {0};
        registry.addCollector(r -> runs[0]++);
        registry.addCollector(r -> {
            throw new IllegalStateException("closing");
        });
        PrometheusText.render(registry, SOURCE);
        MetricsJson.render(registry, SOURCE, MetricsQuery.ALL, 0);
        assertThat(runs[0]).isEqualTo(2);
        registry.remove("replica@2.4");
        assertThat(PrometheusText.render(registry, SOURCE)).doesNotContain("replica@2.4");
    }

    @Test
    void processMetricsReportTheJvm() {
        MetricRegistry registry = new MetricRegistry();
        ProcessMetrics.register(registry);
        MetricEntity server = ProcessMetrics.server(registry);
        assertThat(server.gauge(ProcessMetrics.HEAP_USED).value()).isPositive();
        assertThat(server.gauge(ProcessMetrics.THREADS).value()).isPositive();
        assertThat(server.gauge(ProcessMetrics.START_TIME).value()).isPositive();
    }

    @Test
    void jsonReaderIsStrict() {
        assertThat(JsonReader.parse("{\"a\":[1,2.5,\"x\\n\",true,null]}"))
                .isEqualTo(Map.of("a", java.util.Arrays.asList(1L, 2.5, "x\n", true, null)));
        assertThatThrownBy(() -> JsonReader.parse("{\"a\":1,}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonReader.parse("[1] x")).isInstanceOf(IllegalArgumentException.class);
    }

    private static MetricRegistry registryWithData() {
        MetricRegistry registry = new MetricRegistry();
        MetricEntity r3 = registry.entity("replica", "replica@2.3", Map.of("table_id", "2", "partition_id", "3"));
        MetricEntity r4 = registry.entity("replica", "replica@2.4", Map.of("table_id", "2", "partition_id", "4"));
        r3.counter(GETS).add(3);
        r4.counter(GETS).increment();
        r3.percentile(LATENCY).record(100);
        r3.percentile(LATENCY).record(200);
        registry.entity("server", "server", Map.of()).gauge(TOTAL).set(2);
        return registry;
    }
}
