package io.enif.meta.state;

import io.enif.proto.layer2.app_info;
import io.enif.proto.layer2.app_status;
import java.util.HashMap;
import java.util.Map;

/**
 * Converts {@link TableInfo} to and from the Thrift {@code app_info} (spec/protocol.md §10: {@code app_type} "pegasus",
 * {@code is_stateful}, {@code init_partition_count} = partition count).
 */
public final class TableInfoCodec {

    private TableInfoCodec() {}

    /** The Thrift form of {@code info}. */
    public static app_info toThrift(TableInfo info) {
        app_info out = new app_info();
        out.setStatus(app_status.findByValue(info.status().value()));
        out.setApp_type(info.appType());
        out.setApp_name(info.appName());
        out.setApp_id(info.appId());
        out.setPartition_count(info.partitionCount());
        out.setEnvs(new HashMap<>(info.envs()));
        out.setIs_stateful(info.stateful());
        out.setMax_replica_count(info.maxReplicaCount());
        out.setExpire_second(info.expireSecond());
        out.setCreate_second(info.createSecond());
        out.setDrop_second(info.dropSecond());
        out.setDuplicating(false);
        out.setInit_partition_count(info.partitionCount());
        out.setIs_bulk_loading(false);
        out.setAtomic_idempotent(false);
        return out;
    }

    /**
     * The domain form of {@code in}.
     *
     * @throws IllegalArgumentException when required fields are missing or out of range
     */
    public static TableInfo fromThrift(app_info in) {
        if (in.getStatus() == null || in.getApp_name() == null) {
            throw new IllegalArgumentException("app_info without status or name: " + in);
        }
        Map<String, String> envs = in.getEnvs() == null ? Map.of() : in.getEnvs();
        return new TableInfo(
                in.getApp_id(),
                in.getApp_name(),
                in.getApp_type() == null ? TableInfo.PEGASUS_APP_TYPE : in.getApp_type(),
                AppStatus.fromValue(in.getStatus().getValue()),
                in.getPartition_count(),
                in.getMax_replica_count(),
                envs,
                in.isIs_stateful(),
                in.getCreate_second(),
                in.getDrop_second(),
                in.getExpire_second());
    }
}
