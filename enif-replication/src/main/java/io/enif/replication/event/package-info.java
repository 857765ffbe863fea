/**
 * The inputs of the replica core ({@link io.enif.replication.event.Event}): time, client writes, log completions,
 * messages from other replicas, the meta server's decisions, lease changes and learning progress.
 */
package io.enif.replication.event;
