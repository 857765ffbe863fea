package io.enif.proto.rpc;

import static io.enif.proto.rpc.RpcSpec.call;

import io.enif.proto.admin.configuration_balancer_request;
import io.enif.proto.admin.configuration_balancer_response;
import io.enif.proto.admin.configuration_cluster_info_request;
import io.enif.proto.admin.configuration_cluster_info_response;
import io.enif.proto.admin.configuration_create_app_request;
import io.enif.proto.admin.configuration_create_app_response;
import io.enif.proto.admin.configuration_drop_app_request;
import io.enif.proto.admin.configuration_drop_app_response;
import io.enif.proto.admin.configuration_get_atomic_idempotent_request;
import io.enif.proto.admin.configuration_get_atomic_idempotent_response;
import io.enif.proto.admin.configuration_get_max_replica_count_request;
import io.enif.proto.admin.configuration_get_max_replica_count_response;
import io.enif.proto.admin.configuration_list_apps_request;
import io.enif.proto.admin.configuration_list_apps_response;
import io.enif.proto.admin.configuration_list_nodes_request;
import io.enif.proto.admin.configuration_list_nodes_response;
import io.enif.proto.admin.configuration_meta_control_request;
import io.enif.proto.admin.configuration_meta_control_response;
import io.enif.proto.admin.configuration_recall_app_request;
import io.enif.proto.admin.configuration_recall_app_response;
import io.enif.proto.admin.configuration_recovery_request;
import io.enif.proto.admin.configuration_recovery_response;
import io.enif.proto.admin.configuration_rename_app_request;
import io.enif.proto.admin.configuration_rename_app_response;
import io.enif.proto.admin.configuration_set_atomic_idempotent_request;
import io.enif.proto.admin.configuration_set_atomic_idempotent_response;
import io.enif.proto.admin.configuration_set_max_replica_count_request;
import io.enif.proto.admin.configuration_set_max_replica_count_response;
import io.enif.proto.admin.configuration_update_app_env_request;
import io.enif.proto.admin.configuration_update_app_env_response;
import io.enif.proto.admin.ddd_diagnose_request;
import io.enif.proto.admin.ddd_diagnose_response;
import io.enif.proto.admin.query_app_manual_compact_request;
import io.enif.proto.admin.query_app_manual_compact_response;
import io.enif.proto.admin.query_cfg_request;
import io.enif.proto.admin.query_cfg_response;
import io.enif.proto.admin.start_app_manual_compact_request;
import io.enif.proto.admin.start_app_manual_compact_response;
import java.util.List;

/**
 * The meta server's table and cluster RPCs, sent by clients and admin tools (spec/protocol.md §6,
 * spec/internal-rpc.md §3, §4). Backup, bulk load, duplication and split have their own families.
 */
public final class MetaRpcs {
    private static final RpcServer M = RpcServer.META;

    // ---- tables ----

