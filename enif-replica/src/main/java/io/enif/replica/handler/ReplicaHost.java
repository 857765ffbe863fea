package io.enif.replica.handler;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.proto.layer2.app_info;
import io.enif.replica.partition.PartitionRunner;

/** What the handlers need from the replica manager: the replicas this server hosts. Thread-safe. */
public interface ReplicaHost {
    /** This server's address. */
    HostPort self();

    /** The runner of a hosted replica, or null when this server does not host {@code gpid}. */
    PartitionRunner get(Gpid gpid);

    /**
     * The runner of {@code gpid}, creating a new, empty replica of table {@code app} when none is hosted (a new
     * partition assigned to this server, or a learner). Null when it cannot be created.
     */
    PartitionRunner getOrCreate(Gpid gpid, app_info app);

    /** {@code max_allowed_write_size}: the largest client write accepted, in bytes. */
    int maxAllowedWriteSize();
}
