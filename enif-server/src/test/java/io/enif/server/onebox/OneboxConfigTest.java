package io.enif.server.onebox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enif.common.config.Config;
import io.enif.common.config.ConfigException;
import io.enif.common.config.ConfigLoader;
import io.enif.common.config.ConfigRegistry;
import io.enif.common.replication.ReplicationKeys;
import io.enif.meta.server.MetaConfigKeys;
import io.enif.meta.server.MetaReplicationKeys;
import io.enif.meta.server.MetaServerConfig;
import io.enif.meta.server.MetaServerConfigs;
import io.enif.server.FakeReplicaRole;
import io.enif.server.config.ServerConfigKeys;
import io.enif.server.role.MetaRole;
import io.enif.server.role.ServerAddress;
import io.enif.storage.StoreConfigKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The generated config of onebox processes, read back through the registry as the processes read it. */
@Timeout(30)
class OneboxConfigTest {
    private final MetaRole meta = new MetaRole();
    private final OneboxLayout layout = OneboxLayout.of(Path.of("/tmp/onebox-config-test"));

    private OneboxConfig.Spec spec(int replicas, List<String> settings) {
        return new OneboxConfig.Spec(layout.addresses(meta, 3), replicas, "temp", 8, settings);
    }

    private static Config load(String text) {
        return ConfigLoader.forRegistry(ConfigRegistry.discover())
                .text("config.ini", text)
                .load();
    }

    @Test
    void metaConfigIsTheOneboxProfileWithNoUnknownKeys() {
        Config config = load(OneboxConfig.render(layout, spec(3, List.of()), meta, 2));
        assertThat(config.warnings()).isEmpty();
        assertThat(config.ignoredSections()).isEmpty();

        assertThat(ServerAddress.of(config, meta)).isEqualTo(new ServerAddress("127.0.0.1", 34602));
        assertThat(config.get(ReplicationKeys.META_SERVER_LIST))
                .containsExactly("127.0.0.1:34601", "127.0.0.1:34602", "127.0.0.1:34603");
        assertThat(config.get(MetaConfigKeys.ZK_HOSTS_LIST)).isEqualTo("127.0.0.1:22181");
        assertThat(config.get(MetaConfigKeys.ZK_TIMEOUT_MS)).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.get(MetaConfigKeys.CLUSTER_ROOT)).isEqualTo("/pegasus/onebox/127.0.0.1");
        assertThat(config.get(MetaReplicationKeys.CLUSTER_NAME)).isEqualTo("onebox");
        // DESIGN §10, onebox profile
        assertThat(config.get(MetaConfigKeys.MIN_LIVE_NODE_COUNT_FOR_UNFREEZE)).isEqualTo(1);
        assertThat(config.get(MetaConfigKeys.STABLE_RS_MIN_RUNNING_SECONDS)).isEqualTo(Duration.ZERO);
        assertThat(config.get(ReplicationKeys.MUTATION_2PC_MIN_REPLICA_COUNT)).isEqualTo(2);
        assertThat(config.get(MetaConfigKeys.ADD_SECONDARY_ENABLE_FLOW_CONTROL)).isTrue();
        // Pegasus's production timers
        assertThat(config.get(ReplicationKeys.FD_BEACON_INTERVAL_SECONDS)).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.get(ReplicationKeys.FD_LEASE_SECONDS)).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.get(ReplicationKeys.FD_GRACE_SECONDS)).isEqualTo(Duration.ofSeconds(22));
        assertThat(config.get(MetaReplicationKeys.LB_INTERVAL_MS)).isEqualTo(Duration.ofSeconds(10));
        // small memory
        assertThat(config.get(StoreConfigKeys.BLOCK_CACHE_CAPACITY)).isEqualTo(OneboxConfig.BLOCK_CACHE_BYTES);

        MetaServerConfig typed = MetaServerConfigs.fromConfig(config, "127.0.0.1", 34602);
        assertThat(typed.bootstrapTables()).singleElement().satisfies(t -> {
            assertThat(t.appName()).isEqualTo("temp");
            assertThat(t.partitionCount()).isEqualTo(8);
            assertThat(t.maxReplicaCount()).isEqualTo(3);
            assertThat(t.stateful()).isTrue();
        });
        assertThat(typed.paths().lockRoot()).isEqualTo("/pegasus/onebox/127.0.0.1/lock");
    }

    @Test
    void basePortShiftsThePortsInTheConfig() {
        OneboxLayout shifted = new OneboxLayout(Path.of("/tmp/x"), "127.0.0.1", 41_000);
        OneboxConfig.Spec spec = new OneboxConfig.Spec(shifted.addresses(meta, 1), 0, "temp", 4, List.of());
        Config config = load(OneboxConfig.render(shifted, spec, meta, 1));
        assertThat(config.rawSection("apps.meta")).containsEntry(ServerConfigKeys.PORTS, "41001");
        assertThat(config.get(MetaConfigKeys.ZK_HOSTS_LIST)).isEqualTo("127.0.0.1:" + (22181 + 6400));
        assertThat(config.get(ReplicationKeys.META_SERVER_LIST)).containsExactly("127.0.0.1:41001");
    }

    @Test
    void replicaConfigCarriesItsPortAndWhatItsRoleAdds() {
        FakeReplicaRole replica = new FakeReplicaRole();
        Config config = load(OneboxConfig.render(layout, spec(3, List.of()), replica, 3));
        assertThat(config.warnings()).isEmpty();
        assertThat(ServerAddress.of(config, replica).port()).isEqualTo(34803);
        assertThat(config.rawSection("apps.meta")).isEmpty();
        assertThat(config.get(StoreConfigKeys.MAX_BACKGROUND_FLUSHES)).isEqualTo(2);
    }

    @Test
    void fewerReplicaServersShrinkTheBootstrapTable() {
        assertThat(OneboxConfig.replicaCountOf(spec(1, List.of()))).isEqualTo(1);
        assertThat(OneboxConfig.replicaCountOf(spec(0, List.of()))).isEqualTo(3);
        assertThat(OneboxConfig.replicaCountOf(spec(5, List.of()))).isEqualTo(3);
    }

    @Test
    void settingsOverrideTheProfile() {
        Config config = load(OneboxConfig.render(
                layout,
                spec(3, List.of("replication.fd_lease_seconds=6", "meta_server.min_live_node_count_for_unfreeze=2")),
                meta,
                1));
        assertThat(config.get(ReplicationKeys.FD_LEASE_SECONDS)).isEqualTo(Duration.ofSeconds(6));
        assertThat(config.get(MetaConfigKeys.MIN_LIVE_NODE_COUNT_FOR_UNFREEZE)).isEqualTo(2);
    }

    @Test
    void malformedSettingsAreRefused() {
        assertThatThrownBy(() -> OneboxConfig.render(layout, spec(3, List.of("no-equals-sign")), meta, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("section.key=value");
        String text = OneboxConfig.render(layout, spec(3, List.of("replication.lb_interval_ms=soon")), meta, 1);
        assertThatThrownBy(() -> load(text)).isInstanceOf(ConfigException.class).hasMessageContaining("lb_interval_ms");
    }
}
