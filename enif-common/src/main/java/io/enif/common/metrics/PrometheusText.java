package io.enif.common.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders a registry in the Prometheus text exposition format (version 0.0.4). Every series is named
 * {@code enif_<entity type>_<metric>} (DESIGN §7; the metric part is Pegasus's name) and carries the labels
 * {@code cluster}, {@code role}, {@code node} (host:port), {@code entity} (the entity id) and the entity's attributes
 * ({@code table_id}, {@code table_name}, {@code partition_id}, {@code disk_tag}, ...). Counters and gauges are one
 * sample each; a percentile is a summary with {@code quantile} 0.5, 0.9, 0.95, 0.99, 0.999 over the recent window,
 * plus {@code _sum} and {@code _count} since start.
 */
public final class PrometheusText {
    /** The {@code Content-Type} of this format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusText() {}

    /** The series name of {@code prototype}. */
    public static String seriesName(MetricPrototype prototype) {
        return "enif_" + prototype.entityType() + "_" + prototype.name();
    }

    /** The text of every metric in {@code registry}. Runs the collectors first. */
    public static String render(MetricRegistry registry, MetricsSource source) {
        registry.collect();
        // group the samples by series name: a metric family's lines must be contiguous
        Map<String, Family> families = new TreeMap<>();
        for (MetricEntity e : registry.entities()) {
            String labels = labels(source, e);
            for (Metric m : e.metrics()) {
                MetricPrototype p = m.prototype();
                Family f = families.computeIfAbsent(seriesName(p), n -> new Family(p));
                f.samples.add(new Sample(labels, m));
            }
        }
        StringBuilder b = new StringBuilder(8192);
        for (Map.Entry<String, Family> entry : families.entrySet()) {
            String name = entry.getKey();
            MetricPrototype p = entry.getValue().prototype;
            b.append("# HELP ").append(name).append(' ');
            help(b, p.description() + " (" + p.unit() + ")");
            b.append('\n');
            b.append("# TYPE ")
                    .append(name)
                    .append(' ')
                    .append(typeName(p.type()))
                    .append('\n');
            for (Sample s : entry.getValue().samples) {
                if (s.metric instanceof Counter c) {
                    line(b, name, s.labels, null, c.value());
                } else if (s.metric instanceof Gauge g) {
                    line(b, name, s.labels, null, g.value());
                } else if (s.metric instanceof Percentile pc) {
                    Percentile.Snapshot snap = pc.snapshot();
                    for (int i = 0; i < Percentile.QUANTILES.length; i++) {
                        line(b, name, s.labels, "quantile=\"" + Percentile.QUANTILES[i] + "\"", snap.values()[i]);
                    }
                    line(b, name + "_sum", s.labels, null, snap.sum());
                    line(b, name + "_count", s.labels, null, snap.count());
                }
            }
        }
        return b.toString();
    }

    private static String typeName(MetricType type) {
        return switch (type) {
            case COUNTER -> "counter";
            case GAUGE -> "gauge";
            case PERCENTILE -> "summary";
        };
    }

    private static String labels(MetricsSource source, MetricEntity e) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("cluster", source.cluster());
        labels.put("role", source.role());
        labels.put("node", source.node());
        labels.put("entity", e.id());
        for (Map.Entry<String, String> a : e.attributes().entrySet()) {
            labels.putIfAbsent(labelName(a.getKey()), a.getValue());
        }
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> l : labels.entrySet()) {
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(l.getKey()).append("=\"");
            for (int i = 0; i < l.getValue().length(); i++) {
                char c = l.getValue().charAt(i);
                switch (c) {
                    case '\\' -> b.append("\\\\");
                    case '"' -> b.append("\\\"");
                    case '\n' -> b.append("\\n");
                    default -> b.append(c);
                }
            }
            b.append('"');
        }
        return b.toString();
    }

    private static String labelName(String key) {
        String n = key.replaceAll("[^a-zA-Z0-9_]", "_");
        return Character.isDigit(n.charAt(0)) || n.startsWith("__") ? "a_" + n : n;
    }

    private static void help(StringBuilder b, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> b.append(c);
            }
        }
    }

    private static void line(StringBuilder b, String name, String labels, String extra, long value) {
        b.append(name).append('{').append(labels);
        if (extra != null) {
            b.append(',').append(extra);
        }
        b.append("} ").append(value).append('\n');
    }

    private record Sample(String labels, Metric metric) {}

    private static final class Family {
        final MetricPrototype prototype;
        final List<Sample> samples = new ArrayList<>();

        Family(MetricPrototype prototype) {
            this.prototype = prototype;
        }
    }
}
