/**
 * The mini-cluster harness (DESIGN §8, STYLE §10): ZooKeeper and Enif servers in one JVM, on loopback with port 0,
 * with per-node faults (kill, restart, pause). This is its meta part: {@link
 * io.enif.test.minicluster.MiniMetaCluster}, {@link io.enif.test.minicluster.MetaNodeHandle}, the per-node {@link
 * io.enif.test.minicluster.ZkProxy} that makes a kill abandon the ZooKeeper session and a pause freeze it, an admin
 * client ({@link io.enif.test.minicluster.MetaAdmin}) and a scripted replica server ({@link
 * io.enif.test.minicluster.FakeReplicaServer}) that beacons and carries out proposals instantly; the replica part
 * comes with the replica server.
 */
package io.enif.test.minicluster;
