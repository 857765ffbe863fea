package io.enif.client.internal;

import io.enif.client.EnifAdmin;
import io.enif.client.EnifInvalidArgumentException;
import io.enif.client.EnifServerException;
import io.enif.client.EnifTableNotFoundException;
import io.enif.client.TableInfo;
import io.enif.client.ops.AdminMetaOps;
import io.enif.client.ops.CreateAppOp;
import io.enif.client.ops.MetaOp;
import io.enif.client.ops.QueryCfgOp;
import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.proto.admin.configuration_cluster_info_response;
import io.enif.proto.admin.configuration_list_nodes_response;
import io.enif.proto.admin.configuration_recall_app_response;
import io.enif.proto.admin.configuration_update_app_env_response;
import io.enif.proto.admin.meta_function_level;
import io.enif.proto.admin.node_info;
import io.enif.proto.admin.node_status;
import io.enif.proto.admin.query_cfg_response;
import io.enif.proto.base.host_port;
import io.enif.proto.base.rpc_address;
import io.enif.proto.layer2.partition_configuration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.thrift.TBase;

/** {@link EnifAdmin} over the client's meta session: one meta call per method, its {@code err} checked. */
final class DefaultEnifAdmin implements EnifAdmin {
    private final MetaSession meta;
    private final Supplier<List<TableInfo>> allTables;

    DefaultEnifAdmin(MetaSession meta, Supplier<List<TableInfo>> allTables) {
        this.meta = meta;
        this.allTables = allTables;
    }

    @Override
    public String metaServers() {
        return meta.metaServers().stream().map(HostPort::toString).collect(Collectors.joining(","));
    }

    @Override
    public List<NodeInfo> listNodes() {
        configuration_list_nodes_response response = call(AdminMetaOps.listNodes());
        List<NodeInfo> nodes = new ArrayList<>();
        if (response.infos != null) {
            for (node_info info : response.infos) {
                String address = text(info.hp_node, info.node);
                nodes.add(new NodeInfo(address == null ? "?" : address, info.status == node_status.NS_ALIVE));
            }
        }
        return nodes;
    }

    @Override
    public Map<String, String> clusterInfo() {
        configuration_cluster_info_response response = call(AdminMetaOps.clusterInfo());
        Map<String, String> info = new LinkedHashMap<>();
        if (response.keys != null && response.values != null) {
            for (int i = 0; i < Math.min(response.keys.size(), response.values.size()); i++) {
                info.put(response.keys.get(i), response.values.get(i));
            }
        }
        return info;
    }

    @Override
    public TableConfig queryConfig(String tableName) {
        requireName("queryConfig", tableName);
        QueryCfgOp op = new QueryCfgOp(tableName);
        query_cfg_response response = Futures.await(meta.call(op));
        String err = op.err(response);
        if (ErrorCode.ERR_OBJECT_NOT_FOUND.wireName().equals(err)) {
            throw new EnifTableNotFoundException(tableName, "no such table: '" + tableName + "'");
        }
        requireOk(op.name(), err, null);
        List<PartitionConfig> partitions = new ArrayList<>();
        if (response.partitions != null) {
            for (partition_configuration pc : response.partitions) {
                List<String> secondaries = new ArrayList<>();
                if (pc.hp_secondaries != null && !pc.hp_secondaries.isEmpty()) {
                    pc.hp_secondaries.forEach(s -> secondaries.add(text(s, null)));
                } else if (pc.secondaries != null) {
                    pc.secondaries.forEach(s -> secondaries.add(text(null, s)));
                }
                secondaries.removeIf(Objects::isNull);
                partitions.add(new PartitionConfig(
                        pc.pid == null ? partitions.size() : pc.pid.partitionIndex(),
                        pc.ballot,
                        pc.max_replica_count,
                        text(pc.hp_primary, pc.primary),
                        List.copyOf(secondaries)));
            }
        }
        return new TableConfig(tableName, response.app_id, response.partition_count, List.copyOf(partitions));
    }

