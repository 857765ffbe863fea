package io.enif.test.sim;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.replication.ConfigType;
import io.enif.replication.PartitionConfiguration;
import io.enif.replication.message.ReplicaMessage;
import io.enif.replication.ready.Ready;
import io.enif.test.history.Op;
import java.util.List;

/** The payloads the simulated network carries, one record per RPC the real servers exchange. */
final class SimMessages {
    private SimMessages() {}

    /** Replica server → meta: a failure-detector beacon sent at local time {@code sentMs}. */
    record Beacon(long sentMs, long startTimeMs) {}

    /** Meta → replica server: the beacon is acknowledged. */
    record BeaconAck(long sentMs, boolean allowed) {}

    /** Replica ↔ replica: a PacificA message of one partition. */
    record ToReplica(Gpid gpid, ReplicaMessage message) {}

    /** Replica → meta: {@code RPC_CM_UPDATE_PARTITION_CONFIGURATION}. */
    record UpdateRequest(Gpid gpid, Ready.UpdateConfiguration update) {}

    /** Meta → replica: the answer to an update. */
    record UpdateReply(Gpid gpid, ErrorCode error, PartitionConfiguration config) {}

    /** Replica or client → meta: the stored configuration of one partition. */
    record QueryConfig(Gpid gpid) {}

    /** Meta → replica or client: the answer to a query. */
    record QueryConfigReply(Gpid gpid, PartitionConfiguration config) {}

    /** What a replica server stores of one partition, as config sync reports it. */
    record StoredReplica(Gpid gpid, long ballot, long lastCommittedDecree, long lastPreparedDecree) {}

    /** Replica server → meta: config sync, listing every stored replica. */
    record ConfigSync(List<StoredReplica> stored, long sentMs) {}

    /** Meta → replica server: every partition it is a member of ({@code ok} false: not now, ask again). */
    record ConfigSyncReply(boolean ok, List<PartitionConfiguration> memberOf) {}

    /** Meta → replica server: something about one partition. */
    record ToNode(Gpid gpid, Object payload) {}

    /** Meta → replica server: {@code RPC_CONFIG_PROPOSAL}. */
    record Proposal(ConfigType type, HostPort node, PartitionConfiguration config) {}

    /** Client → replica server: a data request. */
    record ClientRequest(long id, Gpid gpid, String hashKey, Op op) {}

    /** Replica server → client: the answer. */
    record ClientReply(long id, ErrorCode error, Object result) {}
}
