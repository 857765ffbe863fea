package io.enif.replica.plog;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.config.Config;
import io.enif.common.config.ConfigLoader;
import io.enif.common.config.ConfigRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class PrivateLogConfigKeysTest {

    private static PrivateLogConfig load(String ini) {
        Config config = ConfigLoader.forRegistry(ConfigRegistry.discover())
                .text("enif.ini", ini)
                .load();
        return PrivateLogConfigKeys.privateLogConfig(config);
    }

    @Test
    void defaultsFsyncEveryBatch() {
        assertThat(load("")).isEqualTo(PrivateLogConfig.defaults());
        assertThat(load("").forceFlush()).isTrue();
    }

    @Test
    void pegasusBehaviourIsOneKeyAway() {
        PrivateLogConfig config = load("[replication]\nplog_force_flush = false\nlog_private_file_size_mb = 8\n");
        assertThat(config.forceFlush()).isFalse();
        assertThat(config.fileSizeBytes()).isEqualTo(8L << 20);
    }
}
