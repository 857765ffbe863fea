package io.enif.client.ops;

import io.enif.common.HostPort;
import io.enif.proto.admin.query_cfg_request;
import io.enif.proto.admin.query_cfg_response;
import io.enif.proto.frame.ArgsField;
import io.enif.proto.layer2.partition_configuration;
import io.enif.proto.rpc.MetaRpcs;
import java.util.ArrayList;

/**
 * {@code RPC_CM_QUERY_PARTITION_CONFIG_BY_INDEX}: a table's id, partition count and partition map (all partitions).
 * A standby meta server answers {@code ERR_FORWARD_TO_OTHERS} with the leader in {@code partitions[0].primary}.
 */
public final class QueryCfgOp extends MetaOp<query_cfg_response> {
    private final String tableName;

    public QueryCfgOp(String tableName) {
        super(MetaRpcs.RPC_CM_QUERY_PARTITION_CONFIG_BY_INDEX);
        this.tableName = tableName;
    }

    @Override
    public String name() {
        return "query_cfg(" + tableName + ")";
    }

    @Override
    public ArgsField args() {
        return ArgsField.struct(new query_cfg_request(tableName, new ArrayList<>()));
    }

    @Override
    public String err(query_cfg_response response) {
        return name(response.err);
    }

    @Override
    public HostPort forwardAddress(query_cfg_response response) {
        if (response.partitions == null || response.partitions.isEmpty()) {
            return null;
        }
        partition_configuration first = response.partitions.get(0);
        return first.primary == null ? null : first.primary.toHostPort();
    }
}
