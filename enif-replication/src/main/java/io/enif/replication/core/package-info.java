/**
 * The state one replica's protocol phases share ({@link io.enif.replication.core.ReplicaCore}): role, ballot,
 * prepare list, progress, time, and the phase objects. Internal to the core; drivers use {@link
 * io.enif.replication.Replica}.
 */
package io.enif.replication.core;
