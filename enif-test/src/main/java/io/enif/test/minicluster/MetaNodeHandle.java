package io.enif.test.minicluster;

import io.enif.common.HostPort;
import io.enif.common.config.Config;
import io.enif.meta.server.LeaderActivityListener;
import io.enif.meta.server.MetaServer;
import io.enif.meta.server.MetaServerConfig;
import io.enif.rpc.RpcServerConfig;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * One meta server of a {@link MiniMetaCluster} and the faults a test can inflict on it. Its ZooKeeper traffic goes
 * through its own {@link ZkProxy}; its RPC port stays the same across restarts (it is the server's identity).
 *
 * <ul>
 *   <li>{@link #kill()}: like {@code kill -9}: the ZooKeeper connection is cut first, then the server stops without
 *       releasing the leader lock; its session is abandoned and expires on the server after the session timeout.
 *   <li>{@link #stop()}: a graceful stop, which releases the lock at once.
 *   <li>{@link #restart()}: a new server on the same port (after a kill or a stop).
 *   <li>{@link #pause()} / {@link #resume()}: like {@code SIGSTOP} / {@code SIGCONT}: the server does nothing and its
 *       ZooKeeper traffic is frozen, so its session expires if the pause outlasts the session timeout.
 * </ul>
 */
public final class MetaNodeHandle implements AutoCloseable {

    private final int index;
    private final MetaServerConfig baseConfig;
    /** The configuration the servers were built from (null when built without one); fresh per start. */
    private final Config settings;

    private final ZkProxy proxy;
    private final List<LeaderActivityListener> listeners;
    private MetaServer server;
    private int port;

    MetaNodeHandle(
            int index,
            MetaServerConfig baseConfig,
            Config settings,
            ZkProxy proxy,
            List<LeaderActivityListener> listeners) {
        this.index = index;
        this.settings = settings;
        this.baseConfig = Objects.requireNonNull(baseConfig, "baseConfig");
        this.proxy = Objects.requireNonNull(proxy, "proxy");
        this.listeners = List.copyOf(listeners);
    }

    /** Starts the server (on port 0 the first time, on its first port afterwards). */
    synchronized MetaNodeHandle start() throws IOException {
        if (server != null) {
            throw new IllegalStateException("meta " + index + " is running");
        }
        proxy.forward();
        RpcServerConfig base = baseConfig.rpc();
        MetaServerConfig config = baseConfig
                .withZkHosts(proxy.connectString())
                .withRpc(new RpcServerConfig(
                        base.host(), port, base.maxFrameSize(), base.bossThreads(), base.workerThreads()));
        MetaServer started = settings == null ? new MetaServer(config) : new MetaServer(config, settings.asLoaded());
        listeners.forEach(started::addListener);
        started.start();
        server = started;
        port = started.port();
        return this;
    }

    /** The index of this meta server in its cluster, from 0. */
    public int index() {
        return index;
    }

    /** The server's address; stable across restarts. */
    public synchronized HostPort address() {
        return new HostPort("127.0.0.1", port);
    }

    /** The running server, or null while killed or stopped. */
    public synchronized MetaServer server() {
        return server;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Whether the server runs and acts as the leader. */
    public synchronized boolean isLeader() {
        return server != null && server.isLeader();
    }

    public ZkProxy proxy() {
        return proxy;
    }

    /** Hard stop: cut the ZooKeeper connection, then halt (no lock release, session abandoned). */
    public synchronized void kill() {
        if (server == null) {
            return;
        }
        proxy.cut();
        server.halt();
        server = null;
    }

    /** Graceful stop: the lock is released at once. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.close();
        server = null;
    }

    /** Starts a new server on the same port. */
    public synchronized void restart() throws IOException {
        if (server != null) {
            kill();
        }
        start();
    }

    /** Freezes the server and its ZooKeeper traffic. */
    public synchronized void pause() {
        if (server == null) {
            throw new IllegalStateException("meta " + index + " is not running");
        }
        proxy.freeze();
        server.pause();
    }

    /** Ends {@link #pause()}. */
    public synchronized void resume() {
        if (server == null) {
            throw new IllegalStateException("meta " + index + " is not running");
        }
        server.resume();
        proxy.forward();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.resume();
            server.close();
            server = null;
        }
        proxy.close();
    }

    @Override
    public String toString() {
        return "meta" + index + "@" + address();
    }
}
