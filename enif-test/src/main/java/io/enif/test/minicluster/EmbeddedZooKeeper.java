package io.enif.test.minicluster;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;

/**
 * A ZooKeeper server in this JVM (Curator's {@code TestingServer}) whose tick suits the session timeout the test
 * wants: the tick is a tenth of it, so sessions from 2 ticks to 20 ticks are allowed.
 */
public final class EmbeddedZooKeeper implements AutoCloseable {

    private final TestingServer server;

    /** Starts a server keeping its data in {@code dataDir}. */
    public EmbeddedZooKeeper(File dataDir, Duration sessionTimeout) throws Exception {
        int tick = (int) Math.max(50, sessionTimeout.toMillis() / 10);
        server = new TestingServer(new InstanceSpec(dataDir, -1, -1, -1, false, 1, tick, 200), true);
    }

    /** {@code host:port} of the server. */
    public String connectString() {
        return server.getConnectString();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", server.getPort());
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
