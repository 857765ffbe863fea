package io.enif.rpc.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.metrics.JsonReader;
import io.enif.common.metrics.MetricPrototype;
import io.enif.common.metrics.MetricRegistry;
import io.enif.common.metrics.Percentile;
import io.enif.rpc.command.CommandRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class PerfCounterCommandsTest {
    private static final MetricPrototype GETS = MetricPrototype.counter("replica", "get_requests", "requests", "gets");
    private static final MetricPrototype LATENCY =
            MetricPrototype.percentile("replica", "get_latency_ns", "nanoseconds", "get latency");
    private static final MetricPrototype TOTAL =
            MetricPrototype.gauge("server", "total_replicas", "replicas", "replicas hosted");

    private final MetricRegistry metrics = new MetricRegistry();
    private final CommandRegistry commands = new CommandRegistry();

    PerfCounterCommandsTest() {
        metrics.entity("server", "server", Map.of()).gauge(TOTAL).set(8);
        metrics.entity("replica", "replica@2.3", Map.of("table_id", "2"))
                .counter(GETS)
                .add(5);
        metrics.entity("replica", "replica@2.4", Map.of("table_id", "2"))
                .counter(GETS)
                .add(7);
        Percentile latency = metrics.entity("replica", "replica@2.3", Map.of("table_id", "2"))
                .percentile(LATENCY);
        for (int i = 1; i <= 1000; i++) {
            latency.record(i);
        }
        commands.registerAll(new PerfCounterCommands(metrics, "replica", () -> 1_700_000_000_123L).commands());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> run(String command, String... args) {
        return (Map<String, Object>) JsonReader.parse(commands.execute(command, List.of(args)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Number> counters(Map<String, Object> reply) {
        Map<String, Number> byName = new java.util.TreeMap<>();
        for (Object o : (List<Object>) reply.get("counters")) {
            Map<String, Object> c = (Map<String, Object>) o;
            byName.put((String) c.get("name"), (Number) c.get("value"));
        }
        return byName;
    }

    @Test
    void withoutFiltersEveryMetricIsListedInPegasusShape() {
        Map<String, Object> reply = run("perf-counters");
        assertThat(reply.get("result")).isEqualTo("OK");
        assertThat(((Number) reply.get("timestamp")).longValue()).isEqualTo(1_700_000_000L);
        assertThat((String) reply.get("timestamp_str")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        Map<String, Number> counters = counters(reply);
        assertThat(counters)
                .containsOnlyKeys(
                        "replica*server*total_replicas",
                        "replica*replica*get_requests@2.3",
                        "replica*replica*get_requests@2.4",
                        "replica*replica*get_latency_ns@2.3",
                        "replica*replica*get_latency_ns@2.3.p999");
        assertThat(counters.get("replica*server*total_replicas").longValue()).isEqualTo(8);
        assertThat(counters.get("replica*replica*get_requests@2.4").longValue()).isEqualTo(7);
        assertThat(counters.get("replica*replica*get_latency_ns@2.3").longValue())
                .isEqualTo(990);
        assertThat(counters.get("replica*replica*get_latency_ns@2.3.p999").longValue())
                .isEqualTo(999);
        assertThat(commands.execute("perf-counters", List.of())).contains("\"type\":\"PERCENTILE\"");
    }

    @Test
    void theFiltersAreOredAndMatchTheirPartOfTheName() {
        assertThat(counters(run("perf-counters-by-prefix", "replica*server", "nothing")))
                .containsOnlyKeys("replica*server*total_replicas");
        assertThat(counters(run("perf-counters-by-postfix", "@2.4", ".p999")))
                .containsOnlyKeys("replica*replica*get_requests@2.4", "replica*replica*get_latency_ns@2.3.p999");
        assertThat(counters(run("perf-counters-by-substr", "get_requests")))
                .containsOnlyKeys("replica*replica*get_requests@2.3", "replica*replica*get_requests@2.4");
        assertThat(counters(run("perf-counters", ".*@2\\.3", ".*total.*")))
                .containsOnlyKeys(
                        "replica*server*total_replicas",
                        "replica*replica*get_requests@2.3",
                        "replica*replica*get_latency_ns@2.3");
        assertThat(counters(run("perf-counters", "get_requests"))).isEmpty(); // a regexp matches the whole name
        assertThat(counters(run("perf-counters-by-substr", "no_such_metric"))).isEmpty();
    }

    @Test
    void anInvalidRegexpIsAnErrorWithNoCounters() {
        Map<String, Object> reply = run("perf-counters", ".*", "get_(");
        assertThat(reply.get("result")).isEqualTo("ERROR: invalid filter: get_(");
        assertThat(counters(reply)).isEmpty();
    }

    @Test
    void collectorsRunBeforeTheCountersAreRead() {
        metrics.addCollector(
                r -> r.entity("server", "server", Map.of()).gauge(TOTAL).set(3));
        assertThat(counters(run("perf-counters-by-postfix", "total_replicas"))
                        .get("replica*server*total_replicas")
                        .longValue())
                .isEqualTo(3);
    }
}
