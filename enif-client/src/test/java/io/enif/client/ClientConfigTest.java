package io.enif.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enif.common.HostPort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class ClientConfigTest {

    @Test
    void readsAPegasusPropertiesFileAndIgnoresUnusedKeys(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pegasus.properties");
        Files.writeString(file, """
                meta_servers = 127.0.0.1:34601, 127.0.0.1:34602,127.0.0.1:34603
                operation_timeout = 2500
                async_workers = 2
                enable_perf_counter = false
                perf_counter_tags = cluster=onebox
                retry_policy = exponential
                """);

        ClientConfig config = ClientConfig.load(file);

        assertThat(config.metaServers())
                .containsExactly(
                        new HostPort("127.0.0.1", 34601),
                        new HostPort("127.0.0.1", 34602),
                        new HostPort("127.0.0.1", 34603));
        assertThat(config.operationTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(config.metaQueryTimeout()).isEqualTo(Duration.ofMillis(5000));
        assertThat(config.asyncWorkers()).isEqualTo(2);
        assertThat(config.retryPolicy()).isEqualTo(ClientConfig.RetryKind.EXPONENTIAL);
        assertThat(config.enableWriteLimit()).isTrue();
    }

    @Test
    void refusesBadSettingsWithTheirNames() {
        Properties missing = new Properties();
        assertThatThrownBy(() -> ClientConfig.fromProperties(missing))
                .isInstanceOf(EnifInvalidArgumentException.class)
                .hasMessage("meta_servers is missing from the client properties");

        Properties bad = new Properties();
        bad.setProperty("meta_servers", "127.0.0.1:34601");
        bad.setProperty("operation_timeout", "soon");
        assertThatThrownBy(() -> ClientConfig.fromProperties(bad))
                .isInstanceOf(EnifInvalidArgumentException.class)
                .hasMessage("operation_timeout must be a number, not 'soon'");

        bad.setProperty("operation_timeout", "0");
        assertThatThrownBy(() -> ClientConfig.fromProperties(bad))
                .isInstanceOf(EnifInvalidArgumentException.class)
                .hasMessage("operation_timeout must be positive, not 0 ms");

        bad.setProperty("operation_timeout", "100");
        bad.setProperty("retry_policy", "sometimes");
        assertThatThrownBy(() -> ClientConfig.fromProperties(bad))
                .isInstanceOf(EnifInvalidArgumentException.class)
                .hasMessage("retry_policy must be 'default' or 'exponential', not 'sometimes'");
    }

    @Test
    void builderDefaultsArePegasuss() {
        ClientConfig config = ClientConfig.builder()
                .metaServers(List.of(new HostPort("127.0.0.1", 34601)))
                .build();

        assertThat(config.operationTimeout()).isEqualTo(Duration.ofMillis(1000));
        assertThat(config.metaQueryTimeout()).isEqualTo(Duration.ofMillis(5000));
        assertThat(config.asyncWorkers()).isEqualTo(4);
        assertThat(config.retryPolicy()).isEqualTo(ClientConfig.RetryKind.DEFAULT);
    }
}
