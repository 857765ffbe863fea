package io.enif.meta.server;

import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.meta.state.ConfigType;
import io.enif.meta.state.PartitionConfig;
import io.enif.meta.state.PartitionConfigCodec;
import io.enif.meta.state.TableInfo;
import io.enif.meta.state.TableInfoCodec;
import io.enif.proto.base.error_code;
import io.enif.proto.base.host_port;
import io.enif.proto.base.rpc_address;
import io.enif.proto.layer2.partition_configuration;
import io.enif.proto.replication.config_type;
import io.enif.proto.replication.configuration_update_request;

/**
 * The Thrift forms the meta server answers with. Every address is written twice, as {@code rpc_address} and as its
 * {@code hp_*} twin (DESIGN §2.2); an address that is not an IPv4 literal has the invalid {@code rpc_address}.
 */
final class ThriftViews {

    private ThriftViews() {}

    static error_code err(ErrorCode code) {
        return error_code.of(code);
    }

    static partition_configuration pc(PartitionConfig pc) {
        return PartitionConfigCodec.toThrift(pc);
    }

    static rpc_address address(HostPort node) {
        try {
            return rpc_address.fromHostPort(node);
        } catch (IllegalArgumentException notALiteral) {
            return rpc_address.none();
        }
    }

    static host_port hostPort(HostPort node) {
        return host_port.of(node);
    }

    /** The node a request names: its {@code hp_*} field when set and valid, else its {@code rpc_address}. */
    static HostPort node(host_port hp, rpc_address address) {
        if (hp != null && hp.isValid()) {
            return hp.toHostPort();
        }
        if (address != null && address.isValid()) {
            return address.toHostPort();
        }
        return null;
    }

    /** A configuration update as the meta server sends it in proposals and config-sync answers. */
    static configuration_update_request update(
            TableInfo info, PartitionConfig pc, ConfigType type, HostPort node, HostPort hostNode) {
        configuration_update_request request = new configuration_update_request();
        request.setInfo(TableInfoCodec.toThrift(info));
        request.setConfig(pc(pc));
        request.setType(config_type.findByValue(type.value()));
        request.setNode(node == null ? rpc_address.none() : address(node));
        if (node != null) {
            request.setHp_node(hostPort(node));
        }
        request.setHost_node(hostNode == null ? rpc_address.none() : address(hostNode));
        return request;
    }
}
