/**
 * The mini-cluster harness (DESIGN §8, STYLE §10): ZooKeeper and Enif servers in one JVM, on loopback with port 0,
 * with per-node faults.
 *
 * <ul>
 *   <li>{@link io.enif.test.minicluster.MiniCluster}: ZooKeeper, M meta servers and R real replica servers, all
 *       configured from one ini text ({@link io.enif.test.minicluster.MiniClusterProfile}: the onebox profile with
 *       short timers), with helpers to create a table and wait until it is healthy.
 *   <li>The meta part, usable alone: {@link io.enif.test.minicluster.MiniMetaCluster}, {@link
 *       io.enif.test.minicluster.MetaNodeHandle} (kill, restart, pause), the per-node {@link
 *       io.enif.test.minicluster.ZkProxy} that makes a kill abandon the ZooKeeper session and a pause freeze it, and
 *       a scripted replica server ({@link io.enif.test.minicluster.FakeReplicaServer}).
 *   <li>The replica part: {@link io.enif.test.minicluster.ReplicaNodeHandle} (kill as close to {@code kill -9} as a
 *       JVM allows, restart on the same port and data dir, pause and resume as {@code SIGSTOP} / {@code SIGCONT}).
 *   <li>Clients: {@link io.enif.test.minicluster.MetaAdmin} (admin RPCs), {@link
 *       io.enif.test.minicluster.DataClient} (reads and writes sent straight to a replica server), {@link
 *       io.enif.test.minicluster.TableRoutes} ({@code query_cfg} and the client's key routing), and {@link
 *       io.enif.test.minicluster.SteadyWriter} (a writer that remembers what was acknowledged and checks nothing
 *       was lost).
 * </ul>
 */
package io.enif.test.minicluster;
