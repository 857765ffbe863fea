/**
 * The primary's phases: two-phase commit and reconciliation ({@link io.enif.replication.primary.WritePath}), the
 * group check and empty writes ({@link io.enif.replication.primary.GroupChecker}), and the state only a primary keeps
 * ({@link io.enif.replication.primary.PrimaryContext}).
 */
package io.enif.replication.primary;
