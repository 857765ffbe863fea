package io.enif.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.enif.common.error.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

@Timeout(10)
class ConfigLoaderTest {
    /** A Pegasus-style config: rDSN sections, bootstrap tables, an unknown key and an unknown section. */
    private static final String PEGASUS_STYLE = """
            [apps..default]
            run = true
            count = 1
            [apps.meta]
            type = meta
            ports = 34601
            [core]
            tool = nativerun
            [threadpool..default]
            worker_count = 4
            [threadpool.THREAD_POOL_REPLICATION]
            worker_count = 23
            [task..default]
            is_trace = false
            [task.RPC_RRDB_RRDB_PUT]
            rpc_timeout_milliseconds = 5000
            [tools.simple_logger]
            short_header = false

            [meta_server]
            server_list = 10.0.0.1:34601, 10.0.0.2:34601
            meta_function_level_on_start = lively
            node_live_percentage_threshold = 50.5
            obsolete_meta_flag = 1

            [meta_server.apps.temp]
            app_name = temp
            app_type = pegasus
            partition_count = 8

            [meta_server.apps.stat]
            app_name = stat
            partition_count = 4

            [replication]
            prepare_timeout_ms_for_secondaries = 5000
            fd_grace_seconds = 20
            plog_force_flush = false

            [pegasus.server]
            rocksdb_block_cache_capacity = 1073741824

            [mystery]
            a = 1
            b = 2
            """;

    private ListAppender<ILoggingEvent> logs;
    private Logger loaderLogger;

    @BeforeEach
    void captureLogs() {
        loaderLogger = (Logger) LoggerFactory.getLogger(ConfigLoader.class);
        logs = new ListAppender<>();
        logs.start();
        loaderLogger.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        loaderLogger.detachAppender(logs);
    }

    private static ConfigLoader loader() {
        return ConfigLoader.forRegistry(TestConfigKeyHolder.registry());
    }

    @Test
    void withNothingLoadedEveryKeyHasItsDefault() {
        Config config = Config.defaults(TestConfigKeyHolder.registry());
        assertThat(config.get(TestKeys.PREPARE_TIMEOUT)).isEqualTo(Duration.ofMillis(3000));
        assertThat(config.get(TestKeys.SERVER_LIST)).containsExactly("127.0.0.1:34601");
        assertThat(config.get(TestKeys.META_LEVEL)).isEqualTo(TestKeys.MetaLevel.STEADY);
        assertThat(config.source(TestKeys.PREPARE_TIMEOUT)).isEqualTo(ValueSource.DEFAULT);
        assertThat(config.warnings()).isEmpty();
        assertThat(config.keys()).hasSize(11);
    }

