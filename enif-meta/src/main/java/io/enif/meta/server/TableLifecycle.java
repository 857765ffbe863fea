package io.enif.meta.server;

import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.meta.guardian.CureContext;
import io.enif.meta.level.MetaAction;
import io.enif.meta.state.AppStatus;
import io.enif.meta.state.ConfigType;
import io.enif.meta.state.ConfigUpdate;
import io.enif.meta.state.PartitionConfig;
import io.enif.meta.state.PartitionConfigChanges;
import io.enif.meta.state.TableInfo;
import io.enif.meta.state.TableInfoCodec;
import io.enif.meta.state.TableState;
import io.enif.meta.store.StoreBatch;
import io.enif.proto.admin.configuration_create_app_request;
import io.enif.proto.admin.configuration_create_app_response;
import io.enif.proto.admin.configuration_drop_app_request;
import io.enif.proto.admin.configuration_drop_app_response;
import io.enif.proto.admin.configuration_recall_app_request;
import io.enif.proto.admin.configuration_recall_app_response;
import io.enif.proto.admin.create_app_options;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creating, dropping and recalling tables ({@code spec/protocol.md} §10, {@code spec/internal-rpc.md} §3.3), with
 * Pegasus's errors. Each change is one atomic store write of the table and all its partitions; the answer is sent
 * once it is persisted.
 *
 * <p>Choices: a table is never left in a staging status (creating, dropping, recalling), since its write is atomic; at
 * the stopped and blind levels, where partition writes are postponed, drop and recall are refused with {@code
 * ERR_STATE_FREEZED} instead of being parked.
 */
