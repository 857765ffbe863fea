package io.enif.replica.partition;

import io.enif.common.Gpid;
import io.enif.storage.PartitionStore;
import java.nio.file.Path;

/** Opens (or creates) a partition store in a directory, with the server's store options and shared block cache. */
@FunctionalInterface
public interface StoreFactory {
    PartitionStore open(Gpid gpid, Path rdbDir);
}
