package io.enif.server.role;

import io.enif.common.config.Config;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One kind of server process the launcher runs: {@code enif <name> -c <ini>} (DESIGN §1). Each role is one small class
 * named in {@code META-INF/services/io.enif.server.role.ServerRole}; {@link ServerRoles#discover()} finds them, the
 * launcher adds a subcommand for each, and {@code enif onebox} starts instances of the roles it finds.
 *
 * <p>Adding the replica server is one class: {@code name()} {@code "replica"}, default port 34801, its onebox data
 * directories from {@link #oneboxSettings}, and {@link #start} building the server from the config.
 */
public interface ServerRole {

    /** The subcommand and the {@code [apps.<name>]} section of the RPC port, e.g. {@code meta}. */
    String name();

    /** One line for {@code enif --help}. */
    String description();

    /** The RPC port when {@code [apps.<name>] ports} is absent (Pegasus's: 34601 for meta, 34801 for replica). */
    int defaultPort();

    /** The heap ({@code -Xmx}) of one onebox instance, small enough for the whole onebox to fit in 4 GB. */
    String oneboxHeap();

    /**
     * What a onebox instance of this role adds to its generated config, as {@code section.key=value} lines (the same
     * form as command-line overrides), e.g. its data directories under {@code instanceDir}.
     */
    default List<String> oneboxSettings(Path instanceDir) {
        return List.of();
    }

    /**
     * Starts a server of this role configured by {@code config}, serving RPC (and HTTP) on {@code host:port}.
     *
     * @throws IOException when the port cannot be bound or a dependency (ZooKeeper, a data dir) is unreachable
     * @throws IllegalArgumentException when a value of the config is unusable
     */
    RunningServer start(Config config, String host, int port) throws IOException;
}
