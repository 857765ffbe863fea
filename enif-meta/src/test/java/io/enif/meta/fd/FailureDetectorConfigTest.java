package io.enif.meta.fd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class FailureDetectorConfigTest {

    @Test
    void defaultsAreDesignTimers() {
        FailureDetectorConfig config = FailureDetectorConfig.defaults();
        assertThat(config.beaconIntervalMs()).isEqualTo(3_000);
        assertThat(config.checkIntervalMs()).isEqualTo(2_000);
        assertThat(config.leaseMs()).isEqualTo(20_000);
        assertThat(config.graceMs()).isEqualTo(22_000);
        assertThat(config.beaconTimeoutMs()).isEqualTo(2_000);
        assertThat(config.stableRsMinRunningMs()).isEqualTo(600_000);
        assertThat(config.maxSuccessiveUnstableRestarts()).isEqualTo(5);
        assertThat(config.validate()).isSameAs(config);
    }

    @Test
    void testProfileTimersAreSafe() {
        FailureDetectorConfig.defaults().withTimers(1_000, 1_000, 6_000, 8_000).validate();
    }

    @Test
    void graceNotAboveLeaseIsRefusedNamingTheThreeValues() {
        FailureDetectorConfig equal = FailureDetectorConfig.defaults().withTimers(3_000, 2_000, 20_000, 20_000);
        assertThatThrownBy(equal::validate)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("grace = 20 s")
                .hasMessageContaining("lease = 20 s")
                .hasMessageContaining("beacon interval = 3 s");
        // the documentation's 10 s grace with the source's 20 s lease
        assertThatThrownBy(() -> FailureDetectorConfig.defaults()
                        .withTimers(3_000, 2_000, 20_000, 10_000)
                        .validate())
                .hasMessageContaining("fd_grace_seconds > fd_lease_seconds > 2 x fd_beacon_interval_seconds");
    }

    @Test
    void leaseNotAboveTwoBeaconsIsRefused() {
        assertThatThrownBy(() -> FailureDetectorConfig.defaults()
                        .withTimers(3_000, 2_000, 6_000, 8_000)
                        .validate())
                .hasMessageContaining("lease = 6 s")
                .hasMessageContaining("2 x beacon = 6 s");
        FailureDetectorConfig.defaults().withTimers(3_000, 2_000, 6_001, 8_000).validate();
    }

    @Test
    void detectorAndLeaseRefuseUnsafeTimers() {
        FailureDetectorConfig unsafe = FailureDetectorConfig.defaults().withTimers(3_000, 2_000, 20_000, 19_000);
        assertThatThrownBy(() -> new FailureDetector(unsafe)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkerLease(unsafe)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nonPositiveTimersAreRefused() {
        assertThatThrownBy(() -> FailureDetectorConfig.defaults().withTimers(0, 2_000, 20_000, 22_000))
                .hasMessageContaining("fd_beacon_interval_seconds must be positive");
    }
}
