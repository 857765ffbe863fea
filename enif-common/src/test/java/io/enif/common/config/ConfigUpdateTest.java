package io.enif.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enif.common.error.ErrorCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ConfigUpdateTest {

    private static Config load() {
        return ConfigLoader.forRegistry(TestConfigKeyHolder.registry())
                .text("conf/enif.ini", "[replication]\ngc_disk_garbage_replica_interval_seconds = 3600\n")
                .load();
    }

    @Test
    void aMutableKeyChangesAtRuntime() {
        Config config = load();
        assertThat(config.update(TestKeys.GC_GARBAGE_INTERVAL, "60")).isEqualTo(60);
        assertThat(config.get(TestKeys.GC_GARBAGE_INTERVAL)).isEqualTo(60);
        assertThat(config.source(TestKeys.GC_GARBAGE_INTERVAL)).isEqualTo(ValueSource.RUNTIME);
        assertThat(config.entry(TestKeys.GC_GARBAGE_INTERVAL).value()).isEqualTo("60");

        config.set(TestKeys.PREPARE_TIMEOUT, Duration.ofSeconds(1));
        assertThat(config.text(TestKeys.PREPARE_TIMEOUT)).isEqualTo("1000");
        config.update(TestKeys.CLUSTER_NAME, "prod");
        assertThat(config.get(TestKeys.CLUSTER_NAME)).isEqualTo("prod");
    }

    @Test
    void anImmutableKeyRefusesTheChangeAndKeepsItsValue() {
        Config config = load();
        assertThatThrownBy(() -> config.update(TestKeys.FD_GRACE, "5"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("fd_grace_seconds is not mutable")
                .satisfies(
                        e -> assertThat(((ConfigException) e).errorCode()).isEqualTo(ErrorCode.ERR_INVALID_PARAMETERS));
        assertThatThrownBy(() -> config.set(TestKeys.FD_GRACE, Duration.ofSeconds(5)))
                .hasMessage("fd_grace_seconds is not mutable");
        assertThat(config.get(TestKeys.FD_GRACE)).isEqualTo(Duration.ofSeconds(22));
    }

    @Test
    void anInvalidValueIsRefusedAndTheOldValueStays() {
        Config config = load();
        assertThatThrownBy(() -> config.update(TestKeys.GC_GARBAGE_INTERVAL, "abc"))
                .hasMessage("[replication] gc_disk_garbage_replica_interval_seconds = \"abc\" is not an integer");
        assertThatThrownBy(() -> config.update(TestKeys.LIVE_PERCENTAGE, "101"))
                .hasMessage("[meta_server] node_live_percentage_threshold = \"101\" is greater than the maximum 100.0");
        assertThatThrownBy(() -> config.set(TestKeys.PREPARE_TIMEOUT, Duration.ZERO))
                .hasMessageContaining("is less than the minimum 1");
        assertThat(config.get(TestKeys.GC_GARBAGE_INTERVAL)).isEqualTo(3600);
        assertThat(config.source(TestKeys.GC_GARBAGE_INTERVAL)).isEqualTo(ValueSource.FILE);
        assertThat(config.get(TestKeys.LIVE_PERCENTAGE)).isEqualTo(65.0);
    }

    @Test
    void updateByNameBehavesLikeUpdateConfig() {
        Config config = load();
        assertThat(config.update("gc_disk_garbage_replica_interval_seconds", "120"))
                .isEqualTo(TestKeys.GC_GARBAGE_INTERVAL);
        assertThat(config.get(TestKeys.GC_GARBAGE_INTERVAL)).isEqualTo(120);
        assertThat(config.update("meta_server.node_live_percentage_threshold", " 40 "))
                .isEqualTo(TestKeys.LIVE_PERCENTAGE);
        assertThat(config.get(TestKeys.LIVE_PERCENTAGE)).isEqualTo(40.0);

        assertThatThrownBy(() -> config.update("no_such_key", "1"))
                .hasMessage("no_such_key is not found")
                .satisfies(
                        e -> assertThat(((ConfigException) e).errorCode()).isEqualTo(ErrorCode.ERR_OBJECT_NOT_FOUND));
        assertThatThrownBy(() -> config.update("fd_grace_seconds", "5"))
                .satisfies(
                        e -> assertThat(((ConfigException) e).errorCode()).isEqualTo(ErrorCode.ERR_INVALID_PARAMETERS));
    }

    @Test
    void listenersSeeEachRuntimeChangeAndAFailingOneDoesNotStopTheOthers() {
        Config config = load();
        List<Integer> seen = new ArrayList<>();
        config.addListener(TestKeys.GC_GARBAGE_INTERVAL, value -> {
            throw new IllegalStateException("broken listener");
        });
        config.addListener(TestKeys.GC_GARBAGE_INTERVAL, seen::add);
        config.update(TestKeys.GC_GARBAGE_INTERVAL, "10");
        config.set(TestKeys.GC_GARBAGE_INTERVAL, 20);
        assertThatThrownBy(() -> config.update(TestKeys.GC_GARBAGE_INTERVAL, "-1"))
                .isInstanceOf(ConfigException.class);
        assertThat(seen).containsExactly(10, 20);
    }

    @Test
    void resetBringsBackTheLoadedValueAndTellsTheListeners() {
        Config config = load();
        List<Integer> seen = new ArrayList<>();
        config.addListener(TestKeys.GC_GARBAGE_INTERVAL, seen::add);
        config.update(TestKeys.GC_GARBAGE_INTERVAL, "60");
        assertThat(config.reset(TestKeys.GC_GARBAGE_INTERVAL)).isEqualTo(3600);
        assertThat(config.get(TestKeys.GC_GARBAGE_INTERVAL)).isEqualTo(3600);
        assertThat(config.source(TestKeys.GC_GARBAGE_INTERVAL)).isEqualTo(ValueSource.FILE);
        assertThat(config.loadedValue(TestKeys.GC_GARBAGE_INTERVAL)).isEqualTo(3600);
        assertThat(seen).containsExactly(60, 3600);
        assertThatThrownBy(() -> config.reset(TestKeys.FD_GRACE)).hasMessage("fd_grace_seconds is not mutable");
        config.update(TestKeys.GC_GARBAGE_INTERVAL, "70");
        Config restarted = config.asLoaded();
        assertThat(restarted.get(TestKeys.GC_GARBAGE_INTERVAL)).isEqualTo(3600);
        restarted.update(TestKeys.GC_GARBAGE_INTERVAL, "80");
        assertThat(seen).containsExactly(60, 3600, 70);
        assertThat(config.get(TestKeys.GC_GARBAGE_INTERVAL)).isEqualTo(70);
    }
}
