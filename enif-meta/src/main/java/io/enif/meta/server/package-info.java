/**
 * The meta server process ({@link io.enif.meta.server.MetaServer}): its typed configuration and config keys, the lane
 * its state lives on, leadership, and the RPC handlers built on the pure decisions of the sibling packages.
 *
 * <p>Choices (DESIGN §10 decides where the specs list options):
 *
 * <ul>
 *   <li>One thread, the lane, owns all state; ZooKeeper writes block it. A change is persisted (fenced, atomic), then
 *       applied in memory, then answered, then cured further.
 *   <li>Answers are RPC-level {@code ERR_OK} with the result in {@code err} ({@code spec/protocol.md} §5.3). A server
 *       that does not act as leader answers {@code ERR_FORWARD_TO_OTHERS} (query_cfg names the leader in {@code
 *       partitions[0].primary}), or {@code ERR_SERVICE_NOT_ACTIVE} while it loads its state after winning. Beacons
 *       to it get {@code is_master = false} and the leader's address.
 *   <li>A store failure is answered {@code ERR_ZOOKEEPER_OPERATION} and changes nothing; the caller retries.
 *   <li>Table names follow {@code [A-Za-z0-9_.:]+}; partition counts must be powers of two; replica counts must lie in
 *       {@code [min_allowed_replica_count, max_allowed_replica_count]} (and, for set_replica_count, not exceed the
 *       alive replica servers).
 *   <li>A table is never in a staging status: create, drop and recall each persist the table and all its partitions
 *       at once. At stopped and blind, drop and recall are refused ({@code ERR_STATE_FREEZED}) rather than parked;
 *       node-death downgrades are parked and retried every check.
 *   <li>Not implemented yet: rename, balancer and manual proposals, DDD diagnosis, GC of useless (non-expired)
 *       replicas through config sync, backup, split, bulk load, duplication.
 * </ul>
 */
package io.enif.meta.server;
