package io.enif.meta.server;

import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.meta.level.MetaFunctionLevel;
import io.enif.meta.level.MetaLevelView;
import io.enif.meta.state.AppStatus;
import io.enif.meta.state.PartitionConfig;
import io.enif.meta.state.TableInfoCodec;
import io.enif.meta.state.TableState;
import io.enif.proto.admin.configuration_cluster_info_request;
import io.enif.proto.admin.configuration_cluster_info_response;
import io.enif.proto.admin.configuration_get_max_replica_count_request;
import io.enif.proto.admin.configuration_get_max_replica_count_response;
import io.enif.proto.admin.configuration_list_apps_request;
import io.enif.proto.admin.configuration_list_apps_response;
import io.enif.proto.admin.configuration_list_nodes_request;
import io.enif.proto.admin.configuration_list_nodes_response;
import io.enif.proto.admin.configuration_meta_control_request;
import io.enif.proto.admin.configuration_meta_control_response;
import io.enif.proto.admin.meta_function_level;
import io.enif.proto.admin.node_info;
import io.enif.proto.admin.node_status;
import io.enif.proto.admin.query_cfg_request;
import io.enif.proto.admin.query_cfg_response;
import io.enif.proto.layer2.partition_configuration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read-mostly RPCs of clients and admin tools ({@code spec/protocol.md} §10, {@code spec/internal-rpc.md} §3.3):
 * query_cfg, list_apps, list_nodes, cluster_info, get/set meta level, get replica count. A server that does not act
 * as leader answers {@code err = ERR_FORWARD_TO_OTHERS}; its query_cfg answer names the leader in {@code
 * partitions[0].primary}, so clients go straight there.
 */
