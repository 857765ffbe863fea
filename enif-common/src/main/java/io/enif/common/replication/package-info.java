/**
 * Configuration keys the meta server and the replica servers share (DESIGN §10, "Config keys"): the failure
 * detector's timers, {@code mutation_2pc_min_replica_count} and the meta server list. Each server's own key holder
 * lists them next to its own keys; the registry accepts a key declared twice only when both declarations are
 * identical, so every declaration of these keys is this one.
 */
package io.enif.common.replication;
