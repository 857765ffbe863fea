package io.enif.replica.meta;

import io.enif.common.Gpid;
import io.enif.replica.partition.PartitionRunner;
import java.util.Collection;

/** The replicas a server hosts, as the meta link sees them. Thread-safe. */
public interface HostedReplicas {
    /** Every hosted replica's runner. */
    Collection<PartitionRunner> runners();

    /** The runner of {@code gpid}, or null. */
    PartitionRunner get(Gpid gpid);

    /** The meta server says {@code gpid}'s replica here is garbage: close it and move its directory aside. */
    void garbage(Gpid gpid);
}
