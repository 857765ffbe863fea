package io.enif.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ConfigDumpTest {
    private static final String FILE = """
            [replication]
            fd_grace_seconds = 20
            cluster_name = a^;b^#c
            [meta_server]
            server_list = 10.0.0.1:34601,10.0.0.2:34601
            meta_function_level_on_start = lively
            [meta_server.apps.temp]
            app_name = temp
            partition_count = 8
            [pegasus.clusters]
            onebox = 127.0.0.1:34601^;x
            [threadpool..default]
            worker_count = 4
            """;

    private static Config load() {
        return ConfigLoader.forRegistry(TestConfigKeyHolder.registry())
                .text("conf/enif.ini", FILE)
                .override("network.max_frame_size=4096")
                .load();
    }

    @Test
    void dumpListsEveryKeyBySectionWithItsDescriptionAndOrigin() {
        Config config = load();
        config.update(TestKeys.GC_GARBAGE_INTERVAL, "60");
        String dump = ConfigDump.toIni(config);

        assertThat(dump).startsWith("; Effective configuration of conf/enif.ini (config-dump)\n");
        assertThat(dump)
                .contains("\n; Addresses of the meta servers. [from file; default: 127.0.0.1:34601]\n"
                        + "server_list = 10.0.0.1:34601,10.0.0.2:34601\n");
        assertThat(dump)
                .contains("; How a primary waits".replace("How a", "How long a")
                        + " for the secondaries to ack a prepare. [mutable]\n"
                        + "prepare_timeout_ms_for_secondaries = 3000\n");
        assertThat(dump)
                .contains("; Seconds a garbage replica directory is kept before deletion. [mutable] [from runtime;"
                        + " default: 86400]\ngc_disk_garbage_replica_interval_seconds = 60\n");
        assertThat(dump).contains("[from override; default: 16777216]\nmax_frame_size = 4096\n");
        assertThat(dump).contains("cluster_name = a^;b^#c\n");
        assertThat(dump)
                .contains("\n[zookeeper]\n; The ZooKeeper ensemble, host:port,...\nhosts_list = 127.0.0.1:22181\n");
        assertThat(dump).contains("\n[meta_server.apps.temp]\napp_name = temp\npartition_count = 8\n");
        assertThat(dump).doesNotContain("threadpool");
        assertThat(dump.indexOf("[meta_server]")).isLessThan(dump.indexOf("[network]"));
        assertThat(dump.indexOf("[network]")).isLessThan(dump.indexOf("[replication]"));
    }

    @Test
    void dumpReadsBackToTheSameEffectiveValues() {
        Config original = load();
        original.update(TestKeys.LIVE_PERCENTAGE, "12.5");
        Config reread = ConfigLoader.forRegistry(TestConfigKeyHolder.registry())
                .text("dump.ini", ConfigDump.toIni(original))
                .load();
        for (ConfigKey<?> key : original.keys()) {
            assertThat(reread.get(key)).as(key.toString()).isEqualTo(original.get(key));
        }
        assertThat(reread.rawSections("")).isEqualTo(original.rawSections(""));
        assertThat(reread.rawSection("pegasus.clusters")).containsEntry("onebox", "127.0.0.1:34601;x");
        assertThat(reread.warnings()).isEmpty();
        assertThat(reread.get(TestKeys.CLUSTER_NAME)).isEqualTo("a;b#c");
        assertThat(settingLines(ConfigDump.toIni(reread))).isEqualTo(settingLines(ConfigDump.toIni(original)));
    }

    private static List<String> settingLines(String ini) {
        return ini.lines()
                .filter(line -> !line.startsWith(";") && !line.isBlank())
                .toList();
    }

    @Test
    void configJsonHasPegasusFieldsInPegasusOrder() {
        Config config = load();
        ConfigEntry entry = config.entry(TestKeys.FD_GRACE);
        assertThat(ConfigDump.toConfigJson(entry))
                .isEqualTo("{\"name\":\"fd_grace_seconds\",\"section\":\"replication\",\"type\":\"FV_INT32\","
                        + "\"tags\":\"\",\"description\":\"Seconds without a beacon before the meta declares a node"
                        + " dead.\",\"value\":\"20\"}");
        assertThat(config.entry(TestKeys.GC_GARBAGE_INTERVAL).toFlagMap())
                .containsEntry("tags", "flag_tag::FT_MUTABLE")
                .containsEntry("type", "FV_UINT32");
        assertThat(config.entry(TestKeys.MAX_FRAME_SIZE).toMap())
                .containsEntry("source", "override")
                .containsEntry("default", "16777216")
                .containsEntry("constraints", ">= 1024, <= 1073741824")
                .containsEntry("mutable", false);
    }

    @Test
    void configsJsonIsKeyedByNameQualifiedOnlyWhenAmbiguous() {
        ConfigRegistry registry = TestConfigKeyHolder.registry()
                .register(ConfigKey.intKey("meta_server", "cluster_name", 1, "A clash of names."));
        Config config = Config.defaults(registry);
        String json = ConfigDump.toConfigsJson(config);
        assertThat(json)
                .startsWith("{\"meta_server.cluster_name\":{\"name\":\"cluster_name\",\"section\":\"meta_server\"");
        assertThat(json).contains("\"fd_grace_seconds\":{").contains("\"hosts_list\":{");
        assertThat(json).contains("\"meta_server.cluster_name\":{").contains("\"replication.cluster_name\":{");
        assertThat(json).doesNotContain("\"cluster_name\":{");
    }

    @Test
    void markdownHasOneTablePerSection() {
        String md = ConfigDump.toMarkdown(TestConfigKeyHolder.registry());
        assertThat(md)
                .startsWith("## [meta_server]\n\n| Key | Type | Default | Mutable | Accepted | Description |\n"
                        + "|---|---|---|---|---|---|\n");
        assertThat(md)
                .contains("| `max_frame_size` | int32 | `16777216` | no | >= 1024, <= 1073741824 | Largest RPC frame"
                        + " accepted, in bytes. |\n");
        assertThat(md)
                .contains("| `prepare_timeout_ms_for_secondaries` | duration (milliseconds) | `3000` | yes | >= 1 |");
        assertThat(md).contains("| `meta_function_level_on_start` | enum (stopped\\|steady\\|lively) | `steady` |");
        assertThat(md).contains("\n## [zookeeper]\n");
        assertThat(md).isEqualTo(ConfigDump.toMarkdown(ConfigRegistry.discover()));
    }

    @Test
    void jsonEscapesWhatItMust() {
        assertThat(ConfigJson.quote("a\"b\\c\nd\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\"");
        assertThat(ConfigJson.write(Map.of("k", List.of(1, true, "x")))).isEqualTo("{\"k\":[1,true,\"x\"]}");
        assertThat(ConfigJson.write(null)).isEqualTo("null");
    }
}
