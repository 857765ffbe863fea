/**
 * One replica's driver and its home on disk: {@link io.enif.replica.partition.PartitionRunner} runs the PacificA
 * core on the partition's lane and carries out its effects ({@link io.enif.replica.partition.ReadyCarrier}) against
 * the private log, the partition store, the peers ({@link io.enif.replica.partition.PeerLink}) and the meta server
 * ({@link io.enif.replica.partition.MetaLink}); {@link io.enif.replica.partition.PartitionOpener} opens a replica
 * directory ({@link io.enif.replica.partition.ReplicaDir}) and replays its log.
 *
 * <p>What does not belong here: RPC handlers, the meta server connection and the set of replicas a server hosts.
 */
package io.enif.replica.partition;