    public static final RpcSpec RPC_CM_QUERY_PARTITION_CONFIG_BY_INDEX =
            call("RPC_CM_QUERY_PARTITION_CONFIG_BY_INDEX", M, query_cfg_request::new, query_cfg_response::new);
    public static final RpcSpec RPC_CM_CREATE_APP =
            call("RPC_CM_CREATE_APP", M, configuration_create_app_request::new, configuration_create_app_response::new);
    public static final RpcSpec RPC_CM_DROP_APP =
            call("RPC_CM_DROP_APP", M, configuration_drop_app_request::new, configuration_drop_app_response::new);
    public static final RpcSpec RPC_CM_LIST_APPS =
            call("RPC_CM_LIST_APPS", M, configuration_list_apps_request::new, configuration_list_apps_response::new);
    public static final RpcSpec RPC_CM_RECALL_APP =
            call("RPC_CM_RECALL_APP", M, configuration_recall_app_request::new, configuration_recall_app_response::new);
    public static final RpcSpec RPC_CM_RENAME_APP =
            call("RPC_CM_RENAME_APP", M, configuration_rename_app_request::new, configuration_rename_app_response::new);
    public static final RpcSpec RPC_CM_UPDATE_APP_ENV = call(
            "RPC_CM_UPDATE_APP_ENV",
            M,
            configuration_update_app_env_request::new,
            configuration_update_app_env_response::new);
    public static final RpcSpec RPC_CM_GET_MAX_REPLICA_COUNT = call(
            "RPC_CM_GET_MAX_REPLICA_COUNT",
            M,
            configuration_get_max_replica_count_request::new,
            configuration_get_max_replica_count_response::new);
    public static final RpcSpec RPC_CM_SET_MAX_REPLICA_COUNT = call(
            "RPC_CM_SET_MAX_REPLICA_COUNT",
            M,
            configuration_set_max_replica_count_request::new,
            configuration_set_max_replica_count_response::new);
    public static final RpcSpec RPC_CM_GET_ATOMIC_IDEMPOTENT = call(
            "RPC_CM_GET_ATOMIC_IDEMPOTENT",
            M,
            configuration_get_atomic_idempotent_request::new,
            configuration_get_atomic_idempotent_response::new);
    public static final RpcSpec RPC_CM_SET_ATOMIC_IDEMPOTENT = call(
            "RPC_CM_SET_ATOMIC_IDEMPOTENT",
            M,
            configuration_set_atomic_idempotent_request::new,
            configuration_set_atomic_idempotent_response::new);
    public static final RpcSpec RPC_CM_START_MANUAL_COMPACT = call(
            "RPC_CM_START_MANUAL_COMPACT",
            M,
            start_app_manual_compact_request::new,
            start_app_manual_compact_response::new);
    public static final RpcSpec RPC_CM_QUERY_MANUAL_COMPACT_STATUS = call(
            "RPC_CM_QUERY_MANUAL_COMPACT_STATUS",
            M,
            query_app_manual_compact_request::new,
            query_app_manual_compact_response::new);

    // ---- cluster ----

    public static final RpcSpec RPC_CM_LIST_NODES =
            call("RPC_CM_LIST_NODES", M, configuration_list_nodes_request::new, configuration_list_nodes_response::new);
    public static final RpcSpec RPC_CM_CLUSTER_INFO = call(
            "RPC_CM_CLUSTER_INFO",
            M,
            configuration_cluster_info_request::new,
            configuration_cluster_info_response::new);
    /** Get ({@code fl_invalid}) or set the meta level. */
    public static final RpcSpec RPC_CM_CONTROL_META = call(
            "RPC_CM_CONTROL_META",
            M,
            configuration_meta_control_request::new,
            configuration_meta_control_response::new);
    /** The shell's {@code balance} and {@code propose}. */
    public static final RpcSpec RPC_CM_PROPOSE_BALANCER = call(
            "RPC_CM_PROPOSE_BALANCER", M, configuration_balancer_request::new, configuration_balancer_response::new);

    public static final RpcSpec RPC_CM_DDD_DIAGNOSE =
            call("RPC_CM_DDD_DIAGNOSE", M, ddd_diagnose_request::new, ddd_diagnose_response::new);
    /** Only while the meta server is in recovery mode. */
    public static final RpcSpec RPC_CM_START_RECOVERY =
            call("RPC_CM_START_RECOVERY", M, configuration_recovery_request::new, configuration_recovery_response::new);

    private static final List<RpcSpec> ALL = List.of(
            RPC_CM_QUERY_PARTITION_CONFIG_BY_INDEX,
            RPC_CM_CREATE_APP,
            RPC_CM_DROP_APP,
            RPC_CM_LIST_APPS,
            RPC_CM_RECALL_APP,
            RPC_CM_RENAME_APP,
            RPC_CM_UPDATE_APP_ENV,
            RPC_CM_GET_MAX_REPLICA_COUNT,
            RPC_CM_SET_MAX_REPLICA_COUNT,
            RPC_CM_GET_ATOMIC_IDEMPOTENT,
            RPC_CM_SET_ATOMIC_IDEMPOTENT,
            RPC_CM_START_MANUAL_COMPACT,
            RPC_CM_QUERY_MANUAL_COMPACT_STATUS,
            RPC_CM_LIST_NODES,
            RPC_CM_CLUSTER_INFO,
            RPC_CM_CONTROL_META,
            RPC_CM_PROPOSE_BALANCER,
            RPC_CM_DDD_DIAGNOSE,
            RPC_CM_START_RECOVERY);

    private MetaRpcs() {}

    /** Every RPC of this family. */
    public static List<RpcSpec> all() {
        return ALL;
    }
}
