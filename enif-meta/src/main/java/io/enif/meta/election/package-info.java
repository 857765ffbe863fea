/**
 * Leader election among meta servers ({@code spec/ops-recovery-and-architecture.md} §6.4; DESIGN §10 "Meta leader
 * that loses its ZooKeeper session", "Meta leader fencing").
 *
 * <p>Choices:
 *
 * <ul>
 *   <li>The lock is Curator's {@code LeaderLatch} under {@code <lock root>/dsn.meta.server.leader}; each candidate's
 *       node holds its {@code host:port}, so standbys can name the leader. Curator's standard error policy applies: a
 *       suspended connection already counts as lost leadership.
 *   <li>Each new term bumps the epoch node (a multi-op that also checks the new leader's latch node); its version is
 *       the term's epoch and fences every metadata write ({@link io.enif.meta.store.LeaderFence}).
 *   <li>A leader acts only while its leadership lease is valid ({@link io.enif.meta.election.LeadershipLease}): half
 *       the negotiated session timeout, renewed every quarter lease by a read that proves the latch node still belongs
 *       to the leader's session and the epoch is still its own. A paused leader wakes with an expired lease, so it
 *       neither answers as leader nor acks beacons, and its writes are fenced.
 *   <li>Losing the session, the connection or the latch deposes the leader at once; it stays a candidate (Curator
 *       re-creates its latch node on reconnection), it does not exit. A graceful close deletes the latch node at
 *       once; a halt leaves it to the session timeout.
 * </ul>
 */
package io.enif.meta.election;
