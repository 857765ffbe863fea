package io.enif.test.minicluster;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.common.concurrent.MillisClock;
import io.enif.common.config.Config;
import io.enif.meta.server.MetaReplicationKeys;
import io.enif.replica.partition.PartitionRunner;
import io.enif.replica.plog.FilePrivateLog;
import io.enif.replica.plog.PrivateLogConfig;
import io.enif.replica.plog.PrivateLogConfigKeys;
import io.enif.replica.server.ReplicaServer;
import io.enif.replica.server.ReplicaServerConfig;
import io.enif.replica.server.ReplicaServerConfigs;
import io.enif.replication.learn.LearnType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One real replica server of a {@link MiniCluster}, with its own data dir, and the faults a test can inflict on it.
 * Its port stays the same across restarts (the address is the replica server's identity at the meta server).
 *
 * <ul>
 *   <li>{@link #kill()}: as close to {@code kill -9} as one JVM allows ({@code ReplicaServer#halt()}): the port
 *       closes first, so connections reset and nobody gets another answer; outgoing connections and beacons stop;
 *       queued work is dropped; the stores close without flushing (RocksDB drops its memtables, as a crash does; what
 *       survives is what was on disk: the private log and flushed SST files). The files stay for {@link #restart()}.
 *   <li>{@link #restart()}: a new server on the same port and data dir; it replays its private log from the store's
 *       last flushed decree, beacons again and learns what it missed.
 *   <li>{@link #pause()} / {@link #resume()}: like {@code SIGSTOP} / {@code SIGCONT} ({@code ReplicaServer#pause()}):
 *       no timer fires, nothing is sent, incoming requests are held and served after the resume, when the lease has
 *       run out with the time that passed.
 * </ul>
 */
public final class ReplicaNodeHandle implements AutoCloseable {

    private final int index;
    private final Config config;
    private final Path dataDir;
    private ReplicaServer server;
    private int port;
    private int starts;

    ReplicaNodeHandle(int index, Config config, Path dataDir) {
        this.index = index;
        this.config = Objects.requireNonNull(config, "config");
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
    }

    /** Starts the server (on port 0 the first time, on its first port afterwards). */
    synchronized ReplicaNodeHandle start() throws IOException {
        if (server != null) {
            throw new IllegalStateException("replica " + index + " is running");
        }
        ReplicaServerConfig base = ReplicaServerConfigs.fromConfig(config, "127.0.0.1", port);
        // Every stop of a mini-cluster replica is a crash as far as the stores go.
        ReplicaServerConfig crashing = base.withStorage(
                base.storeOptions().toBuilder().flushOnClose(false).build(), base.checkpointIntervalMs());
        PrivateLogConfig logConfig = PrivateLogConfigKeys.privateLogConfig(config);
        // A fresh copy of the configuration per start: runtime changes (/updateConfig) do not survive a restart.
        ReplicaServer started = new ReplicaServer(
                        crashing, dir -> FilePrivateLog.open(dir, logConfig), MillisClock.SYSTEM, config.asLoaded())
                .clusterName(config.get(MetaReplicationKeys.CLUSTER_NAME));
        started.start();
        server = started;
        port = started.port();
        starts++;
        return this;
    }

    /** The index of this replica server in its cluster, from 0. */
    public int index() {
        return index;
    }

    /** The server's address; stable across restarts. */
    public synchronized HostPort address() {
        return new HostPort("127.0.0.1", port);
    }

    /** The data dir ({@code [replication] data_dirs} has this one entry). */
    public Path dataDir() {
        return dataDir;
    }

    /** The running server, or null while killed. */
    public synchronized ReplicaServer server() {
        return server;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** How often the server was started (1 after the cluster started, 2 after one restart, ...). */
    public synchronized int starts() {
        return starts;
    }

    /** The replica of {@code gpid} on this server now, or null (server down, or no such replica). */
    public synchronized PartitionRunner replica(Gpid gpid) {
        return server == null ? null : server.replicas().get(gpid);
    }

    /**
     * How many learn replies of {@code type} the replicas of this server (since its last start) received as
     * learners, summed over the replicas of table {@code appId}.
     */
    public synchronized long learnCount(int appId, LearnType type) {
        if (server == null) {
            return 0;
        }
        return server.replicas().runners().stream()
                .filter(r -> r.gpid().appId() == appId)
                .mapToLong(r -> r.learnCount(type))
                .sum();
    }

    /** Hard stop, as {@code kill -9}: no answers, no store flush; the data dir stays. Works while paused. */
    public synchronized void kill() {
        if (server == null) {
            return;
        }
        server.halt();
        server = null;
    }

    /**
     * Stops the server as {@code SIGSTOP} would; returns once its running tasks have ended.
     *
     * @throws IllegalStateException when the server is not running
     */
    public synchronized void pause() {
        requireRunning().pause();
    }

    /**
     * Lets a paused server go on, as {@code SIGCONT} would.
     *
     * @throws IllegalStateException when the server is not running
     */
    public synchronized void resume() {
        requireRunning().resume();
    }

    /** Whether the server is running and paused. */
    public synchronized boolean isPaused() {
        return server != null && server.isPaused();
    }

    private ReplicaServer requireRunning() {
        if (server == null) {
            throw new IllegalStateException("replica " + index + " is not running");
        }
        return server;
    }

    /** Starts a new server on the same port and data dir. */
    public synchronized void restart() throws IOException {
        kill();
        start();
    }

    @Override
    public synchronized void close() {
        kill();
    }

    @Override
    public String toString() {
        return "replica" + index + "@" + address();
    }
}
