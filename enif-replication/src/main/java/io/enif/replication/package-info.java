/**
 * The PacificA replica core: one partition replica's protocol as a pure, single-threaded state machine (DESIGN §4),
 * modelled on etcd-io/raft's {@code Step} / {@code Ready} / {@code Advance}.
 *
 * <p>This package is the API the replica server (the driver) and the simulation use: {@link
 * io.enif.replication.Replica}, its options, and the domain types the events and effects speak in ({@link
 * io.enif.replication.Mutation}, {@link io.enif.replication.PartitionConfiguration}, {@link
 * io.enif.replication.ReplicaConfiguration}, {@link io.enif.replication.PartitionStatus}, {@link
 * io.enif.replication.ConfigType}). These are not the Thrift structs; the driver converts. Inputs are in {@code
 * event}, messages between replicas in {@code message}, outputs in {@code ready}. The protocol phases live in {@code
 * primary}, {@code secondary}, {@code learn}, {@code config} and {@code log}, sharing state through {@code core}.
 *
 * <h2>The driver's contract</h2>
 *
 * <ul>
 *   <li><b>Lane.</b> Every call for one replica runs on that partition's lane; the core is not thread-safe.
 *   <li><b>Time.</b> Send {@code Tick(nowMs)} from a monotonic millisecond clock before anything else and then every
 *       few milliseconds. Timeouts are in milliseconds of that clock and fire on the first tick at or after their
 *       deadline; nothing else carries time.
 *   <li><b>Ready.</b> After steps, take {@code ready()}, carry it out in the order {@link
 *       io.enif.replication.ready.Ready} documents, then {@code advance(ready)}. Report each log append's completion
 *       ({@code LogAppended}) or failure ({@code LogAppendFailed}); a mutation counts as logged only then. With the
 *       default {@code plog_force_flush} the completion must mean fsynced.
 *   <li><b>Messages.</b> {@code Ready.messages} go to other replicas of the same gpid; what arrives is fed back as
 *       {@code MessageReceived}. Requests and replies are separate messages matched by content, except two fields the
 *       wire does not carry and the driver fills from the RPC request a reply answers: {@code LearnReply.round} and
 *       {@code PrepareAck.learnerSignature}. An RPC that fails or times out may be reported as {@code SendFailed}.
 *   <li><b>Meta server.</b> {@code Ready.metaRequests} become {@code RPC_CM_UPDATE_PARTITION_CONFIGURATION} (answer:
 *       {@code ConfigurationUpdateReply}, with an RPC error if there was none) or a config sync (answer: {@code
 *       ConfigurationSync}); proposals arrive as {@code ConfigProposal}. The failure detector's lease arrives as
 *       {@code LeaseGranted}/{@code LeaseExpired}.
 *   <li><b>Learning.</b> The driver tells the primary what its checkpoint and log cover ({@code StorageProgress}),
 *       adds the file list to an {@code LT_LOG}/{@code LT_APP} learn reply, and on the learner copies and applies
 *       what a {@code Ready.ApplyLearnedState} names, then reports {@code LearnedStateApplied}.
 *   <li><b>Clients.</b> Each write's {@code MutationUpdate.requestId} gets exactly one {@code ClientReply}, unless
 *       the replica goes away first; {@code ERR_TIMEOUT} there means "outcome unknown". Reads may be served only
 *       while {@link io.enif.replication.Replica#canServeReads()}.
 * </ul>
 *
 * <p>Nothing in this module may use threads, locks, sockets, files, clocks or randomness (the build bans Netty,
 * RocksDB and ZooKeeper here).
 */
package io.enif.replication;
