package io.enif.shell;

import io.enif.client.ops.MetaOp;
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
import io.enif.proto.base.error_code;
import io.enif.proto.frame.ArgsField;
import io.enif.proto.rpc.MetaRpcs;
import java.util.ArrayList;
import java.util.List;
import org.apache.thrift.TBase;

/** The meta server calls the shell needs and the client does not make: one small {@link MetaOp} each. */
final class AdminOps {
    private AdminOps() {}

    private static String errName(error_code err) {
        return err == null ? "ERR_OK" : err.name();
    }

    /** A meta call whose response has an {@code err} field read by {@code errOf}. */
    private abstract static class Simple<P extends TBase<?, ?>> extends MetaOp<P> {
        private final String name;
        private final TBase<?, ?> request;

        Simple(io.enif.proto.rpc.RpcSpec spec, String name, TBase<?, ?> request) {
            super(spec);
            this.name = name;
            this.request = request;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public ArgsField args() {
            return ArgsField.struct(request);
        }
    }

    /** {@code RPC_CM_LIST_NODES}, every status. */
    static MetaOp<configuration_list_nodes_response> listNodes() {
        configuration_list_nodes_request request = new configuration_list_nodes_request();
        request.status = node_status.NS_INVALID;
        return new Simple<>(MetaRpcs.RPC_CM_LIST_NODES, "list_nodes", request) {
            @Override
            public String err(configuration_list_nodes_response response) {
                return errName(response.err);
            }
        };
    }

    /** {@code RPC_CM_CLUSTER_INFO}. */
    static MetaOp<configuration_cluster_info_response> clusterInfo() {
        return new Simple<>(MetaRpcs.RPC_CM_CLUSTER_INFO, "cluster_info", new configuration_cluster_info_request()) {
            @Override
            public String err(configuration_cluster_info_response response) {
                return errName(response.err);
            }
        };
    }

    /** {@code RPC_CM_CONTROL_META}: {@code fl_invalid} only reads the level. */
    static MetaOp<configuration_meta_control_response> controlMeta(meta_function_level level) {
        configuration_meta_control_request request = new configuration_meta_control_request();
        request.level = level;
        return new Simple<>(MetaRpcs.RPC_CM_CONTROL_META, "control_meta", request) {
            @Override
            public String err(configuration_meta_control_response response) {
                return errName(response.err);
            }
        };
    }

    /** {@code RPC_CM_RECALL_APP}. */
    static MetaOp<configuration_recall_app_response> recallApp(int appId, String newName) {
        configuration_recall_app_request request = new configuration_recall_app_request(appId, newName);
        return new Simple<>(MetaRpcs.RPC_CM_RECALL_APP, "recall_app(" + appId + ")", request) {
            @Override
            public String err(configuration_recall_app_response response) {
                return errName(response.err);
            }
        };
    }

    /** {@code RPC_CM_UPDATE_APP_ENV} with {@code APP_ENV_OP_SET}. */
    static MetaOp<configuration_update_app_env_response> setAppEnvs(
            String app, List<String> keys, List<String> values) {
        configuration_update_app_env_request request = new configuration_update_app_env_request();
        request.app_name = app;
        request.op = app_env_operation.APP_ENV_OP_SET;
        request.keys = new ArrayList<>(keys);
        request.values = new ArrayList<>(values);
        return new Simple<>(MetaRpcs.RPC_CM_UPDATE_APP_ENV, "update_app_env(" + app + ")", request) {
            @Override
            public String err(configuration_update_app_env_response response) {
                return errName(response.err);
            }
        };
    }
}
