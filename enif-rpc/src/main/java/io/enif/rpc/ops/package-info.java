/**
 * What every Enif server process offers operators on its own port (DESIGN §7, {@code spec/ops-cluster.md} §1, §4,
 * §5): its identity ({@link io.enif.rpc.ops.ServerInfo}: version, start time), the common HTTP routes ({@code /},
 * {@code /version}, {@code /recentStartTime}, {@code /config}, {@code /configs}, {@code /updateConfig}) and the
 * common remote commands ({@code config-dump}, {@code server-info}, {@code flush-log}, ...), wired together by
 * {@link io.enif.rpc.ops.ServerOps}, and the {@code perf-counters} family over a server's metric registry
 * ({@link io.enif.rpc.ops.PerfCounterCommands}).
 *
 * <p>What does not belong here: role-specific routes and commands ({@code /meta/*}, {@code meta.*}, {@code
 * replica.*}), which the meta and replica servers add, and {@code /metrics}.
 */
package io.enif.rpc.ops;
