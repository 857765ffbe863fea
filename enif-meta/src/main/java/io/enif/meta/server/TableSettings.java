package io.enif.meta.server;

import io.enif.common.env.AppEnvValidator;
import io.enif.common.env.EnvViolation;
import io.enif.common.error.ErrorCode;
import io.enif.meta.level.MetaAction;
import io.enif.meta.state.AppStatus;
import io.enif.meta.state.PartitionConfig;
import io.enif.meta.state.TableInfo;
import io.enif.meta.state.TableState;
import io.enif.meta.store.StoreBatch;
import io.enif.proto.admin.app_env_operation;
import io.enif.proto.admin.configuration_set_max_replica_count_request;
import io.enif.proto.admin.configuration_set_max_replica_count_response;
import io.enif.proto.admin.configuration_update_app_env_request;
import io.enif.proto.admin.configuration_update_app_env_response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Changing a table's envs and its replica count ({@code spec/internal-rpc.md} §3.3). Envs are validated against the
 * env registry (a request is all or nothing), stored with the table and carried to replica servers by config sync.
 */
final class TableSettings {

    private final MetaService service;
    private final CureLoop cure;

    TableSettings(MetaService service, CureLoop cure) {
        this.service = service;
        this.cure = cure;
    }

    configuration_update_app_env_response updateAppEnv(configuration_update_app_env_request request) {
        configuration_update_app_env_response response = new configuration_update_app_env_response();
        response.setHint_message("");
        Optional<LeaderState> acting = service.acting();
        if (acting.isEmpty()) {
            return response.setErr(ThriftViews.err(service.notActingError()));
        }
        LeaderState state = acting.get();
        Optional<TableState> table = state.liveTable(String.valueOf(request.getApp_name()));
        if (table.isEmpty()) {
            return response.setErr(ThriftViews.err(ErrorCode.ERR_APP_NOT_EXIST))
                    .setHint_message("app(" + request.getApp_name() + ") does not exist");
        }
        Map<String, String> envs = new TreeMap<>(table.get().info().envs());
        app_env_operation op = request.getOp() == null ? app_env_operation.APP_ENV_OP_INVALID : request.getOp();
        String hint = "";
        switch (op) {
            case APP_ENV_OP_SET -> {
                List<String> keys = request.getKeys();
                List<String> values = request.getValues();
                if (keys == null || values == null || keys.isEmpty() || keys.size() != values.size()) {
                    return invalid(response, "SET needs as many keys as values, at least one");
                }
                for (int i = 0; i < keys.size(); i++) {
                    Optional<EnvViolation> violation = AppEnvValidator.check(keys.get(i), values.get(i));
                    if (violation.isPresent()) {
                        return invalid(response, violation.get().message());
                    }
                    envs.put(keys.get(i), values.get(i));
                }
            }
            case APP_ENV_OP_DEL -> {
                if (request.getKeys() == null || request.getKeys().isEmpty()) {
                    return invalid(response, "DEL needs keys");
                }
                List<String> deleted = new ArrayList<>();
                for (String key : request.getKeys()) {
                    if (envs.remove(key) != null) {
                        deleted.add(key);
                    }
                }
                hint = deleted.isEmpty() ? "no key deleted" : "deleted keys: " + String.join(",", deleted);
            }
            case APP_ENV_OP_CLEAR -> {
                if (!request.isSetClear_prefix()) {
                    return invalid(response, "CLEAR needs clear_prefix");
                }
                String prefix = request.getClear_prefix();
                List<String> deleted = new ArrayList<>();
                envs.keySet().removeIf(key -> {
                    boolean match = prefix.isEmpty() || key.startsWith(prefix + ".");
                    if (match) {
                        deleted.add(key);
                    }
                    return match;
                });
                hint = "deleted keys: " + String.join(",", deleted);
            }
            default -> {
                return invalid(response, "unknown app env operation " + op);
            }
        }
        TableInfo updated = table.get().info().withEnvs(envs);
        ErrorCode result =
                service.persist(state, StoreBatch.tableInfo(updated, "update envs of table " + updated.appName()));
        if (result == ErrorCode.ERR_OK) {
            state.cluster =
                    state.cluster.withTable(new TableState(updated, table.get().partitions()));
        }
        return response.setErr(ThriftViews.err(result)).setHint_message(result == ErrorCode.ERR_OK ? hint : "");
    }

    private static configuration_update_app_env_response invalid(
            configuration_update_app_env_response response, String hint) {
        return response.setErr(ThriftViews.err(ErrorCode.ERR_INVALID_PARAMETERS))
                .setHint_message(hint);
    }

    configuration_set_max_replica_count_response setMaxReplicaCount(
            configuration_set_max_replica_count_request request) {
        configuration_set_max_replica_count_response response = new configuration_set_max_replica_count_response();
        response.setHint_message("");
        Optional<LeaderState> acting = service.acting();
        if (acting.isEmpty()) {
            return response.setErr(ThriftViews.err(service.notActingError()));
        }
        LeaderState state = acting.get();
        Optional<TableState> table = state.liveTable(String.valueOf(request.getApp_name()));
        if (table.isEmpty()) {
            return response.setErr(ThriftViews.err(ErrorCode.ERR_APP_NOT_EXIST))
                    .setHint_message("app(" + request.getApp_name() + ") does not exist");
        }
        TableInfo info = table.get().info();
        response.setOld_max_replica_count(info.maxReplicaCount());
        for (PartitionConfig pc : table.get().partitions()) {
            if (pc.maxReplicaCount() != info.maxReplicaCount()) {
                return response.setErr(ThriftViews.err(ErrorCode.ERR_INCONSISTENT_STATE))
                        .setHint_message("partition " + pc.gpid() + " disagrees on max_replica_count");
            }
        }
        if (info.status() != AppStatus.AS_AVAILABLE) {
            return response.setErr(ThriftViews.err(ErrorCode.ERR_INVALID_STATE));
        }
        if (!service.levelView(state)
                .permission(MetaAction.SET_MAX_REPLICA_COUNT)
                .proceeds()) {
            return response.setErr(ThriftViews.err(ErrorCode.ERR_STATE_FREEZED));
        }
        int wanted = request.getMax_replica_count();
        Optional<String> problem = TableRules.replicaCountProblem(wanted, service.config);
        int alive = state.fd.aliveNodes().size();
        if (problem.isEmpty() && wanted > alive) {
            problem = Optional.of("replica count " + wanted + " exceeds the " + alive + " alive replica servers");
        }
        if (problem.isPresent()) {
            return response.setErr(ThriftViews.err(ErrorCode.ERR_INVALID_PARAMETERS))
                    .setHint_message(problem.get());
        }
        if (wanted == info.maxReplicaCount()) {
            return response.setErr(ThriftViews.err(ErrorCode.ERR_OK))
                    .setHint_message("max_replica_count is already " + wanted);
        }
        TableInfo updated = info.withMaxReplicaCount(wanted);
        List<PartitionConfig> partitions = table.get().partitions().stream()
                .map(pc -> pc.withMaxReplicaCount(wanted))
                .toList();
        ErrorCode result = service.persist(
                state,
                StoreBatch.table(updated, partitions, "set max_replica_count of " + info.appName() + " to " + wanted));
        if (result == ErrorCode.ERR_OK) {
            state.cluster = state.cluster.withTable(new TableState(updated, partitions));
            cure.requestCure(state);
        }
        return response.setErr(ThriftViews.err(result));
    }
}
