/**
 * Tests of {@code /metrics} and the shell's stat commands on a mini-cluster, with a strict Prometheus text parser
 * and the checks of the Grafana dashboard and docs/metrics.md against what the servers export.
 */
package io.enif.test.metrics;
