package io.enif.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.shell.ShellBackend.AppConfig;
import io.enif.shell.ShellBackend.PartitionInfo;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class HealthTest {

    @Test
    void aOneReplicaTableWithItsPrimaryIsFullyHealthy() {
        Health health = Health.of(new AppConfig(
                "r1",
                2,
                2,
                List.of(new PartitionInfo(0, 3, 1, "a:1", List.of()), new PartitionInfo(1, 1, 1, null, List.of()))));

        assertThat(health.fullyHealthy()).isEqualTo(1);
        assertThat(health.writeUnhealthy()).isEqualTo(1);
        assertThat(health.readUnhealthy()).isEqualTo(1);
        assertThat(health.isFullyHealthy()).isFalse();
    }

    @Test
    void aThreeReplicaPartitionWithOnlyItsPrimaryIsWriteUnhealthy() {
        Health health = Health.of(new AppConfig(
                "r3",
                3,
                2,
                List.of(
                        new PartitionInfo(0, 4, 3, "a:1", List.of()),
                        new PartitionInfo(1, 4, 3, "a:1", List.of("b:1", "c:1")))));

        assertThat(health.fullyHealthy()).isEqualTo(1);
        assertThat(health.writeUnhealthy()).isEqualTo(1);
        assertThat(health.readUnhealthy()).isZero();
    }
}
