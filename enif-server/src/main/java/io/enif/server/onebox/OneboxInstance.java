package io.enif.server.onebox;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One process of the onebox and its directory: {@code config.ini} (generated), {@code result} (its stdout and stderr),
 * {@code pid}, {@code address} ({@code host:port} it serves), and whatever the process keeps under {@code data/}.
 *
 * @param role the role name ({@code meta}, {@code replica}) or {@code zookeeper}
 * @param index 1.. for servers, 0 for ZooKeeper
 * @param dir the instance's directory
 */
public record OneboxInstance(String role, int index, Path dir) {

    public OneboxInstance {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(dir, "dir");
    }

    /** How Pegasus's scripts name it: {@code meta@1}, {@code replica@2}, {@code zookeeper}. */
    public String label() {
        return index > 0 ? role + "@" + index : role;
    }

    /** The generated config. */
    public Path configFile() {
        return dir.resolve("config.ini");
    }

    /** Where the process's stdout and stderr go. */
    public Path resultFile() {
        return dir.resolve("result");
    }

    /** The process id of the running process. */
    public Path pidFile() {
        return dir.resolve("pid");
    }

    /** The {@code host:port} the process serves. */
    public Path addressFile() {
        return dir.resolve("address");
    }

    /** The instance's data. */
    public Path dataDir() {
        return dir.resolve("data");
    }
}
