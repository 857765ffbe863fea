package io.enif.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.config.Config;
import io.enif.common.config.ConfigKey;
import io.enif.common.config.ConfigLoader;
import io.enif.common.config.ConfigRegistry;
import io.enif.common.replication.ReplicationKeys;
import io.enif.meta.server.MetaConfigKeys;
import io.enif.meta.server.MetaReplicationKeys;
import io.enif.meta.server.MetaServerConfigs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Holds {@code conf/enif.ini} equal to what {@link SampleConfig} generates from every registered key, and checks that
 * it loads cleanly. Regenerate it with {@code -Denif.updateDocs=true} (as {@code docs/config.md}).
 */
@Timeout(30)
class SampleConfigDocTest {
    private static final Path SAMPLE = Path.of("..", "conf", "enif.ini");

    @Test
    void confEnifIniIsCurrent() throws IOException {
        String expected = SampleConfig.render(ConfigRegistry.discover());
        if (Boolean.getBoolean("enif.updateDocs")) {
            Files.createDirectories(SAMPLE.getParent());
            Files.writeString(SAMPLE, expected, StandardCharsets.UTF_8);
        }
        assertThat(SAMPLE)
                .as("conf/enif.ini (regenerate with -Denif.updateDocs=true)")
                .exists();
        assertThat(Files.readString(SAMPLE, StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @Test
    void sampleLoadsWithoutWarningsAndListsEveryKey() {
        ConfigRegistry registry = ConfigRegistry.discover();
        String text = SampleConfig.render(registry);
        Config config =
                ConfigLoader.forRegistry(registry).text("enif.ini", text).load();
        assertThat(config.warnings()).isEmpty();
        assertThat(config.ignoredSections()).isEmpty();
        for (ConfigKey<?> key : registry.keys()) {
            assertThat(text).as(key.toString()).contains("\n" + key.name() + " =");
        }
        assertThat(config.get(ReplicationKeys.META_SERVER_LIST)).containsExactly("127.0.0.1:34601");
        assertThat(config.get(MetaConfigKeys.ZK_HOSTS_LIST)).isEqualTo("127.0.0.1:2181");
        assertThat(config.get(MetaReplicationKeys.CLUSTER_NAME)).isEqualTo("mycluster");
        assertThat(config.get(MetaConfigKeys.MIN_LIVE_NODE_COUNT_FOR_UNFREEZE))
                .as("production default, not the onebox's")
                .isEqualTo(3);
        assertThat(config.rawSection("apps.meta")).containsEntry("ports", "34601");
        assertThat(config.rawSection("apps.replica")).containsEntry("ports", "34801");
        assertThat(MetaServerConfigs.fromConfig(config, "127.0.0.1", 0).bootstrapTables())
                .singleElement()
                .satisfies(t -> {
                    assertThat(t.appName()).isEqualTo("temp");
                    assertThat(t.partitionCount()).isEqualTo(8);
                    assertThat(t.maxReplicaCount()).isEqualTo(3);
                });
    }

    @Test
    void clusterSpecificKeysAreMarkedAndMutableOnesTagged() {
        String text = SampleConfig.render(ConfigRegistry.discover());
        List<String> lines = text.lines().toList();
        int serverList = lines.indexOf("server_list = 127.0.0.1:34601");
        assertThat(serverList).isPositive();
        assertThat(lines.get(serverList - 1)).startsWith("; CHANGE: every meta server");
        int unfreeze = lines.indexOf("min_live_node_count_for_unfreeze = 3");
        assertThat(lines.get(unfreeze - 1)).endsWith("[mutable]");
        assertThat(text).startsWith("; Enif sample configuration");
    }
}
