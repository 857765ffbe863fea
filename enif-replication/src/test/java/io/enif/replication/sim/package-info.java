/**
 * The deterministic simulation harness of the replica core: {@link io.enif.replication.sim.SimCluster} wires N cores
 * to a seeded {@link io.enif.replication.sim.SimNetwork} (deliver in order, reorder, drop, duplicate, partition), a
 * fake log and storage per node and a {@link io.enif.replication.sim.FakeMeta}, and plays the replica server's part
 * of carrying out each {@code Ready}. Scenario tests and the randomized property test live here too.
 */
package io.enif.replication.sim;
