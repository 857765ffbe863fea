package io.enif.common.metrics;

/** One metric of one entity: a {@link Counter}, a {@link Gauge} or a {@link Percentile}. */
public sealed interface Metric permits Counter, Gauge, Percentile {
    /** Its definition. */
    MetricPrototype prototype();
}
