package io.enif.common.metrics;

/** The kind of a metric, with the name Pegasus's JSON form gives it ({@code detail=true}). */
public enum MetricType {
    /** A cumulative count that only grows (requests, bytes, failures). */
    COUNTER("Counter"),
    /** A value that goes up and down (replica counts, memory, disk space). */
    GAUGE("Gauge"),
    /** Percentiles p50/p90/p95/p99/p999 of the samples in a recent window (latencies). */
    PERCENTILE("Percentile");

    private final String pegasusName;

    MetricType(String pegasusName) {
        this.pegasusName = pegasusName;
    }

    /** The type's name in Pegasus's JSON form, e.g. {@code Counter}. */
    public String pegasusName() {
        return pegasusName;
    }
}
