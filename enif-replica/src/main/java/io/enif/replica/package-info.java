/**
 * The replica server (DESIGN §3–§5): it hosts partition replicas, drives each one's PacificA core ({@code
 * io.enif.replication}) on a partition lane, and serves clients.
 *
 * <ul>
 *   <li>{@code codec}: the core's domain types to and from the Thrift structs on the wire;
 *   <li>{@code plog}: the private log (the partition's write-ahead log);
 *   <li>{@code partition}: one replica's driver ({@code PartitionRunner}) and its on-disk home;
 *   <li>{@code handler}: the RPC handlers, one class per family;
 *   <li>{@code peer}: the outgoing side toward the other replica servers (group messages, learned file copies);
 *   <li>{@code meta}: the link to the meta server (beacons and lease, config sync, configuration updates);
 *   <li>{@code server}: the replica manager, the process object and its configuration keys.
 * </ul>
 */
package io.enif.replica;
