/**
 * The deterministic whole-cluster simulation (DESIGN §4, §8, §10): {@link io.enif.test.sim.Simulation} runs one seed
 * of a {@link io.enif.test.sim.SimConfig} in one thread: enif-meta's failure detector, node-death planner, guardian
 * and configuration rules ({@code SimMeta}), N replica servers driving enif-replication's PacificA cores ({@code
 * SimReplicaServer}, each hosting {@code SimHosted} replicas, with the real handlers' rules in {@code
 * SimReplicaRules}), clients with the Enif client's retry rules ({@code SimClient}), a network that drops,
 * duplicates, delays and partitions ({@code SimNetwork}), drifting clocks ({@code SimClock}), disks that lose unsynced
 * appends and unflushed storage on a crash ({@code SimStore}), and a fault injector ({@code SimFaults}). It checks
 * invariants while it runs ({@code SimInvariants}: one serving primary per partition, agreement, growing ballots) and
 * the recorded history at the end ({@link io.enif.test.history}), and reports a {@link io.enif.test.sim.SimProfile}
 * per seed.
 */
package io.enif.test.sim;
