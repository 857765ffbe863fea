package io.enif.test.minicluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.HostPort;
import io.enif.meta.level.MetaLevelConfig;
import io.enif.meta.server.BootstrapTable;
import io.enif.proto.admin.configuration_cluster_info_response;
import io.enif.proto.admin.query_cfg_response;
import io.enif.proto.layer2.app_status;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** One meta server over its real RPC port: Pegasus's answers, and bad input that changes nothing. */
@Timeout(60)
class MetaRpcTest {

    @TempDir
    static Path dir;

    private static MiniMetaCluster cluster;
    private static MetaAdmin admin;
    private static HostPort leader;

    @BeforeAll
    static void start() throws Exception {
        cluster = MiniMetaCluster.builder(dir)
                .metaServers(1)
                .level(MetaLevelConfig.defaults().withMinLiveNodeCountForUnfreeze(0))
                .bootstrapTables(List.of(new BootstrapTable("temp", "pegasus", 8, 3, true)))
                .start();
        admin = new MetaAdmin();
        leader = cluster.awaitLeader(Duration.ofSeconds(15)).address();
    }

    @AfterAll
    static void stop() throws Exception {
        admin.close();
        cluster.close();
    }

    @Test
    void theBootstrapTableIsServed() {
        query_cfg_response cfg = admin.queryConfig(leader, "temp");

        assertThat(cfg.getErr().name()).isEqualTo("ERR_OK");
        assertThat(cfg.getApp_id()).isEqualTo(1);
        assertThat(cfg.getPartition_count()).isEqualTo(8);
        assertThat(cfg.getPartitions()).hasSize(8);
        assertThat(cfg.isIs_stateful()).isTrue();
        assertThat(admin.queryConfig(leader, "missing").getErr().name()).isEqualTo("ERR_OBJECT_NOT_FOUND");
    }

    @Test
    void badInputGetsPegasussErrorsAndChangesNothing() throws Exception {
        var before = cluster.storedState();

        assertThat(admin.createApp(leader, "t", 0, 3, Map.of()).getErr().name()).isEqualTo("ERR_INVALID_PARAMETERS");
        assertThat(admin.createApp(leader, "t", 3, 3, Map.of()).getErr().name()).isEqualTo("ERR_INVALID_PARAMETERS");
        assertThat(admin.createApp(leader, "t", 4, 9, Map.of()).getErr().name()).isEqualTo("ERR_INVALID_PARAMETERS");
        assertThat(admin.createApp(leader, "bad name", 4, 3, Map.of()).getErr().name())
                .isEqualTo("ERR_INVALID_PARAMETERS");
        assertThat(admin.createApp(leader, "t", 4, 3, Map.of("nope", "1"))
                        .getErr()
                        .name())
                .isEqualTo("ERR_INVALID_PARAMETERS");
        assertThat(admin.createApp(leader, "temp", 8, 3, Map.of()).getErr().name())
                .isEqualTo("ERR_APP_EXIST");
        assertThat(admin.recallApp(leader, 42, "").getErr().name()).isEqualTo("ERR_APP_NOT_EXIST");
        assertThat(admin.recallApp(leader, 1, "").getErr().name()).isEqualTo("ERR_APP_EXIST");

        assertThat(cluster.storedState()).isEqualTo(before);
        assertThat(admin.listApps(leader, app_status.AS_INVALID).getInfos())
                .extracting(info -> info.getApp_name())
                .containsExactly("temp");
    }

    @Test
    void clusterInfoNamesTheLeaderAndTheLevel() {
        configuration_cluster_info_response info = admin.clusterInfo(leader);

        assertThat(info.getErr().name()).isEqualTo("ERR_OK");
        assertThat(info.getValues().get(info.getKeys().indexOf("primary_meta_server")))
                .isEqualTo(leader.toString());
        assertThat(info.getValues().get(info.getKeys().indexOf("zookeeper_root")))
                .isEqualTo("/enif/mini");
        assertThat(info.getValues().get(info.getKeys().indexOf("meta_function_level")))
                .isEqualTo("steady");
    }
}
