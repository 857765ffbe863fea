/**
 * The meta server's persistent store: every table and partition configuration, kept in ZooKeeper in production
 * ({@link io.enif.meta.store.ZkMetaStore}) and in memory in unit tests ({@link io.enif.meta.store.MemMetaStore}),
 * behind one narrow interface ({@link io.enif.meta.store.MetaStore}).
 *
 * <p>Choices (DESIGN §10 "Leader lock layout"):
 *
 * <ul>
 *   <li>Paths are Pegasus's ({@code spec/ops-recovery-and-architecture.md} §6.2): {@code <cluster_root>/apps} (empty
 *       data = consistent; {@code lock} = an interrupted bulk rewrite, which stops the leader at load), {@code
 *       <cluster_root>/apps/<app_id>} and {@code <cluster_root>/apps/<app_id>/<pidx>}. The leader lock lives under
 *       {@code <distributed_lock_service_parameters>/dsn.meta.server.leader} (Curator's leader latch, each node holding
 *       its candidate's {@code host:port}); Enif adds the epoch node {@code
 *       <distributed_lock_service_parameters>/dsn.meta.server.epoch}. An empty lock parameter means {@code
 *       <cluster_root>/lock}.
 *   <li>Node contents are the Thrift binary encoding of Pegasus's own structs, {@code app_info} and {@code
 *       partition_configuration}, so field names and ids are Pegasus's; they are not Pegasus's JSON.
 *   <li>Every write is one ZooKeeper multi-op that starts with two checks: the writer's leader-latch node still
 *       exists, and the epoch node still has the writer's epoch as its version. A deposed or paused leader therefore
 *       cannot write ({@link io.enif.meta.store.LeaderFence}). The multi-op also rewrites {@code <cluster_root>/apps}
 *       (with empty data), whose new {@code mzxid} orders every metadata write.
 *   <li>A table and all its partitions are written in the same multi-op (create, drop, recall), so a table is never
 *       half created or half dropped by Enif; the start-up load still repairs such states left by other tools ({@link
 *       io.enif.meta.store.StartupRepair}).
 *   <li>Dropped tables stay in ZooKeeper after they expire, so app ids are never reused.
 * </ul>
 */
package io.enif.meta.store;
