/**
 * Partition and table health ({@code spec/ops-cluster.md} §0.3, {@code spec/ops-recovery-and-architecture.md} §6.3):
 * the five health states of a partition and the per-table counters the shell's {@code ls -d} and {@code app -d} print,
 * with DESIGN §10's rule for {@code write_unhealthy} (no primary, or fewer members than {@code
 * mutation_2pc_min_replica_count}).
 */
package io.enif.meta.health;