final class TableLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(TableLifecycle.class);

    private final MetaService service;
    private final CureLoop cure;

    TableLifecycle(MetaService service, CureLoop cure) {
        this.service = service;
        this.cure = cure;
    }

    configuration_create_app_response createApp(configuration_create_app_request request) {
        configuration_create_app_response response = new configuration_create_app_response();
        Optional<LeaderState> acting = service.acting();
        if (acting.isEmpty()) {
            return response.setErr(ThriftViews.err(service.notActingError()));
        }
        LeaderState state = acting.get();
        if (!service.levelView(state).permission(MetaAction.CREATE_TABLE).proceeds()) {
            return response.setErr(ThriftViews.err(ErrorCode.ERR_STATE_FREEZED));
        }
        create_app_options options = request.getOptions();
        Map<String, String> envs = options == null || options.getEnvs() == null ? Map.of() : options.getEnvs();
        Optional<String> problem = options == null
                ? Optional.of("no options")
                : TableRules.nameProblem(request.getApp_name())
                        .or(() -> TableRules.partitionCountProblem(options.getPartition_count()))
                        .or(() -> TableRules.replicaCountProblem(options.getReplica_count(), service.config))
                        .or(() -> TableRules.envsProblem(envs));
        if (problem.isPresent()) {
            LOG.info(
                    "meta server {} refuses to create table {}: {}",
                    service.self,
                    request.getApp_name(),
                    problem.get());
            return response.setErr(ThriftViews.err(ErrorCode.ERR_INVALID_PARAMETERS));
        }
        Optional<TableState> existing = state.liveTable(request.getApp_name());
        if (existing.isPresent()) {
            TableInfo info = existing.get().info();
            if (!options.isSuccess_if_exist()) {
                return response.setErr(ThriftViews.err(ErrorCode.ERR_APP_EXIST));
            }
            if (!sameOptions(info, options, envs)) {
                return response.setErr(ThriftViews.err(ErrorCode.ERR_INVALID_PARAMETERS));
            }
            return response.setErr(ThriftViews.err(ErrorCode.ERR_OK)).setAppid(info.appId());
        }
        String appType = options.getApp_type() == null || options.getApp_type().isEmpty()
                ? TableInfo.PEGASUS_APP_TYPE
                : options.getApp_type();
        TableInfo info = new TableInfo(
                state.nextAppId,
                request.getApp_name(),
                appType,
                AppStatus.AS_AVAILABLE,
                options.getPartition_count(),
                options.getReplica_count(),
                envs,
                options.isIs_stateful(),
                service.nowSecond(),
                0,
                0);
        ErrorCode result = create(state, info);
        response.setErr(ThriftViews.err(result));
        if (result == ErrorCode.ERR_OK) {
            response.setAppid(info.appId());
        }
        return response;
    }

    private static boolean sameOptions(TableInfo info, create_app_options options, Map<String, String> envs) {
        return info.partitionCount() == options.getPartition_count()
                && info.maxReplicaCount() == options.getReplica_count()
                && info.stateful() == options.isIs_stateful()
                && info.envs().equals(new HashMap<>(envs))
                && (options.getApp_type() == null || info.appType().equals(options.getApp_type()));
    }

    /** Persists and registers a new table; on success the next app id moves on. */
    private ErrorCode create(LeaderState state, TableInfo info) {
        TableState table = TableState.created(info);
        ErrorCode result = service.persist(state, StoreBatch.createTable(table));
        if (result == ErrorCode.ERR_OK) {
            state.cluster = state.cluster.withTable(table);
            state.nextAppId = Math.max(state.nextAppId, info.appId() + 1);
            LOG.info(
                    "meta server {} created table {} (app id {}, {} partitions x {})",
                    service.self,
                    info.appName(),
                    info.appId(),
                    info.partitionCount(),
                    info.maxReplicaCount());
            cure.requestCure(state);
        }
        return result;
    }

    /** Creates the {@code [meta_server.apps.*]} tables of a cluster that has none at all (DEP-2). */
    void createBootstrapTables(LeaderState state) {
        if (!state.cluster.allTables().isEmpty()) {
            return;
        }
        for (BootstrapTable bootstrap : service.config.bootstrapTables()) {
            Optional<String> problem = TableRules.nameProblem(bootstrap.appName())
                    .or(() -> TableRules.partitionCountProblem(bootstrap.partitionCount()))
                    .or(() -> TableRules.replicaCountProblem(bootstrap.maxReplicaCount(), service.config));
            if (problem.isPresent()) {
                LOG.error("meta server {}: bootstrap table skipped: {}", service.self, problem.get());
                continue;
            }
            if (state.liveTable(bootstrap.appName()).isPresent()) {
                continue;
            }
            TableInfo info = new TableInfo(
                    state.nextAppId,
                    bootstrap.appName(),
                    bootstrap.appType(),
                    AppStatus.AS_AVAILABLE,
                    bootstrap.partitionCount(),
                    bootstrap.maxReplicaCount(),
                    Map.of(),
                    bootstrap.stateful(),
                    service.nowSecond(),
                    0,
                    0);
            if (create(state, info) != ErrorCode.ERR_OK) {
                return;
            }
        }
    }

    configuration_drop_app_response dropApp(configuration_drop_app_request request) {
        configuration_drop_app_response response = new configuration_drop_app_response();
        Optional<LeaderState> acting = service.acting();
        if (acting.isEmpty()) {
            return response.setErr(ThriftViews.err(service.notActingError()));
        }
        LeaderState state = acting.get();
        Optional<TableState> table = state.liveTable(String.valueOf(request.getApp_name()));
        if (table.isEmpty()) {
            boolean ok = request.getOptions() != null && request.getOptions().isSuccess_if_not_exist();
            return response.setErr(ThriftViews.err(ok ? ErrorCode.ERR_OK : ErrorCode.ERR_APP_NOT_EXIST));
        }
        if (!service.levelView(state)
                .permission(MetaAction.PERSIST_PARTITION_CONFIG)
                .proceeds()) {
            return response.setErr(ThriftViews.err(ErrorCode.ERR_STATE_FREEZED));
        }
        long now = service.nowSecond();
        long reserve = request.getOptions() != null
                        && request.getOptions().isSetReserve_seconds()
                        && request.getOptions().getReserve_seconds() > 0
                ? request.getOptions().getReserve_seconds()
                : service.config.holdForDroppedApp().toSeconds();
        TableInfo dropped = table.get().info().dropped(now, now + reserve);
        List<ConfigUpdate> updates = new ArrayList<>();
        for (PartitionConfig pc : table.get().partitions()) {
            if (!pc.isDropped()) {
                HostPort any =
                        pc.members().isEmpty() ? service.self : pc.members().get(0);
                updates.add(ConfigUpdate.of(pc, ConfigType.DROP_PARTITION, any));
            }
        }
        List<PartitionConfig> configs =
                updates.stream().map(ConfigUpdate::config).toList();
        ErrorCode result =
                service.persist(state, StoreBatch.table(dropped, configs, "drop table " + dropped.appName()));
        if (result == ErrorCode.ERR_OK) {
            state.cluster =
                    state.cluster.withTable(new TableState(dropped, table.get().partitions()));
            updates.forEach(update -> cure.applyPersisted(state, update));
            LOG.info(
                    "meta server {} dropped table {} (app id {}), recallable for {} s",
                    service.self,
                    dropped.appName(),
                    dropped.appId(),
                    reserve);
        }
        return response.setErr(ThriftViews.err(result));
    }

    configuration_recall_app_response recallApp(configuration_recall_app_request request) {
        configuration_recall_app_response response = new configuration_recall_app_response();
        Optional<LeaderState> acting = service.acting();
        if (acting.isEmpty()) {
            return response.setErr(ThriftViews.err(service.notActingError()));
        }
        LeaderState state = acting.get();
        Optional<TableState> table = state.cluster.table(request.getApp_id());
        if (table.isEmpty() || table.get().info().expiredAt(service.nowSecond())) {
            return response.setErr(ThriftViews.err(ErrorCode.ERR_APP_NOT_EXIST));
        }
        TableInfo info = table.get().info();
        if (info.status() != AppStatus.AS_DROPPED) {
            return response.setErr(ThriftViews.err(ErrorCode.ERR_APP_EXIST));
        }
        String newName =
                request.getNew_app_name() == null || request.getNew_app_name().isEmpty()
                        ? info.appName()
                        : request.getNew_app_name();
        if (TableRules.nameProblem(newName).isPresent()
                || state.liveTable(newName).isPresent()) {
            return response.setErr(ThriftViews.err(ErrorCode.ERR_INVALID_PARAMETERS));
        }
        if (!service.levelView(state)
                .permission(MetaAction.PERSIST_PARTITION_CONFIG)
                .proceeds()) {
            return response.setErr(ThriftViews.err(ErrorCode.ERR_STATE_FREEZED));
        }
        TableInfo recalled = info.recalled(newName);
        List<PartitionConfig> partitions = new ArrayList<>();
        for (PartitionConfig pc : table.get().partitions()) {
            partitions.add(pc.isDropped() ? PartitionConfigChanges.recall(pc) : pc);
        }
        ErrorCode result = service.persist(
                state, StoreBatch.table(recalled, partitions, "recall table " + info.appId() + " as " + newName));
        if (result != ErrorCode.ERR_OK) {
            return response.setErr(ThriftViews.err(result));
        }
        state.cluster = state.cluster.withTable(new TableState(recalled, partitions));
        long now = service.nowMs();
        int reserved = service.config.guardian().maxReservedDroppedReplicas();
        for (PartitionConfig pc : partitions) {
            CureContext context = CureContext.EMPTY;
            for (HostPort node : pc.lastDrops()) {
                context = context.withDropRecorded(node, now, pc, reserved);
            }
            state.book = state.book.withContext(pc.gpid(), context);
        }
        LOG.info("meta server {} recalled table {} as {}", service.self, info.appId(), newName);
        cure.requestCure(state);
        return response.setErr(ThriftViews.err(ErrorCode.ERR_OK)).setInfo(TableInfoCodec.toThrift(recalled));
    }
}
