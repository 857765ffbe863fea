package io.enif.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enif.common.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ConfigRegistryTest {

    @Test
    void serviceLoaderFindsTheTestHolder() {
        ConfigRegistry registry = ConfigRegistry.discover();
        assertThat(registry.contains(TestKeys.PREPARE_TIMEOUT)).isTrue();
        assertThat(registry.contains(TestKeys.ZK_HOSTS)).isTrue();
        assertThat(registry.rawSections()).extracting(SectionPattern::pattern).contains("meta_server.apps.*");
        assertThat(registry.ignoredSections())
                .extracting(SectionPattern::pattern)
                .contains("pegasus.collector");
    }

    @Test
    void keysAreSortedBySectionThenName() {
        ConfigRegistry registry = TestConfigKeyHolder.registry();
        assertThat(registry.keys()).hasSize(11);
        assertThat(registry.keys())
                .extracting(ConfigKey::qualifiedName)
                .startsWith(
                        "meta_server.meta_function_level_on_start",
                        "meta_server.node_live_percentage_threshold",
                        "meta_server.server_list",
                        "network.max_frame_size",
                        "pegasus.server.rocksdb_block_cache_capacity")
                .endsWith("zookeeper.hosts_list");
    }

    @Test
    void registeringTheSameDefinitionTwiceIsHarmless() {
        ConfigRegistry registry = TestConfigKeyHolder.registry().register(new TestConfigKeyHolder());
        registry.register(ConfigKey.stringKey(
                "zookeeper", "hosts_list", "127.0.0.1:22181", "The ZooKeeper ensemble, host:port,..."));
        assertThat(registry.keys()).hasSize(11);
        assertThat(registry.rawSections()).hasSize(2);
    }

    @Test
    void aSecondDifferentDefinitionIsAProgrammingError() {
        ConfigRegistry registry = TestConfigKeyHolder.registry();
        ConfigKey<String> other = ConfigKey.stringKey("zookeeper", "hosts_list", "zk:2181", "The ZooKeeper ensemble.");
        assertThatThrownBy(() -> registry.register(other))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[zookeeper] hosts_list is declared twice")
                .hasMessageContaining("zk:2181");
    }

    @Test
    void looksUpByBareOrQualifiedName() {
        ConfigRegistry registry = TestConfigKeyHolder.registry();
        assertThat(registry.lookup("fd_grace_seconds")).contains(TestKeys.FD_GRACE);
        assertThat(registry.lookup("pegasus.server.rocksdb_block_cache_capacity"))
                .contains(TestKeys.BLOCK_CACHE);
        assertThat(registry.lookup("nope")).isEmpty();
        assertThat(registry.lookup("replication.nope")).isEmpty();

        registry.register(ConfigKey.intKey("meta_server", "fd_grace_seconds", 1, "A clash."));
        assertThatThrownBy(() -> registry.lookup("fd_grace_seconds"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ambiguous")
                .satisfies(
                        e -> assertThat(((ConfigException) e).errorCode()).isEqualTo(ErrorCode.ERR_INVALID_PARAMETERS));
        assertThat(registry.lookup("replication.fd_grace_seconds")).contains(TestKeys.FD_GRACE);
        assertThat(registry.findByName("fd_grace_seconds")).hasSize(2);
    }

    @Test
    void classifiesSections() {
        ConfigRegistry registry = TestConfigKeyHolder.registry();
        assertThat(registry.classify("replication")).isEqualTo(ConfigRegistry.SectionKind.KEYED);
        assertThat(registry.classify("meta_server.apps.temp")).isEqualTo(ConfigRegistry.SectionKind.RAW);
        assertThat(registry.classify("pegasus.clusters")).isEqualTo(ConfigRegistry.SectionKind.RAW);
        for (String rdsn : new String[] {
            "core",
            "apps..default",
            "apps.meta",
            "threadpool..default",
            "threadpool.THREAD_POOL_REPLICATION",
            "task..default",
            "task.RPC_RRDB_RRDB_PUT",
            "tools.simple_logger",
            "components.pegasus_perf_counter_sink"
        }) {
            assertThat(registry.classify(rdsn)).as(rdsn).isEqualTo(ConfigRegistry.SectionKind.IGNORED);
        }
        assertThat(registry.classify("pegasus.collector")).isEqualTo(ConfigRegistry.SectionKind.IGNORED);
        assertThat(registry.classify("corex")).isEqualTo(ConfigRegistry.SectionKind.UNKNOWN);
        assertThat(registry.classify("meta_server.apps")).isEqualTo(ConfigRegistry.SectionKind.UNKNOWN);
    }

    @Test
    void aKeyedSectionIsNeverIgnored() {
        ConfigRegistry registry = ConfigRegistry.of(ConfigKey.stringKey("core", "enif_thing", "x", "A key in [core]."));
        assertThat(registry.classify("core")).isEqualTo(ConfigRegistry.SectionKind.KEYED);
    }

    @Test
    void sectionPatternsAreExactOrPrefix() {
        assertThat(SectionPattern.of("core").matches("core")).isTrue();
        assertThat(SectionPattern.of("core").matches("core.x")).isFalse();
        assertThat(SectionPattern.of("apps.*").matches("apps..default")).isTrue();
        assertThat(SectionPattern.of("apps.*").isPrefix()).isTrue();
        assertThatThrownBy(() -> SectionPattern.of("*")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SectionPattern.of("a*b")).isInstanceOf(IllegalArgumentException.class);
    }
}
