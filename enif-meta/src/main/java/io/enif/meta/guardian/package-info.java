/**
 * The partition guardian ("cure", {@code spec/ops-recovery-and-architecture.md} §6.13, {@code spec/ops-cluster.md}
 * FD-5..FD-14): a pure function from the cluster state, node liveness, the guardian's own bookkeeping and the time to
 * the configuration proposals that restore one primary and {@code max_replica_count - 1} secondaries per partition,
 * plus the meta server's own reaction to a replica server's death. The bookkeeping (dropped-replica history, queued
 * proposals, in-flight assignments) is an immutable value passed in and returned.
 */
package io.enif.meta.guardian;