    @Override
    public void sendCreateApp(String tableName, int partitionCount, int replicaCount, Map<String, String> envs) {
        requireName("createApp", tableName);
        call(new CreateAppOp(tableName, partitionCount, replicaCount, envs == null ? Map.of() : envs, false));
    }

    @Override
    public String recallApp(int appId, String newName) {
        configuration_recall_app_response response =
                call(AdminMetaOps.recallApp(appId, newName == null ? "" : newName));
        return response.info == null || response.info.app_name == null ? newName : response.info.app_name;
    }

    @Override
    public String metaLevel() {
        return call(AdminMetaOps.controlMeta(meta_function_level.fl_invalid))
                .old_level
                .name();
    }

    @Override
    public String setMetaLevel(String level) {
        meta_function_level parsed;
        try {
            parsed = meta_function_level.valueOf(level.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new EnifInvalidArgumentException("unknown meta level '" + level + "'");
        }
        if (parsed == meta_function_level.fl_invalid) {
            throw new EnifInvalidArgumentException("unknown meta level '" + level + "'");
        }
        return call(AdminMetaOps.controlMeta(parsed)).old_level.name();
    }

    @Override
    public Map<String, String> getAppEnvs(String tableName) {
        requireName("getAppEnvs", tableName);
        for (TableInfo t : allTables.get()) {
            if (t.name().equals(tableName) && "AS_AVAILABLE".equals(t.status())) {
                return new TreeMap<>(t.envs());
            }
        }
        throw new EnifTableNotFoundException(tableName, "no such table: '" + tableName + "'");
    }

    @Override
    public void setAppEnvs(String tableName, Map<String, String> envs) {
        requireName("setAppEnvs", tableName);
        if (envs.isEmpty()) {
            throw new EnifInvalidArgumentException("setAppEnvs: no env given");
        }
        envCall(AdminMetaOps.setAppEnvs(tableName, List.copyOf(envs.keySet()), List.copyOf(envs.values())));
    }

    @Override
    public String delAppEnvs(String tableName, List<String> keys) {
        requireName("delAppEnvs", tableName);
        if (keys.isEmpty()) {
            throw new EnifInvalidArgumentException("delAppEnvs: no key given");
        }
        return envCall(AdminMetaOps.delAppEnvs(tableName, keys)).hint_message;
    }

    @Override
    public String clearAppEnvs(String tableName, String prefix) {
        requireName("clearAppEnvs", tableName);
        return envCall(AdminMetaOps.clearAppEnvs(tableName, prefix == null ? "" : prefix)).hint_message;
    }

    private configuration_update_app_env_response envCall(MetaOp<configuration_update_app_env_response> op) {
        configuration_update_app_env_response response = Futures.await(meta.call(op));
        requireOk(op.name(), op.err(response), response.hint_message);
        return response;
    }

    private <P extends TBase<?, ?>> P call(MetaOp<P> op) {
        P response = Futures.await(meta.call(op));
        requireOk(op.name(), op.err(response), null);
        return response;
    }

    private static void requireOk(String what, String err, String hint) {
        if (!ErrorCode.ERR_OK.wireName().equals(err)) {
            String detail = hint == null || hint.isEmpty() ? ErrorHints.of(err) : " (" + hint + ")";
            throw new EnifServerException(err, what + " failed: " + err + detail);
        }
    }

    private static void requireName(String what, String tableName) {
        if (tableName == null || tableName.isEmpty()) {
            throw new EnifInvalidArgumentException(what + ": the table name must not be empty");
        }
    }

    private static String text(host_port hp, rpc_address address) {
        if (hp != null && hp.isValid()) {
            return hp.toHostPort().toString();
        }
        if (address != null && address.isValid()) {
            HostPort parsed = address.toHostPort();
            return parsed == null ? null : parsed.toString();
        }
        return null;
    }
}
