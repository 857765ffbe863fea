/**
 * The PacificA replica core: one partition replica's protocol as a pure, single-threaded state machine (DESIGN §4).
 *
 * <p>This package is the API the replica server (the driver) and the simulation use: {@link
 * io.enif.replication.Replica} ({@code step} / {@code ready} / {@code advance}), its options, and the domain types
 * the events and effects speak in ({@link io.enif.replication.Mutation}, {@link
 * io.enif.replication.PartitionConfiguration}, {@link io.enif.replication.ReplicaConfiguration}, {@link
 * io.enif.replication.PartitionStatus}, {@link io.enif.replication.ConfigType}). These are not the Thrift structs;
 * the driver converts. Inputs are in {@code event}, messages between replicas in {@code message}, outputs in {@code
 * ready}. The protocol phases live in {@code primary}, {@code secondary}, {@code learn}, {@code config} and {@code
 * log}, sharing state through {@code core}.
 *
 * <p>Nothing in this module may use threads, locks, sockets, files, clocks or randomness (the build bans Netty,
 * RocksDB and ZooKeeper here).
 */
package io.enif.replication;
