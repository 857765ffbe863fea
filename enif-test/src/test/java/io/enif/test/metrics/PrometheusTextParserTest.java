package io.enif.test.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The test parser itself rejects what Prometheus rejects, so that its acceptance of /metrics means something. */
@Timeout(10)
class PrometheusTextParserTest {
    @Test
    void acceptsCountersGaugesAndSummaries() {
        Map<String, PrometheusTextParser.Family> f = PrometheusTextParser.parse("# HELP a_total x\n"
                + "# TYPE a_total counter\n"
                + "a_total{x=\"1\",y=\"a\\\"b\"} 3\n"
                + "a_total{x=\"2\"} 4 1700000000\n"
                + "# TYPE s summary\n"
                + "s{quantile=\"0.5\"} 1.5\n"
                + "s_sum 3\n"
                + "s_count 2\n");
        assertThat(f).containsOnlyKeys("a_total", "s");
        assertThat(f.get("a_total").samples()).hasSize(2);
        assertThat(f.get("a_total").samples().get(0).labels()).containsEntry("y", "a\"b");
        assertThat(f.get("s").samples()).hasSize(3);
    }

    @Test
    void rejectsMalformedText() {
        assertThatThrownBy(() -> PrometheusTextParser.parse("a 1")).hasMessageContaining("new line");
        assertThatThrownBy(() -> PrometheusTextParser.parse("a-b 1\n")).hasMessageContaining("metric name");
        assertThatThrownBy(() -> PrometheusTextParser.parse("a{x=1} 1\n")).hasMessageContaining("quoted");
        assertThatThrownBy(() -> PrometheusTextParser.parse("a{x=\"\\t\"} 1\n")).hasMessageContaining("escape");
        assertThatThrownBy(() -> PrometheusTextParser.parse("a one\n")).hasMessageContaining("bad value");
        assertThatThrownBy(() -> PrometheusTextParser.parse("a 1\na 2\n")).hasMessageContaining("duplicate");
        assertThatThrownBy(() -> PrometheusTextParser.parse("a 1\nb 1\na{x=\"1\"} 2\n"))
                .hasMessageContaining("contiguous");
        assertThatThrownBy(() -> PrometheusTextParser.parse("a 1\n# TYPE a gauge\n"))
                .hasMessageContaining("TYPE");
        assertThatThrownBy(() -> PrometheusTextParser.parse("# TYPE a gauges\n"))
                .hasMessageContaining("bad TYPE");
        assertThatThrownBy(() -> PrometheusTextParser.parse("# TYPE s summary\ns 1\n"))
                .hasMessageContaining("summary");
    }
}
