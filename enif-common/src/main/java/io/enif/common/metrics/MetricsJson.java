package io.enif.common.metrics;

import java.util.Map;

/**
 * Renders a registry in Pegasus's JSON form (spec/ops-cluster.md §13.2 B):
 *
 * <pre>
 * {"cluster":"c","role":"replica","host":"h","port":34801,"timestamp_ns":1,
 *  "entities":[{"type":"replica","id":"replica@2.3","attributes":{"table_id":"2","partition_id":"3"},
 *    "metrics":[{"name":"get_requests","value":123},{"name":"get_latency_ns","p50":1,"p90":2,...}]}]}
 * </pre>
 *
 * An entity with no metric left after the filters is left out.
 */
public final class MetricsJson {
    private MetricsJson() {}

    /** The JSON document of the entities and metrics {@code query} selects. Runs the collectors first. */
    public static String render(MetricRegistry registry, MetricsSource source, MetricsQuery query, long timestampNs) {
        registry.collect();
        StringBuilder b = new StringBuilder(4096);
        b.append("{\"cluster\":");
        string(b, source.cluster());
        b.append(",\"role\":");
        string(b, source.role());
        b.append(",\"host\":");
        string(b, source.host());
        b.append(",\"port\":").append(source.port());
        b.append(",\"timestamp_ns\":").append(timestampNs);
        b.append(",\"entities\":[");
        boolean firstEntity = true;
        for (MetricEntity e : registry.entities()) {
            if (!query.matches(e)) {
                continue;
            }
            StringBuilder metrics = new StringBuilder();
            for (Metric m : e.metrics()) {
                if (query.matches(m.prototype().name())) {
                    if (metrics.length() > 0) {
                        metrics.append(',');
                    }
                    metric(metrics, m, query);
                }
            }
            if (metrics.length() == 0) {
                continue;
            }
            if (!firstEntity) {
                b.append(',');
            }
            firstEntity = false;
            b.append("{\"type\":");
            string(b, e.type());
            b.append(",\"id\":");
            string(b, e.id());
            b.append(",\"attributes\":{");
            boolean first = true;
            for (Map.Entry<String, String> a : e.attributes().entrySet()) {
                if (!first) {
                    b.append(',');
                }
                first = false;
                string(b, a.getKey());
                b.append(':');
                string(b, a.getValue());
            }
            b.append("},\"metrics\":[").append(metrics).append("]}");
        }
        return b.append("]}").toString();
    }

    private static void metric(StringBuilder b, Metric m, MetricsQuery query) {
        MetricPrototype p = m.prototype();
        b.append('{');
        Fields f = new Fields(b);
        if (query.shows("name")) {
            f.name("name");
            string(b, p.name());
        }
        if (query.shows("type")) {
            f.name("type");
            string(b, p.type().pegasusName());
        }
        if (query.shows("unit")) {
            f.name("unit");
            string(b, p.unit());
        }
        if (query.shows("desc")) {
            f.name("desc");
            string(b, p.description());
        }
        if (m instanceof Counter c && query.shows("value")) {
            f.name("value");
            b.append(c.value());
        } else if (m instanceof Gauge g && query.shows("value")) {
            f.name("value");
            b.append(g.value());
        } else if (m instanceof Percentile pc) {
            Percentile.Snapshot s = pc.snapshot();
            for (int i = 0; i < Percentile.FIELDS.length; i++) {
                if (query.shows(Percentile.FIELDS[i])) {
                    f.name(Percentile.FIELDS[i]);
                    b.append(s.values()[i]);
                }
            }
        }
        b.append('}');
    }

    /** Writes a JSON string literal. */
    static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }

    /** Separates the fields of one object. */
    private static final class Fields {
        private final StringBuilder b;
        private boolean first = true;

        Fields(StringBuilder b) {
            this.b = b;
        }

        void name(String name) {
            if (!first) {
                b.append(',');
            }
            first = false;
            string(b, name);
            b.append(':');
        }
    }
}
