package io.enif.client.ops;

import io.enif.proto.admin.app_env_operation;
import io.enif.proto.admin.configuration_cluster_info_request;
import io.enif.proto.admin.configuration_cluster_info_response;
import io.enif.proto.admin.configuration_list_nodes_request;
import io.enif.proto.admin.configuration_list_nodes_response;
import io.enif.proto.admin.configuration_meta_control_request;
import io.enif.proto.admin.configuration_meta_control_response;
import io.enif.proto.admin.configuration_recall_app_request;
import io.enif.proto.admin.configuration_recall_app_response;
import io.enif.proto.admin.configuration_update_app_env_request;
import io.enif.proto.admin.configuration_update_app_env_response;
import io.enif.proto.admin.meta_function_level;
import io.enif.proto.admin.node_status;
import io.enif.proto.frame.ArgsField;
import io.enif.proto.rpc.MetaRpcs;
import io.enif.proto.rpc.RpcSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.thrift.TBase;

/**
 * The meta server's cluster and table-settings calls as {@link MetaOp}s: list_nodes, cluster_info, control_meta,
 * recall_app and update_app_env. Each response's {@code err} field is read by a small function.
 */
public final class AdminMetaOps {
    private AdminMetaOps() {}

    /** A meta call with a fixed request struct. */
    private static final class Simple<P extends TBase<?, ?>> extends MetaOp<P> {
        private final String name;
        private final TBase<?, ?> request;
        private final Function<P, io.enif.proto.base.error_code> err;

        Simple(RpcSpec spec, String name, TBase<?, ?> request, Function<P, io.enif.proto.base.error_code> err) {
            super(spec);
            this.name = name;
            this.request = request;
            this.err = err;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public ArgsField args() {
            return ArgsField.struct(request);
        }

        @Override
        public String err(P response) {
            return name(err.apply(response));
        }
    }

    /** {@code RPC_CM_LIST_NODES}, nodes of every status. */
    public static MetaOp<configuration_list_nodes_response> listNodes() {
        configuration_list_nodes_request request = new configuration_list_nodes_request();
        request.status = node_status.NS_INVALID;
        return new Simple<>(MetaRpcs.RPC_CM_LIST_NODES, "list_nodes", request, r -> r.err);
    }

    /** {@code RPC_CM_CLUSTER_INFO}. */
    public static MetaOp<configuration_cluster_info_response> clusterInfo() {
        return new Simple<>(
                MetaRpcs.RPC_CM_CLUSTER_INFO, "cluster_info", new configuration_cluster_info_request(), r -> r.err);
    }

    /** {@code RPC_CM_CONTROL_META}: {@code fl_invalid} only reads the level. */
    public static MetaOp<configuration_meta_control_response> controlMeta(meta_function_level level) {
        configuration_meta_control_request request = new configuration_meta_control_request();
        request.level = level;
        return new Simple<>(MetaRpcs.RPC_CM_CONTROL_META, "control_meta", request, r -> r.err);
    }

    /** {@code RPC_CM_RECALL_APP}. */
    public static MetaOp<configuration_recall_app_response> recallApp(int appId, String newName) {
        return new Simple<>(
                MetaRpcs.RPC_CM_RECALL_APP,
                "recall_app(" + appId + ")",
                new configuration_recall_app_request(appId, newName),
                r -> r.err);
    }

    /** {@code RPC_CM_UPDATE_APP_ENV} with {@code APP_ENV_OP_SET}. */
    public static MetaOp<configuration_update_app_env_response> setAppEnvs(
            String app, List<String> keys, List<String> values) {
        configuration_update_app_env_request request = envRequest(app, app_env_operation.APP_ENV_OP_SET);
        request.keys = new ArrayList<>(keys);
        request.values = new ArrayList<>(values);
        return new Simple<>(MetaRpcs.RPC_CM_UPDATE_APP_ENV, "set_app_envs(" + app + ")", request, r -> r.err);
    }

    /** {@code RPC_CM_UPDATE_APP_ENV} with {@code APP_ENV_OP_DEL}. */
    public static MetaOp<configuration_update_app_env_response> delAppEnvs(String app, List<String> keys) {
        configuration_update_app_env_request request = envRequest(app, app_env_operation.APP_ENV_OP_DEL);
        request.keys = new ArrayList<>(keys);
        return new Simple<>(MetaRpcs.RPC_CM_UPDATE_APP_ENV, "del_app_envs(" + app + ")", request, r -> r.err);
    }

    /** {@code RPC_CM_UPDATE_APP_ENV} with {@code APP_ENV_OP_CLEAR}: {@code prefix} empty clears every env. */
    public static MetaOp<configuration_update_app_env_response> clearAppEnvs(String app, String prefix) {
        configuration_update_app_env_request request = envRequest(app, app_env_operation.APP_ENV_OP_CLEAR);
        request.setClear_prefix(prefix);
        return new Simple<>(MetaRpcs.RPC_CM_UPDATE_APP_ENV, "clear_app_envs(" + app + ")", request, r -> r.err);
    }

    private static configuration_update_app_env_request envRequest(String app, app_env_operation op) {
        configuration_update_app_env_request request = new configuration_update_app_env_request();
        request.app_name = app;
        request.op = op;
        return request;
    }
}
