/**
 * The replica server process: {@link io.enif.replica.server.ReplicaServer} (start, close, bound port), the replicas
 * it hosts over its data dirs ({@link io.enif.replica.server.ReplicaManager}), and its configuration ({@link
 * io.enif.replica.server.ReplicaConfigKeys}, {@link io.enif.replica.server.ReplicaServerConfig}).
 */
package io.enif.replica.server;
