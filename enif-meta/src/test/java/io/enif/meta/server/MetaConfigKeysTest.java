package io.enif.meta.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enif.common.HostPort;
import io.enif.common.config.Config;
import io.enif.common.config.ConfigLoader;
import io.enif.common.config.ConfigRegistry;
import io.enif.meta.level.MetaFunctionLevel;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class MetaConfigKeysTest {

    private static MetaServerConfig load(String ini) {
        Config config = ConfigLoader.forRegistry(ConfigRegistry.discover())
                .text("test.ini", ini)
                .load();
        return MetaServerConfigs.fromConfig(config, "127.0.0.1", 34601);
    }

    @Test
    void defaultsAreDesignSection10s() {
        MetaServerConfig config = load("[zookeeper]\nhosts_list = 127.0.0.1:22181\n");

        assertThat(config.zkSessionTimeout()).isEqualTo(Duration.ofMillis(10_000));
        assertThat(config.fd().beaconIntervalMs()).isEqualTo(3_000);
        assertThat(config.fd().checkIntervalMs()).isEqualTo(2_000);
        assertThat(config.fd().leaseMs()).isEqualTo(20_000);
        assertThat(config.fd().graceMs()).isEqualTo(22_000);
        assertThat(config.lbInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.holdForDroppedApp()).isEqualTo(Duration.ofSeconds(604_800));
        assertThat(config.guardian().replicaAssignDelayMsForDropouts()).isEqualTo(300_000);
        assertThat(config.level().levelOnStart()).isEqualTo(MetaFunctionLevel.STEADY);
        assertThat(config.level().minLiveNodeCountForUnfreeze()).isEqualTo(3);
        assertThat(config.level().nodeLivePercentageThresholdForUpdate()).isEqualTo(65);
        assertThat(config.minAllowedReplicaCount()).isEqualTo(1);
        assertThat(config.maxAllowedReplicaCount()).isEqualTo(5);
        assertThat(config.paths().clusterRoot()).isEqualTo("/");
        assertThat(config.paths().lockRoot()).isEqualTo("/lock");
        assertThat(config.bootstrapTables()).isEmpty();
    }

    @Test
    void anIniFileSetsPegasusKeysAndBootstrapTables() {
        MetaServerConfig config = load("""
                [meta_server]
                server_list = 127.0.0.1:34601,127.0.0.1:34602
                cluster_root = /pegasus/onebox
                meta_function_level_on_start = lively
                min_live_node_count_for_unfreeze = 1
                [meta_server.apps.temp]
                app_name = temp
                partition_count = 8
                max_replica_count = 3
                [meta_server.apps.stat]
                partition_count = 4
                [zookeeper]
                hosts_list = 127.0.0.1:22181
                timeout_ms = 6000
                [replication]
                fd_beacon_interval_seconds = 1
                fd_lease_seconds = 6
                fd_grace_seconds = 8
                lb_interval_ms = 2000
                cluster_name = onebox
                """);

        assertThat(config.serverList())
                .containsExactly(new HostPort("127.0.0.1", 34601), new HostPort("127.0.0.1", 34602));
        assertThat(config.paths().apps()).isEqualTo("/pegasus/onebox/apps");
        assertThat(config.paths().lockRoot()).isEqualTo("/pegasus/onebox/lock");
        assertThat(config.level().levelOnStart()).isEqualTo(MetaFunctionLevel.LIVELY);
        assertThat(config.zkSessionTimeout()).isEqualTo(Duration.ofSeconds(6));
        assertThat(config.fd().leaseMs()).isEqualTo(6_000);
        assertThat(config.clusterName()).isEqualTo("onebox");
        assertThat(config.bootstrapTables())
                .containsExactly(
                        new BootstrapTable("temp", "pegasus", 8, 3, true),
                        new BootstrapTable("stat", "pegasus", 4, 3, true));
    }

    @Test
    void theMetaServerRefusesUnsafeFailureDetectorTimers() {
        MetaServerConfig unsafe = load("""
                [zookeeper]
                hosts_list = 127.0.0.1:22181
                [replication]
                fd_lease_seconds = 22
                fd_grace_seconds = 20
                """);

        assertThatThrownBy(() -> new MetaServer(unsafe))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fd_grace_seconds > fd_lease_seconds");
        MetaServerConfig beaconTooSlow = load("""
                [zookeeper]
                hosts_list = 127.0.0.1:22181
                [replication]
                fd_beacon_interval_seconds = 10
                """);
        assertThatThrownBy(() -> new MetaServer(beaconTooSlow)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void zooKeeperHostsAreRequired() {
        assertThatThrownBy(() -> load("[meta_server]\ncluster_root = /x\n")).hasMessageContaining("hosts_list");
    }
}