final class ClusterQueries {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterQueries.class);

    private final MetaService service;

    ClusterQueries(MetaService service) {
        this.service = service;
    }

    query_cfg_response queryConfig(query_cfg_request request) {
        query_cfg_response response = new query_cfg_response();
        response.setPartitions(new ArrayList<>());
        Optional<LeaderState> acting = service.acting();
        if (acting.isEmpty()) {
            response.setErr(ThriftViews.err(service.notActingError()));
            service.otherLeader().ifPresent(leader -> response.getPartitions().add(leaderHint(leader)));
            return response;
        }
        Optional<TableState> table = acting.get().liveTable(String.valueOf(request.getApp_name()));
        if (table.isEmpty()) {
            response.setErr(ThriftViews.err(ErrorCode.ERR_OBJECT_NOT_FOUND));
            return response;
        }
        TableState t = table.get();
        response.setErr(ThriftViews.err(ErrorCode.ERR_OK));
        response.setApp_id(t.appId());
        response.setPartition_count(t.info().partitionCount());
        response.setIs_stateful(t.info().stateful());
        List<Integer> wanted = new ArrayList<>();
        if (request.getPartition_indices() != null) {
            for (int index : request.getPartition_indices()) {
                if (index >= 0 && index < t.partitions().size()) {
                    wanted.add(index);
                }
            }
        }
        if (wanted.isEmpty()) {
            t.partitions().forEach(pc -> response.getPartitions().add(ThriftViews.pc(pc)));
        } else {
            wanted.forEach(i -> response.getPartitions().add(ThriftViews.pc(t.partition(i))));
        }
        return response;
    }

    /** The one-entry partition list of a forward: only {@code primary} (and its twin) set, to the leader. */
    private static partition_configuration leaderHint(HostPort leader) {
        partition_configuration hint = new partition_configuration();
        hint.setPrimary(ThriftViews.address(leader));
        hint.setHp_primary(ThriftViews.hostPort(leader));
        hint.setSecondaries(new ArrayList<>());
        hint.setLast_drops(new ArrayList<>());
        return hint;
    }

    configuration_list_apps_response listApps(configuration_list_apps_request request) {
        configuration_list_apps_response response = new configuration_list_apps_response();
        response.setInfos(new ArrayList<>());
        Optional<LeaderState> acting = service.acting();
        if (acting.isEmpty()) {
            response.setErr(ThriftViews.err(service.notActingError()));
            return response;
        }
        boolean filtered = request.isSetApp_name_pattern() && request.isSetMatch_type();
        if (filtered && !AppNameMatcher.supported(request.getMatch_type())) {
            response.setErr(ThriftViews.err(ErrorCode.ERR_NOT_IMPLEMENTED));
            response.setHint_message("match type " + request.getMatch_type() + " is not supported");
            return response;
        }
        int wantedStatus = request.getStatus() == null ? 0 : request.getStatus().getValue();
        long now = service.nowSecond();
        for (TableState table : acting.get().cluster.allTables()) {
            if (table.info().expiredAt(now)) {
                continue;
            }
            if (wantedStatus != AppStatus.AS_INVALID.value()
                    && wantedStatus != table.info().status().value()) {
                continue;
            }
            if (filtered
                    && !AppNameMatcher.matches(
                            table.info().appName(), request.getApp_name_pattern(), request.getMatch_type())) {
                continue;
            }
            response.getInfos().add(TableInfoCodec.toThrift(table.info()));
        }
        response.setErr(ThriftViews.err(ErrorCode.ERR_OK));
        return response;
    }

    configuration_list_nodes_response listNodes(configuration_list_nodes_request request) {
        configuration_list_nodes_response response = new configuration_list_nodes_response();
        response.setInfos(new ArrayList<>());
        Optional<LeaderState> acting = service.acting();
        if (acting.isEmpty()) {
            response.setErr(ThriftViews.err(service.notActingError()));
            return response;
        }
        int wanted = request.getStatus() == null ? 0 : request.getStatus().getValue();
        LeaderState state = acting.get();
        for (boolean alive : new boolean[] {true, false}) {
            node_status status = alive ? node_status.NS_ALIVE : node_status.NS_UNALIVE;
            if (wanted != 0 && wanted != status.getValue()) {
                continue;
            }
            for (HostPort node : alive ? state.fd.aliveNodes() : state.fd.deadNodes()) {
                node_info info = new node_info();
                info.setStatus(status);
                info.setNode(ThriftViews.address(node));
                info.setHp_node(ThriftViews.hostPort(node));
                response.getInfos().add(info);
            }
        }
        response.setErr(ThriftViews.err(ErrorCode.ERR_OK));
        return response;
    }

    configuration_cluster_info_response clusterInfo(configuration_cluster_info_request request) {
        configuration_cluster_info_response response = new configuration_cluster_info_response();
        response.setKeys(new ArrayList<>());
        response.setValues(new ArrayList<>());
        Optional<LeaderState> acting = service.acting();
        if (acting.isEmpty()) {
            response.setErr(ThriftViews.err(service.notActingError()));
            return response;
        }
        LeaderState state = acting.get();
        MetaServerConfig config = service.config;
        List<String> metas = config.serverList().isEmpty()
                ? List.of(service.self.toString())
                : config.serverList().stream().map(HostPort::toString).toList();
        ReplicaCounts counts = ReplicaCounts.of(state);
        add(response, "meta_servers", String.join(",", metas));
        add(response, "primary_meta_server", service.self.toString());
        add(response, "zookeeper_hosts", config.zkHosts());
        add(response, "zookeeper_root", config.paths().clusterRoot());
        add(
                response,
                "meta_function_level",
                service.levelView(state).effective().displayName());
        add(response, "balance_operation_count", "move_pri=0,copy_pri=0,copy_sec=0,total=0");
        add(response, "primary_replica_count_stddev", String.format(Locale.ROOT, "%.2f", counts.primaryStddev()));
        add(response, "total_replica_count_stddev", String.format(Locale.ROOT, "%.2f", counts.totalStddev()));
        add(response, "cluster_name", config.clusterName());
        add(response, "leader_epoch", Long.toString(state.epoch()));
        response.setErr(ThriftViews.err(ErrorCode.ERR_OK));
        return response;
    }

    private static void add(configuration_cluster_info_response response, String key, String value) {
        response.getKeys().add(key);
        response.getValues().add(value);
    }

    /**
     * Reads ({@code fl_invalid}) or sets the configured level; the answer always carries the level before the call.
     * Setting a level up to steady discards every queued proposal.
     */
    configuration_meta_control_response controlMeta(configuration_meta_control_request request) {
        configuration_meta_control_response response = new configuration_meta_control_response();
        Optional<LeaderState> acting = service.acting();
        if (acting.isEmpty()) {
            response.setErr(ThriftViews.err(service.notActingError()));
            return response;
        }
        LeaderState state = acting.get();
        MetaFunctionLevel old = state.configuredLevel;
        response.setOld_level(meta_function_level.findByValue(old.value()));
        int wanted = request.getLevel() == null
                ? meta_function_level.fl_invalid.getValue()
                : request.getLevel().getValue();
        if (wanted != meta_function_level.fl_invalid.getValue()) {
            MetaFunctionLevel level;
            try {
                level = MetaFunctionLevel.fromValue(wanted);
            } catch (IllegalArgumentException e) {
                response.setErr(ThriftViews.err(ErrorCode.ERR_INVALID_PARAMETERS));
                return response;
            }
            state.configuredLevel = level;
            if (level.clearsQueuedProposals()) {
                state.book = state.book.withoutQueuedProposals();
            }
            MetaLevelView view = service.levelView(state);
            LOG.info("meta server {}: {} (was {})", service.self, view.describe(), old.thriftName());
        }
        response.setErr(ThriftViews.err(ErrorCode.ERR_OK));
        return response;
    }

    configuration_get_max_replica_count_response getMaxReplicaCount(
            configuration_get_max_replica_count_request request) {
        configuration_get_max_replica_count_response response = new configuration_get_max_replica_count_response();
        response.setHint_message("");
        Optional<LeaderState> acting = service.acting();
        if (acting.isEmpty()) {
            response.setErr(ThriftViews.err(service.notActingError()));
            return response;
        }
        Optional<TableState> table = acting.get().liveTable(String.valueOf(request.getApp_name()));
        if (table.isEmpty()) {
            response.setErr(ThriftViews.err(ErrorCode.ERR_APP_NOT_EXIST));
            response.setHint_message("app(" + request.getApp_name() + ") does not exist");
            return response;
        }
        for (PartitionConfig pc : table.get().partitions()) {
            if (pc.maxReplicaCount() != table.get().info().maxReplicaCount()) {
                response.setErr(ThriftViews.err(ErrorCode.ERR_INCONSISTENT_STATE));
                response.setHint_message("partition " + pc.gpid() + " has max_replica_count " + pc.maxReplicaCount()
                        + " but the table has " + table.get().info().maxReplicaCount());
                return response;
            }
        }
        response.setErr(ThriftViews.err(ErrorCode.ERR_OK));
        response.setMax_replica_count(table.get().info().maxReplicaCount());
        return response;
    }
}
