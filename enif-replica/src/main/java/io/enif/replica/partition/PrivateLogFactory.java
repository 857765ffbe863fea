package io.enif.replica.partition;

import io.enif.replica.plog.PrivateLog;
import java.nio.file.Path;

/** Opens (or creates) the private log in a directory: a replica's {@code plog/}, or log files copied for learning. */
@FunctionalInterface
public interface PrivateLogFactory {
    PrivateLog open(Path dir);
}
