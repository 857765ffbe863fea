/**
 * Lease-based failure detection between the meta server (master) and replica servers (workers), {@code
 * spec/ops-recovery-and-architecture.md} §6.5 and {@code spec/ops-cluster.md} §6.3 FD-1..FD-4: the meta side's
 * grace-period detector, the replica side's lease, and the unstable-restart guard. Time is always a parameter in
 * milliseconds; nothing here reads a clock or schedules anything.
 */
package io.enif.meta.fd;
