package io.enif.test.minicluster;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.proto.admin.query_cfg_response;
import io.enif.proto.base.rpc_address;
import io.enif.proto.key.KeyCodec;
import io.enif.proto.layer2.partition_configuration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A table's partitions as one {@code query_cfg} answer showed them, read the way Pegasus's Java client reads them
 * (the {@code rpc_address} fields), with the client's routing: a key goes to partition {@code crc64(hash key) mod
 * partition count}.
 *
 * @param appId the table's id
 * @param partitions the partition configurations, by partition index
 */
public record TableRoutes(int appId, List<partition_configuration> partitions) {

    public TableRoutes {
        partitions = partitions.stream()
                .sorted(Comparator.comparingInt(pc -> pc.getPid().toGpid().partitionIndex()))
                .toList();
    }

    /** The routes in {@code response}; it must be {@code ERR_OK}. */
    public static TableRoutes of(query_cfg_response response) {
        if (!"ERR_OK".equals(response.getErr().name())) {
            throw new IllegalStateException(
                    "query_cfg answered " + response.getErr().name());
        }
        return new TableRoutes(response.getApp_id(), response.getPartitions());
    }

    public int partitionCount() {
        return partitions.size();
    }

    /** The partition {@code index}. */
    public Gpid gpid(int index) {
        return new Gpid(appId, index);
    }

    /** The partition an encoded key (see {@link KeyCodec#encode}) routes to. */
    public Gpid gpidOf(byte[] key) {
        return gpid(KeyCodec.partitionIndex(KeyCodec.partitionHash(key), partitionCount()));
    }

    public partition_configuration config(Gpid gpid) {
        return partitions.get(gpid.partitionIndex());
    }

    /** The primary of {@code gpid}, or null when it has none. */
    public HostPort primary(Gpid gpid) {
        rpc_address primary = config(gpid).getPrimary();
        return primary != null && primary.isValid() ? primary.toHostPort() : null;
    }

    public List<HostPort> secondaries(Gpid gpid) {
        return config(gpid).getSecondaries().stream()
                .map(rpc_address::toHostPort)
                .toList();
    }

    /** The primary and the secondaries of {@code gpid}. */
    public List<HostPort> members(Gpid gpid) {
        HostPort primary = primary(gpid);
        List<HostPort> secondaries = secondaries(gpid);
        return primary == null
                ? secondaries
                : Stream.concat(Stream.of(primary), secondaries.stream()).toList();
    }

    /** Whether every partition has a primary and {@code replicaCount - 1} secondaries. */
    public boolean isHealthy(int replicaCount) {
        for (int i = 0; i < partitionCount(); i++) {
            Gpid gpid = gpid(i);
            if (primary(gpid) == null || secondaries(gpid).size() != replicaCount - 1) {
                return false;
            }
        }
        return true;
    }

    /** Whether every partition has a primary other than {@code node} and none lists {@code node} as a member. */
    public boolean isServedWithout(HostPort node) {
        for (int i = 0; i < partitionCount(); i++) {
            Gpid gpid = gpid(i);
            if (primary(gpid) == null || members(gpid).contains(node)) {
                return false;
            }
        }
        return true;
    }

    /** One line per partition: gpid, ballot, primary, secondaries. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        for (partition_configuration pc : partitions) {
            Gpid gpid = pc.getPid().toGpid();
            out.append(String.format(
                    "%s ballot=%d primary=%s secondaries=%s%n",
                    gpid, pc.getBallot(), primary(gpid), secondaries(gpid)));
        }
        return out.toString();
    }
}
