/**
 * Immutable values of the cluster state that the meta server's decisions read: tables, partition configurations,
 * replica-server liveness, and configuration-change proposals ({@code spec/ops-recovery-and-architecture.md} §6.2,
 * §6.3, §6.10). Converters to and from the Thrift structs live in {@link io.enif.meta.state.PartitionConfigCodec}.
 */
package io.enif.meta.state;
