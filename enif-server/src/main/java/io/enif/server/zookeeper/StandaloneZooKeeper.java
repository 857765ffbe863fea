package io.enif.server.zookeeper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Properties;
import org.apache.zookeeper.server.embedded.ExitHandler;
import org.apache.zookeeper.server.embedded.ZooKeeperServerEmbedded;

/**
 * A standalone ZooKeeper server run by ZooKeeper's own embedded-server classes: what {@code enif zookeeper} runs for
 * the onebox (DESIGN §10, "The onebox's ZooKeeper") and what tests start on port 0. Not for production, where a real
 * ZooKeeper ensemble is used.
 *
 * <p>The server keeps its snapshots and transaction logs under {@code <dir>/data}, answers the four-letter words
 * {@code ruok}, {@code srvr}, {@code stat} and {@code mntr}, purges old snapshots hourly, and runs no admin HTTP server.
 */
public final class StandaloneZooKeeper implements AutoCloseable {
    /** ZooKeeper's tick; sessions may last from 2 to 20 ticks (4 s to 40 s). */
    public static final int DEFAULT_TICK_MS = 2_000;

    private static final String GENERATED_CONFIG_PREFIX = "zookeeper.configuration";

    private final ZooKeeperServerEmbedded server;
    private final String host;
    private final int port;
    private final Path dir;

    private StandaloneZooKeeper(ZooKeeperServerEmbedded server, String host, int port, Path dir) {
        this.server = server;
        this.host = host;
        this.port = port;
        this.dir = dir;
    }

    /**
     * Starts a server and waits until it serves.
     *
     * @param dir the server's directory (created if missing); its data is under {@code dir/data}
     * @param host the address to bind, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
     * @param port the client port; 0 binds a free one
     * @param tickMs ZooKeeper's tick
     * @param exitOnFailure whether ZooKeeper may end the process when its server dies (true for {@code enif
     *     zookeeper}, false inside another process)
     * @throws IOException when the directory cannot be written or the server does not start (e.g. the port is taken)
     */
    public static StandaloneZooKeeper start(Path dir, String host, int port, int tickMs, boolean exitOnFailure)
            throws IOException {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is not in 0..65535");
        }
        if (tickMs < 1) {
            throw new IllegalArgumentException("tick " + tickMs + " ms is not positive");
        }
        requireFreePort(host, port);
        Path base = dir.toAbsolutePath();
        Files.createDirectories(base.resolve("data"));
        deleteGeneratedConfigs(base);
        Properties properties = new Properties();
        properties.setProperty("clientPort", Integer.toString(port));
        properties.setProperty("clientPortAddress", host);
        properties.setProperty("dataDir", base.resolve("data").toString());
        properties.setProperty("tickTime", Integer.toString(tickMs));
        properties.setProperty("admin.enableServer", "false");
        properties.setProperty("4lw.commands.whitelist", "ruok,srvr,stat,mntr");
        properties.setProperty("autopurge.snapRetainCount", "3");
        properties.setProperty("autopurge.purgeInterval", "1");
        properties.setProperty("maxCnxns", "1000");
        ZooKeeperServerEmbedded server;
        try {
            server = ZooKeeperServerEmbedded.builder()
                    .baseDir(base)
                    .configuration(properties)
                    .exitHandler(exitOnFailure ? ExitHandler.EXIT : ExitHandler.LOG_ONLY)
                    .build();
            server.start(30_000);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("ZooKeeper did not start on " + host + ":" + port + ": " + describe(e), e);
        }
        String connect;
        try {
            connect = server.getConnectionString();
        } catch (Exception e) {
            server.close();
            throw new IOException("ZooKeeper started but reports no address: " + describe(e), e);
        }
        int bound =
                Integer.parseInt(connect.substring(connect.lastIndexOf(':') + 1).strip());
        return new StandaloneZooKeeper(server, host, bound, base);
    }

    /** The client port actually bound. */
    public int port() {
        return port;
    }

    /** {@code host:port} for clients ({@code 127.0.0.1} when bound to every address). */
    public String connectString() {
        return (host.equals("0.0.0.0") ? "127.0.0.1" : host) + ":" + port;
    }

    /** The server's directory. */
    public Path dir() {
        return dir;
    }

    /** Stops the server; its data stays. */
    @Override
    public void close() {
        server.close();
    }

    /**
     * Fails at once when the port is taken: ZooKeeper's embedded server only logs a failed bind, and its start would
     * wait for the whole timeout.
     */
    private static void requireFreePort(String host, int port) throws IOException {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new IOException(
                    "ZooKeeper did not start on " + host + ":" + port + ": the port is in use (" + e.getMessage() + ")",
                    e);
        }
    }

    /** ZooKeeper writes a fresh properties file into the base directory at every start; keep only the latest. */
    private static void deleteGeneratedConfigs(Path base) throws IOException {
        try (DirectoryStream<Path> old = Files.newDirectoryStream(base, GENERATED_CONFIG_PREFIX + "*")) {
            for (Path file : old) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }
}
