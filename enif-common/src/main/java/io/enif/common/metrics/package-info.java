/**
 * Process metrics in Pegasus's "new metrics" model: a {@link io.enif.common.metrics.MetricRegistry} per process holds
 * {@link io.enif.common.metrics.MetricEntity entities} (a server, a replica, a table, a disk, ...) each with an id and
 * attributes, and each entity holds counters, gauges and percentiles defined by a {@link
 * io.enif.common.metrics.MetricPrototype}. Updates are lock-free (adders and atomics); rendering happens on a scrape:
 * Prometheus text ({@link io.enif.common.metrics.PrometheusText}) or Pegasus's JSON form with its filters ({@link
 * io.enif.common.metrics.MetricsJson}, {@link io.enif.common.metrics.MetricsQuery}), both served by {@link
 * io.enif.common.metrics.MetricsEndpoint}. {@link io.enif.common.metrics.MetricsDocument} reads the JSON form back
 * (the shell's stat commands, tests). Dependency-free.
 */
package io.enif.common.metrics;
