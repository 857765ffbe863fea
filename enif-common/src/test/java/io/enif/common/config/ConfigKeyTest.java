package io.enif.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ConfigKeyTest {

    @Test
    void carriesItsDeclaration() {
        ConfigKey<Duration> key = TestKeys.PREPARE_TIMEOUT;
        assertThat(key.section()).isEqualTo("replication");
        assertThat(key.name()).isEqualTo("prepare_timeout_ms_for_secondaries");
        assertThat(key.qualifiedName()).isEqualTo("replication.prepare_timeout_ms_for_secondaries");
        assertThat(key.defaultValue()).isEqualTo(Duration.ofMillis(3000));
        assertThat(key.defaultText()).isEqualTo("3000");
        assertThat(key.isMutable()).isTrue();
        assertThat(key.type()).isEqualTo(ConfigType.MILLIS);
        assertThat(key).hasToString("[replication] prepare_timeout_ms_for_secondaries");
        assertThat(TestKeys.FD_GRACE.isMutable()).isFalse();
    }

    @Test
    void fluentCallsReturnNewKeysAndLeaveTheOriginalAlone() {
        ConfigKey<Integer> plain =
                ConfigKey.intKey("network", "conn_threshold_per_ip", 0, "Connections per client IP.");
        ConfigKey<Integer> mutable = plain.mutable();
        assertThat(plain.isMutable()).isFalse();
        assertThat(mutable.isMutable()).isTrue();
        assertThat(plain.sameDefinition(mutable)).isFalse();
        assertThat(mutable.min(0).validators()).hasSize(1);
        assertThat(mutable.validators()).isEmpty();
    }

    @Test
    void boundsRefuseValuesOutsideThemWithAReadablePhrase() {
        ConfigKey<Integer> key = TestKeys.MAX_FRAME_SIZE;
        assertThat(key.parse("1024")).isEqualTo(1024);
        assertThatThrownBy(() -> key.parse("1023")).hasMessage("is less than the minimum 1024");
        assertThatThrownBy(() -> key.parse("1073741825")).hasMessage("is greater than the maximum 1073741824");
        assertThatThrownBy(() -> TestKeys.LIVE_PERCENTAGE.parse("100.5"))
                .hasMessage("is greater than the maximum 100.0");
        assertThatThrownBy(() -> TestKeys.PREPARE_TIMEOUT.parse("0")).hasMessage("is less than the minimum 1");
        assertThat(key.validators()).extracting(Validator::describe).containsExactly(">= 1024", "<= 1073741824");
    }

    @Test
    void customValidatorsRun() {
        ConfigKey<String> key = ConfigKey.stringKey("zookeeper", "hosts_list", "localhost:2181", "ZooKeeper hosts.")
                .validator(Validators.nonEmpty())
                .validator(Validator.of("host:port", v -> v.contains(":"), "has no port"));
        assertThat(key.parse("zk:2181")).isEqualTo("zk:2181");
        assertThatThrownBy(() -> key.parse(" ")).hasMessage("is empty");
        assertThatThrownBy(() -> key.parse("zk")).hasMessage("has no port");
        assertThat(key.validators().get(0).check("x")).isEqualTo(Optional.empty());
    }

    @Test
    void aDefaultItsOwnValidatorsRefuseIsAProgrammingError() {
        assertThatThrownBy(() -> ConfigKey.intKey("network", "max_frame_size", 10, "Largest frame.")
                        .min(1024))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[network] max_frame_size")
                .hasMessageContaining("is less than the minimum 1024");
    }

    @Test
    void aDefaultThatDoesNotSurviveIniTextIsRefused() {
        assertThatThrownBy(() -> ConfigKey.stringListKey("meta_server", "server_list", List.of("a,b"), "Servers."))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not survive");
    }

    @Test
    void namesAndDescriptionsAreChecked() {
        assertThatThrownBy(() -> ConfigKey.intKey("", "x", 1, "d")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConfigKey.intKey("a]", "x", 1, "d")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConfigKey.intKey("s", "a.b", 1, "d")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConfigKey.intKey("s", "a b", 1, "d")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConfigKey.intKey("s", "x", 1, " ")).hasMessageContaining("has no description");
        assertThat(ConfigKey.intKey("meta_server.apps.x", "x-y_9", 1, "d").section())
                .isEqualTo("meta_server.apps.x");
    }

    @Test
    void boundsNeedANumericType() {
        assertThatThrownBy(() -> TestKeys.ZK_HOSTS.min(1)).hasMessageContaining("has no bounds");
    }

    @Test
    void sameDefinitionComparesEverythingButValidators() {
        ConfigKey<Integer> a = ConfigKey.intKey("s", "k", 1, "d").mutable();
        assertThat(a.sameDefinition(ConfigKey.intKey("s", "k", 1, "d").mutable().min(0)))
                .isTrue();
        assertThat(a.sameDefinition(ConfigKey.intKey("s", "k", 2, "d").mutable()))
                .isFalse();
        assertThat(a.sameDefinition(ConfigKey.longKey("s", "k", 1, "d").mutable()))
                .isFalse();
        assertThat(a.sameDefinition(ConfigKey.intKey("s", "k", 1, "other").mutable()))
                .isFalse();
    }

    @Test
    void staticKeysOfCollectsEveryStaticFinalKeyField() {
        List<ConfigKey<?>> keys = ConfigKeyHolder.staticKeysOf(TestKeys.class);
        assertThat(keys).contains(TestKeys.PREPARE_TIMEOUT, TestKeys.ZK_HOSTS, TestKeys.META_LEVEL);
        assertThat(keys).hasSize(11);
    }
}
