/**
 * The outputs of the replica core: {@link io.enif.replication.ready.Ready} (what the driver must do, in order) and
 * the {@link io.enif.replication.ready.Outbox} that collects it.
 */
package io.enif.replication.ready;
