/**
 * The replica server's metrics (spec/ops-cluster.md §13.3 MON-2, MON-3) in the process's {@link
 * io.enif.common.metrics.MetricRegistry}: per replica ({@code replica@<gpid>}) requests, latencies and bytes by
 * operation, capacity units, backup requests, prepare and group-check failures, learning, private log and RocksDB
 * figures; per server replica counts by state, failed and busy requests and the block cache; per disk capacity and
 * replicas. Names follow Pegasus's where Pegasus has them.
 */
package io.enif.replica.metrics;