    @Test
    void typedValuesComeFromTheFileAndDefaultsFillTheRest() {
        Config config = loader().text("conf/enif.ini", PEGASUS_STYLE).load();
        assertThat(config.get(TestKeys.PREPARE_TIMEOUT)).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.get(TestKeys.FD_GRACE)).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.get(TestKeys.PLOG_FORCE_FLUSH)).isFalse();
        assertThat(config.get(TestKeys.SERVER_LIST)).containsExactly("10.0.0.1:34601", "10.0.0.2:34601");
        assertThat(config.get(TestKeys.META_LEVEL)).isEqualTo(TestKeys.MetaLevel.LIVELY);
        assertThat(config.get(TestKeys.LIVE_PERCENTAGE)).isEqualTo(50.5);
        assertThat(config.get(TestKeys.BLOCK_CACHE)).isEqualTo(1L << 30);
        assertThat(config.get(TestKeys.ZK_HOSTS)).isEqualTo("127.0.0.1:22181");
        assertThat(config.get(TestKeys.MAX_FRAME_SIZE)).isEqualTo(1 << 24);
        assertThat(config.source(TestKeys.FD_GRACE)).isEqualTo(ValueSource.FILE);
        assertThat(config.source(TestKeys.ZK_HOSTS)).isEqualTo(ValueSource.DEFAULT);
        assertThat(config.text(TestKeys.SERVER_LIST)).isEqualTo("10.0.0.1:34601,10.0.0.2:34601");
        assertThat(config.sourceName()).isEqualTo("conf/enif.ini");
    }

    @Test
    void readsAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("enif.ini");
        Files.writeString(file, "[network]\nmax_frame_size = 4096\n");
        Config config = loader().file(file).load();
        assertThat(config.get(TestKeys.MAX_FRAME_SIZE)).isEqualTo(4096);
        assertThat(config.sourceName()).isEqualTo(file.toString());
    }

    @Test
    void prefixSectionsAreReadAsRawMapsInFileOrder() {
        Config config = loader().text("conf/enif.ini", PEGASUS_STYLE).load();
        Map<String, Map<String, String>> tables = config.rawSections("meta_server.apps.");
        assertThat(tables.keySet()).containsExactly("meta_server.apps.temp", "meta_server.apps.stat");
        assertThat(tables.get("meta_server.apps.temp"))
                .containsExactly(
                        Map.entry("app_name", "temp"),
                        Map.entry("app_type", "pegasus"),
                        Map.entry("partition_count", "8"));
        assertThat(config.rawSection("meta_server.apps.stat")).containsEntry("partition_count", "4");
        assertThat(config.rawSection("pegasus.clusters")).isEmpty();
    }

    @Test
    void unknownKeysAndSectionsAreWarningsNotErrors() {
        Config config = loader().text("conf/enif.ini", PEGASUS_STYLE).load();
        assertThat(config.warnings())
                .containsExactly(
                        "conf/enif.ini:24: unknown key [meta_server] obsolete_meta_flag ignored",
                        "conf/enif.ini:43: unknown section [mystery] ignored (2 keys)");
        assertThat(logs.list)
                .filteredOn(e -> e.getLevel() == Level.WARN)
                .extracting(ILoggingEvent::getFormattedMessage)
                .containsExactlyElementsOf(config.warnings());
    }

    @Test
    void rdsnSectionsAreIgnoredWithOneInfoLine() {
        Config config = loader().text("conf/enif.ini", PEGASUS_STYLE).load();
        assertThat(config.ignoredSections())
                .containsExactly(
                        "[apps..default]",
                        "[apps.meta]",
                        "[core]",
                        "[threadpool..default]",
                        "[threadpool.THREAD_POOL_REPLICATION]",
                        "[task..default]",
                        "[task.RPC_RRDB_RRDB_PUT]",
                        "[tools.simple_logger]");
        List<String> infos = logs.list.stream()
                .filter(e -> e.getLevel() == Level.INFO)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
        assertThat(infos).hasSize(1);
        assertThat(infos.get(0))
                .startsWith("conf/enif.ini: ignoring rDSN runtime sections [apps..default], [apps.meta]");
        assertThat(config.warnings()).noneMatch(w -> w.contains("threadpool") || w.contains("apps"));
    }

    @Test
    void overridesApplyOnTopOfTheFile() {
        Config config = loader().text("conf/enif.ini", PEGASUS_STYLE)
                .overrides(List.of(
                        "replication.fd_grace_seconds=30",
                        " zookeeper.hosts_list = zk1:2181,zk2:2181 ",
                        "pegasus.server.rocksdb_block_cache_capacity=2048",
                        "meta_server.apps.temp.partition_count=16",
                        "pegasus.clusters.onebox=127.0.0.1:34601"))
                .override(TestKeys.MAX_FRAME_SIZE, "2048")
                .load();
        assertThat(config.get(TestKeys.FD_GRACE)).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.source(TestKeys.FD_GRACE)).isEqualTo(ValueSource.OVERRIDE);
        assertThat(config.get(TestKeys.ZK_HOSTS)).isEqualTo("zk1:2181,zk2:2181");
        assertThat(config.get(TestKeys.BLOCK_CACHE)).isEqualTo(2048L);
        assertThat(config.get(TestKeys.MAX_FRAME_SIZE)).isEqualTo(2048);
        assertThat(config.rawSection("meta_server.apps.temp")).containsEntry("partition_count", "16");
        assertThat(config.rawSection("pegasus.clusters")).containsEntry("onebox", "127.0.0.1:34601");
        assertThat(config.get(TestKeys.PREPARE_TIMEOUT)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void badOrUnknownOverridesAreErrors() {
        assertThatThrownBy(() -> loader().overrides(List.of(
                                "replication.no_such_key=1",
                                "nosection=1",
                                "tools.simple_logger.short_header=true",
                                "replication.fd_grace_seconds=soon"))
                        .load())
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems())
                        .containsExactlyInAnyOrder(
                                "override: 'nosection=1' is not of the form section.key=value",
                                "override: 'replication.no_such_key=1' names no known config key"
                                        + " [replication] no_such_key",
                                "override: 'tools.simple_logger.short_header=true' names no known config key"
                                        + " [tools.simple_logger] short_header",
                                "override: [replication] fd_grace_seconds = \"soon\" is not an integer (a number of"
                                        + " seconds)"));
    }

    @Test
    void aMalformedValueNamesTheFileSectionKeyAndValue() {
        String ini = "[replication]\nprepare_timeout_ms_for_secondaries = abc\n";
        assertThatThrownBy(() -> loader().text("conf/enif.ini", ini).load())
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(
                        "conf/enif.ini: [replication] prepare_timeout_ms_for_secondaries = \"abc\" is not an integer")
                .hasMessageContaining("(line 2)")
                .satisfies(
                        e -> assertThat(((ConfigException) e).errorCode()).isEqualTo(ErrorCode.ERR_INVALID_PARAMETERS));
    }

    @Test
    void validatorFailuresNameTheKeyAndValueToo() {
        assertThatThrownBy(() -> loader().text("conf/enif.ini", "[network]\nmax_frame_size = 100\n")
                        .load())
                .hasMessage("conf/enif.ini: [network] max_frame_size = \"100\" is less than the minimum 1024 (line 2)");
        assertThatThrownBy(() -> loader().text("c.ini", "[meta_server]\nmeta_function_level_on_start = freezed\n")
                        .load())
                .hasMessage("c.ini: [meta_server] meta_function_level_on_start = \"freezed\" is not one of stopped,"
                        + " steady, lively (line 2)");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String ini = "[network]\nmax_frame_size = x\n[replication]\nplog_force_flush = maybe\nfd_grace_seconds = -1\n";
        assertThatThrownBy(() -> loader().text("c.ini", ini).load())
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("3 configuration errors:")
                .satisfies(e -> assertThat(((ConfigException) e).problems()).hasSize(3));
    }

    @Test
    void unsubstitutedPlaceholdersOfBothFormsAreRefused() {
        String ini = """
                [meta_server]
                server_list = %{meta.server.list}
                [zookeeper]
                hosts_list = ${ZK_HOSTS}
                [meta_server.apps.temp]
                app_name = ${TABLE}
                """;
        assertThatThrownBy(() -> loader().text("conf/enif.ini", ini).load())
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems())
                        .containsExactly(
                                "conf/enif.ini: [meta_server] server_list = \"%{meta.server.list}\" contains the"
                                        + " unsubstituted placeholder %{meta.server.list} (line 2)",
                                "conf/enif.ini: [zookeeper] hosts_list = \"${ZK_HOSTS}\" contains the unsubstituted"
                                        + " placeholder ${ZK_HOSTS} (line 4)",
                                "conf/enif.ini: [meta_server.apps.temp] app_name = \"${TABLE}\" contains the"
                                        + " unsubstituted placeholder ${TABLE} (line 6)"));
    }

    @Test
    void variablesAreSubstitutedBeforeTheCheckAndWhatIsLeftIsRefused() {
        String ini = "[meta_server]\nserver_list = %{meta.server.list}\n[zookeeper]\nhosts_list = ${ZK}:2181\n";
        Config config = loader().text("c.ini", ini)
                .variables(Map.of("meta.server.list", "1.2.3.4:34601,1.2.3.5:34601", "ZK", "zk1"))
                .load();
        assertThat(config.get(TestKeys.SERVER_LIST)).containsExactly("1.2.3.4:34601", "1.2.3.5:34601");
        assertThat(config.get(TestKeys.ZK_HOSTS)).isEqualTo("zk1:2181");

        assertThatThrownBy(() -> loader().text("c.ini", ini)
                        .variables(Map.of("ZK", "zk1"))
                        .load())
                .hasMessageContaining("[meta_server] server_list")
                .hasMessageContaining("%{meta.server.list}");
    }

    @Test
    void placeholdersInIgnoredOrUnknownPlacesAreNotChecked() {
        String ini = "[core]\ndata_dir = %{app.dir}\n[mystery]\nx = ${X}\n[replication]\nold_key = %{slog.dir}\n";
        Config config = loader().text("c.ini", ini).load();
        assertThat(config.warnings()).hasSize(2);
    }

    @Test
    void placeholdersInOverridesAreRefusedToo() {
        assertThatThrownBy(() -> loader().override("zookeeper.hosts_list=${ZK}").load())
                .hasMessage(
                        "override: [zookeeper] hosts_list = \"${ZK}\" contains the unsubstituted placeholder ${ZK}");
        Config config = loader().override("zookeeper.hosts_list=${ZK}")
                .variables(Map.of("ZK", "zk9:2181"))
                .load();
        assertThat(config.get(TestKeys.ZK_HOSTS)).isEqualTo("zk9:2181");
    }

    @Test
    void aKeyNotRegisteredCannotBeRead() {
        Config config = Config.defaults(TestConfigKeyHolder.registry());
        ConfigKey<Integer> stray = ConfigKey.intKey("replication", "stray", 1, "Not registered.");
        assertThatThrownBy(() -> config.get(stray)).hasMessageContaining("[replication] stray is not a registered");
        ConfigKey<Integer> impostor = ConfigKey.intKey("zookeeper", "hosts_list", 1, "Same name, other type.");
        assertThatThrownBy(() -> config.get(impostor)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void placeholderHelpers() {
        assertThat(Placeholders.substitute("${A}-%{b.c}-${D}", Map.of("A", "1", "b.c", "2")))
                .isEqualTo("1-2-${D}");
        assertThat(Placeholders.substitute("$1 and \\ stay", Map.of("A", "1"))).isEqualTo("$1 and \\ stay");
        assertThat(Placeholders.findUnsubstituted("x-${D}")).contains("${D}");
        assertThat(Placeholders.findUnsubstituted("50% {x} $ {y}")).isEmpty();
    }
}
