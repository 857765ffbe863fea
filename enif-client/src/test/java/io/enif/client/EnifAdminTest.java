package io.enif.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enif.common.HostPort;
import io.enif.common.error.ErrorCode;
import io.enif.proto.admin.app_env_operation;
import io.enif.proto.admin.configuration_cluster_info_request;
import io.enif.proto.admin.configuration_cluster_info_response;
import io.enif.proto.admin.configuration_list_nodes_request;
import io.enif.proto.admin.configuration_list_nodes_response;
import io.enif.proto.admin.configuration_meta_control_request;
import io.enif.proto.admin.configuration_meta_control_response;
import io.enif.proto.admin.configuration_update_app_env_request;
import io.enif.proto.admin.configuration_update_app_env_response;
import io.enif.proto.admin.meta_function_level;
import io.enif.proto.admin.node_info;
import io.enif.proto.admin.node_status;
import io.enif.proto.base.error_code;
import io.enif.proto.base.host_port;
import io.enif.proto.base.rpc_address;
import io.enif.proto.rpc.MetaRpcs;
import io.enif.rpc.RpcDispatcher;
import io.enif.rpc.RpcServer;
import io.enif.rpc.RpcServerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link EnifAdmin} against a scripted meta server: what each call sends, and how answers and refusals come back. */
@Timeout(30)
class EnifAdminTest {
    private final AtomicReference<configuration_update_app_env_request> lastEnvRequest = new AtomicReference<>();
    private final AtomicReference<meta_function_level> level = new AtomicReference<>(meta_function_level.fl_steady);
    private RpcServer meta;
    private EnifClient client;

    @BeforeEach
    void start() throws Exception {
        RpcDispatcher d = new RpcDispatcher();
        d.register(MetaRpcs.RPC_CM_LIST_NODES.name(), configuration_list_nodes_request::new, (ctx, r) -> {
            node_info alive = new node_info();
            alive.status = node_status.NS_ALIVE;
            alive.node = rpc_address.fromHostPort(new HostPort("127.0.0.1", 34801));
            alive.hp_node = host_port.of(new HostPort("127.0.0.1", 34801));
            node_info dead = new node_info();
            dead.status = node_status.NS_UNALIVE;
            dead.node = rpc_address.fromHostPort(new HostPort("127.0.0.1", 34802));
            ctx.reply(new configuration_list_nodes_response(
                    error_code.of(ErrorCode.ERR_OK), new ArrayList<>(List.of(alive, dead))));
        });
        d.register(MetaRpcs.RPC_CM_CLUSTER_INFO.name(), configuration_cluster_info_request::new, (ctx, r) -> {
            configuration_cluster_info_response response = new configuration_cluster_info_response();
            response.err = error_code.of(ErrorCode.ERR_OK);
            response.keys = new ArrayList<>(List.of("meta_servers", "primary_meta_server"));
            response.values = new ArrayList<>(List.of("127.0.0.1:34601", "127.0.0.1:34601"));
            ctx.reply(response);
        });
        d.register(MetaRpcs.RPC_CM_CONTROL_META.name(), configuration_meta_control_request::new, (ctx, r) -> {
            configuration_meta_control_response response = new configuration_meta_control_response();
            response.err = error_code.of(ErrorCode.ERR_OK);
            response.old_level = level.get();
            if (r.level != meta_function_level.fl_invalid) {
                level.set(r.level);
            }
            ctx.reply(response);
        });
        d.register(MetaRpcs.RPC_CM_UPDATE_APP_ENV.name(), configuration_update_app_env_request::new, (ctx, r) -> {
            lastEnvRequest.set(r);
            configuration_update_app_env_response response = new configuration_update_app_env_response();
            if ("nosuch".equals(r.app_name)) {
                response.err = error_code.of(ErrorCode.ERR_APP_NOT_EXIST);
                response.hint_message = "app(nosuch) does not exist";
            } else {
                response.err = error_code.of(ErrorCode.ERR_OK);
                response.hint_message = r.op == app_env_operation.APP_ENV_OP_SET ? "" : "deleted keys: a";
            }
            ctx.reply(response);
        });
        meta = new RpcServer(RpcServerConfig.of("127.0.0.1", 0).withThreads(1, 1), d).start();
        Properties p = new Properties();
        p.setProperty("meta_servers", meta.address().toString());
        client = EnifClient.create(ClientConfig.fromProperties(p));
    }

    @AfterEach
    void stop() {
        client.close();
        meta.close();
    }

    @Test
    void nodesAndClusterInfo() {
        EnifAdmin admin = client.admin();
        assertThat(admin.metaServers()).isEqualTo(meta.address().toString());
        assertThat(admin.listNodes())
                .containsExactly(
                        new EnifAdmin.NodeInfo("127.0.0.1:34801", true),
                        new EnifAdmin.NodeInfo("127.0.0.1:34802", false));
        assertThat(admin.clusterInfo())
                .containsExactly(
                        Map.entry("meta_servers", "127.0.0.1:34601"),
                        Map.entry("primary_meta_server", "127.0.0.1:34601"));
    }

    @Test
    void metaLevelReadsAndSets() {
        EnifAdmin admin = client.admin();
        assertThat(admin.metaLevel()).isEqualTo("fl_steady");
        assertThat(admin.setMetaLevel("fl_lively")).isEqualTo("fl_steady");
        assertThat(admin.metaLevel()).isEqualTo("fl_lively");
        assertThatThrownBy(() -> admin.setMetaLevel("fl_bogus"))
                .isInstanceOf(EnifInvalidArgumentException.class)
                .hasMessageContaining("unknown meta level 'fl_bogus'");
    }

    @Test
    void envCallsSendTheirOperationAndReportTheHint() {
        EnifAdmin admin = client.admin();
        admin.setAppEnvs("temp", Map.of("default_ttl", "86400"));
        assertThat(lastEnvRequest.get().op).isEqualTo(app_env_operation.APP_ENV_OP_SET);
        assertThat(lastEnvRequest.get().keys).containsExactly("default_ttl");
        assertThat(lastEnvRequest.get().values).containsExactly("86400");
        assertThat(admin.delAppEnvs("temp", List.of("a"))).isEqualTo("deleted keys: a");
        assertThat(lastEnvRequest.get().op).isEqualTo(app_env_operation.APP_ENV_OP_DEL);
        assertThat(admin.clearAppEnvs("temp", "")).isEqualTo("deleted keys: a");
        assertThat(lastEnvRequest.get().op).isEqualTo(app_env_operation.APP_ENV_OP_CLEAR);
        assertThat(lastEnvRequest.get().clear_prefix).isEmpty();
        assertThatThrownBy(() -> admin.delAppEnvs("nosuch", List.of("a")))
                .isInstanceOf(EnifServerException.class)
                .hasMessageContaining("ERR_APP_NOT_EXIST")
                .hasMessageContaining("app(nosuch) does not exist");
        assertThatThrownBy(() -> admin.setAppEnvs("temp", Map.of())).isInstanceOf(EnifInvalidArgumentException.class);
    }
}
