package io.enif.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enif.common.config.Config;
import io.enif.common.config.ConfigException;
import io.enif.common.config.ConfigLoader;
import io.enif.common.config.ConfigRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class StoreConfigKeysTest {

    private static Config load(String ini) {
        return ConfigLoader.forRegistry(ConfigRegistry.discover())
                .text("enif.ini", ini)
                .load();
    }

    @Test
    void defaultsArePegasusDefaultsWithLz4() {
        StoreOptions options = StoreConfigKeys.storeOptions(load(""));
        assertThat(options.compression()).isEqualTo("lz4");
        assertThat(options.multiGetMaxIterationCount()).isEqualTo(3000);
        assertThat(options.multiGetMaxIterationSize()).isEqualTo(30L << 20);
        assertThat(options.maxIterationCount()).isEqualTo(1000);
        assertThat(options.maxBackgroundJobs()).isEqualTo(16);
    }

    @Test
    void fileValuesReachTheStoreOptions() {
        StoreOptions options = StoreConfigKeys.storeOptions(load("""
                [pegasus.server]
                rocksdb_compression_type = per_level:none,none,zstd
                rocksdb_multi_get_max_iteration_count = 10
                rocksdb_iteration_threshold_time_ms = 0
                """));
        assertThat(options.compression()).isEqualTo("per_level:none,none,zstd");
        assertThat(options.multiGetMaxIterationCount()).isEqualTo(10);
        assertThat(options.iterationThresholdTimeMs()).isZero();
    }

    @Test
    void anUnknownCompressionIsRefusedWithTheKeyAndValue() {
        assertThatThrownBy(() -> load("[pegasus.server]\nrocksdb_compression_type = brotli\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("[pegasus.server] rocksdb_compression_type")
                .hasMessageContaining("brotli");
    }
}
