package io.enif.meta.state;

import io.enif.common.HostPort;
import io.enif.proto.base.gpid;
import io.enif.proto.base.host_port;
import io.enif.proto.base.rpc_address;
import io.enif.proto.layer2.partition_configuration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Converts {@link PartitionConfig} to and from the Thrift {@code partition_configuration}.
 *
 * <p>Writing fills both the {@code rpc_address} fields and their {@code hp_*} host:port twins (DESIGN §2.2). An
 * {@code rpc_address} holds only an IPv4 address, so a node named by host name needs a resolver; the default one
 * converts IPv4 literals and writes the invalid (zero) address for anything else. Reading prefers the {@code hp_*}
 * twins and falls back to the {@code rpc_address} fields when a peer did not set them.
 */
public final class PartitionConfigCodec {

    /** The default resolver: IPv4 literals only, the invalid address otherwise. */
    public static final Function<HostPort, rpc_address> LITERAL_ONLY = PartitionConfigCodec::literalAddress;

    private PartitionConfigCodec() {}

    /** The Thrift form of {@code pc}, resolving addresses with {@link #LITERAL_ONLY}. */
    public static partition_configuration toThrift(PartitionConfig pc) {
        return toThrift(pc, LITERAL_ONLY);
    }

    /** The Thrift form of {@code pc}, with {@code resolver} giving each node's {@code rpc_address}. */
    public static partition_configuration toThrift(PartitionConfig pc, Function<HostPort, rpc_address> resolver) {
        partition_configuration out = new partition_configuration();
        out.setPid(gpid.of(pc.gpid()));
        out.setBallot(pc.ballot());
        out.setMax_replica_count(pc.maxReplicaCount());
        out.setPrimary(pc.hasPrimary() ? resolver.apply(pc.primary()) : rpc_address.none());
        out.setSecondaries(addresses(pc.secondaries(), resolver));
        out.setLast_drops(addresses(pc.lastDrops(), resolver));
        out.setLast_committed_decree(pc.lastCommittedDecree());
        out.setPartition_flags(pc.partitionFlags());
        out.setHp_primary(pc.hasPrimary() ? host_port.of(pc.primary()) : new host_port());
        out.setHp_secondaries(hostPorts(pc.secondaries()));
        out.setHp_last_drops(hostPorts(pc.lastDrops()));
        return out;
    }

    /**
     * The domain form of {@code in}.
     *
     * @throws IllegalArgumentException when the struct has no pid or its members are inconsistent
     */
    public static PartitionConfig fromThrift(partition_configuration in) {
        if (in.getPid() == null) {
            throw new IllegalArgumentException("partition_configuration without pid");
        }
        HostPort primary = null;
        if (in.isSetHp_primary() && in.getHp_primary().isValid()) {
            primary = in.getHp_primary().toHostPort();
        } else if (in.getPrimary() != null) {
            primary = in.getPrimary().toHostPort();
        }
        return new PartitionConfig(
                in.getPid().toGpid(),
                in.getBallot(),
                in.getMax_replica_count(),
                primary,
                members(in.isSetHp_secondaries() ? in.getHp_secondaries() : null, in.getSecondaries()),
                members(in.isSetHp_last_drops() ? in.getHp_last_drops() : null, in.getLast_drops()),
                in.getLast_committed_decree(),
                in.getPartition_flags());
    }

    private static List<HostPort> members(List<host_port> hostPorts, List<rpc_address> addresses) {
        List<HostPort> result = new ArrayList<>();
        if (hostPorts != null) {
            for (host_port hp : hostPorts) {
                if (hp.isValid()) {
                    result.add(hp.toHostPort());
                }
            }
        } else if (addresses != null) {
            for (rpc_address address : addresses) {
                if (address.isValid()) {
                    result.add(address.toHostPort());
                }
            }
        }
        return result;
    }

    private static List<rpc_address> addresses(List<HostPort> nodes, Function<HostPort, rpc_address> resolver) {
        List<rpc_address> result = new ArrayList<>(nodes.size());
        for (HostPort node : nodes) {
            result.add(resolver.apply(node));
        }
        return result;
    }

    private static List<host_port> hostPorts(List<HostPort> nodes) {
        List<host_port> result = new ArrayList<>(nodes.size());
        for (HostPort node : nodes) {
            result.add(host_port.of(node));
        }
        return result;
    }

    private static rpc_address literalAddress(HostPort node) {
        try {
            return rpc_address.fromHostPort(node);
        } catch (IllegalArgumentException notALiteral) {
            return rpc_address.none();
        }
    }
}
