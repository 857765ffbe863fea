package io.enif.server.onebox;

import io.enif.common.HostPort;
import io.enif.server.role.ServerRole;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where the onebox's processes live and listen (DESIGN §1, {@code spec/client-and-shell.md} §D): ZooKeeper on 22181,
 * meta servers on 34601.., replica servers on 34801.., every one on {@code 127.0.0.1}, each in its own directory
 * {@code <root>/<role><n>} ({@code <root>/zookeeper} for ZooKeeper).
 *
 * <p>{@code --base-port N} shifts every port by {@code N - 34600}: meta {@code i} listens on {@code N + i}, replica
 * {@code j} on {@code N + 200 + j}, ZooKeeper on {@code 22181 + (N - 34600)}; so two oneboxes (or a test and a
 * developer's onebox) can run side by side in different directories.
 *
 * @param root the onebox directory, {@code ./onebox} by default
 * @param host the address every process binds and advertises
 * @param basePort the base port, {@value #DEFAULT_BASE_PORT} by default
 */
public record OneboxLayout(Path root, String host, int basePort) {
    /** The default base: metas on 34601.., replicas on 34801... */
    public static final int DEFAULT_BASE_PORT = 34_600;

    /** The onebox ZooKeeper's port at the default base (Pegasus's onebox port). */
    public static final int DEFAULT_ZOOKEEPER_PORT = 22_181;

    /** The onebox's host. */
    public static final String LOOPBACK = "127.0.0.1";

    /** The directory name of the onebox's ZooKeeper. */
    public static final String ZOOKEEPER = "zookeeper";

    private static final int LOWEST_PORT = 1_024;
    private static final int HIGHEST_PORT = 65_535;
    /** The most instances of a role a onebox runs (ports stay within a block of 100). */
    public static final int MAX_INSTANCES = 99;

    public OneboxLayout {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(host, "host");
        int zk = DEFAULT_ZOOKEEPER_PORT + basePort - DEFAULT_BASE_PORT;
        int highest = basePort + 200 + MAX_INSTANCES;
        if (zk < LOWEST_PORT || highest > HIGHEST_PORT) {
            throw new IllegalArgumentException("base port " + basePort + " is out of range: it must put ZooKeeper ("
                    + zk + ") at or above " + LOWEST_PORT + " and the last replica port (" + highest + ") at or below "
                    + HIGHEST_PORT + ", so use a base port in " + lowestBase() + ".." + highestBase());
        }
    }

    /** The default layout under {@code root}. */
    public static OneboxLayout of(Path root) {
        return new OneboxLayout(root, LOOPBACK, DEFAULT_BASE_PORT);
    }

    /** The smallest base port accepted. */
    public static int lowestBase() {
        return LOWEST_PORT - DEFAULT_ZOOKEEPER_PORT + DEFAULT_BASE_PORT;
    }

    /** The largest base port accepted. */
    public static int highestBase() {
        return HIGHEST_PORT - 200 - MAX_INSTANCES;
    }

    /** ZooKeeper's client port. */
    public int zookeeperPort() {
        return DEFAULT_ZOOKEEPER_PORT + basePort - DEFAULT_BASE_PORT;
    }

    /** ZooKeeper's address. */
    public HostPort zookeeper() {
        return new HostPort(host, zookeeperPort());
    }

    /** The RPC port of instance {@code index} (1-based) of {@code role}: its default port shifted. */
    public int port(ServerRole role, int index) {
        requireIndex(index);
        return role.defaultPort() + index - 1 + basePort - DEFAULT_BASE_PORT;
    }

    /** The address of instance {@code index} of {@code role}. */
    public HostPort address(ServerRole role, int index) {
        return new HostPort(host, port(role, index));
    }

    /** The addresses of the first {@code count} instances of {@code role}. */
    public List<HostPort> addresses(ServerRole role, int count) {
        List<HostPort> all = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            all.add(address(role, i));
        }
        return all;
    }

    /** Instance {@code index} of the role named {@code role}: {@code <root>/<role><index>}. */
    public OneboxInstance instance(String role, int index) {
        requireIndex(index);
        return new OneboxInstance(role, index, root.resolve(role + index));
    }

    /** The onebox's ZooKeeper: {@code <root>/zookeeper}. */
    public OneboxInstance zookeeperInstance() {
        return new OneboxInstance(ZOOKEEPER, 0, root.resolve(ZOOKEEPER));
    }

    /** The ZooKeeper node of the onebox's metadata, as Pegasus's onebox names it. */
    public String clusterRoot() {
        return "/pegasus/onebox/" + host;
    }

    private static void requireIndex(int index) {
        if (index < 1 || index > MAX_INSTANCES) {
            throw new IllegalArgumentException("instance " + index + " is not in 1.." + MAX_INSTANCES);
        }
    }
}
