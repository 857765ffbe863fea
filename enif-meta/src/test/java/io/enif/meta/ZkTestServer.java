package io.enif.meta;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;

/**
 * An embedded ZooKeeper for tests, with a short tick (200 ms) so that sessions of one to a few seconds are allowed,
 * and the Curator clients made for it; closing it closes them all.
 */
public final class ZkTestServer implements AutoCloseable {

    private final TestingServer server;
    private final List<CuratorFramework> clients = new ArrayList<>();

    public ZkTestServer(File dataDir) throws Exception {
        InstanceSpec spec = new InstanceSpec(dataDir, -1, -1, -1, false, 1, 200, 100);
        server = new TestingServer(spec, true);
    }

    public String connectString() {
        return server.getConnectString();
    }

    /** A started client with the given session timeout. */
    public synchronized CuratorFramework client(int sessionTimeoutMs) throws InterruptedException {
        CuratorFramework client = CuratorFrameworkFactory.builder()
                .connectString(connectString())
                .sessionTimeoutMs(sessionTimeoutMs)
                .connectionTimeoutMs(sessionTimeoutMs)
                .retryPolicy(new ExponentialBackoffRetry(100, 3))
                .build();
        client.start();
        client.blockUntilConnected();
        clients.add(client);
        return client;
    }

    /** Polls {@code condition} every 20 ms until it holds or {@code timeout} passes; returns whether it held. */
    public static boolean await(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
        }
        return true;
    }

    @Override
    public synchronized void close() throws IOException {
        for (CuratorFramework client : clients) {
            client.close();
        }
        server.close();
    }
}
