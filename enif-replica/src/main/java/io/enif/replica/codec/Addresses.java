package io.enif.replica.codec;

import io.enif.common.HostPort;
import io.enif.proto.base.host_port;
import io.enif.proto.base.rpc_address;
import java.util.ArrayList;
import java.util.List;

/** {@link HostPort} to and from the wire's {@code rpc_address} and {@code host_port}. */
public final class Addresses {
    private Addresses() {}

    /** The {@code rpc_address} of a node: its IPv4 literal, or the invalid address for a host name or null. */
    public static rpc_address address(HostPort node) {
        if (node == null) {
            return rpc_address.none();
        }
        try {
            return rpc_address.fromHostPort(node);
        } catch (IllegalArgumentException notALiteral) {
            return rpc_address.none();
        }
    }

    /** The {@code host_port} of a node, or the invalid one for null. */
    public static host_port hostPort(HostPort node) {
        return node == null ? new host_port() : host_port.of(node);
    }

    /** The node a field pair names: the {@code hp_*} twin when set and valid, else the address; null when neither. */
    public static HostPort node(host_port hp, rpc_address address) {
        if (hp != null && hp.isValid()) {
            return hp.toHostPort();
        }
        if (address != null && address.isValid()) {
            return address.toHostPort();
        }
        return null;
    }

    public static List<rpc_address> addresses(List<HostPort> nodes) {
        List<rpc_address> out = new ArrayList<>(nodes.size());
        nodes.forEach(n -> out.add(address(n)));
        return out;
    }

    public static List<host_port> hostPorts(List<HostPort> nodes) {
        List<host_port> out = new ArrayList<>(nodes.size());
        nodes.forEach(n -> out.add(hostPort(n)));
        return out;
    }

    /** The nodes of a list pair: the {@code hp_*} list when present, else the addresses; invalid entries skipped. */
    public static List<HostPort> nodes(List<host_port> hps, List<rpc_address> addresses) {
        List<HostPort> out = new ArrayList<>();
        if (hps != null) {
            for (host_port hp : hps) {
                if (hp != null && hp.isValid()) {
                    out.add(hp.toHostPort());
                }
            }
        } else if (addresses != null) {
            for (rpc_address a : addresses) {
                if (a != null && a.isValid()) {
                    out.add(a.toHostPort());
                }
            }
        }
        return out;
    }
}
