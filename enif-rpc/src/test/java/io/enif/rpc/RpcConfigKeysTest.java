package io.enif.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enif.common.config.Config;
import io.enif.common.config.ConfigException;
import io.enif.common.config.ConfigLoader;
import io.enif.common.config.ConfigRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class RpcConfigKeysTest {

    @Test
    void keysAreDiscoveredAndBindTheServerConfig() {
        ConfigRegistry registry = ConfigRegistry.discover();
        Config config = ConfigLoader.forRegistry(registry)
                .text("test.ini", "[network]\nmax_frame_size = 1048576\nio_service_worker_count = 3\n")
                .load();
        RpcServerConfig server = RpcConfigKeys.serverConfig(config, "127.0.0.1", 0);
        assertThat(server.maxFrameSize()).isEqualTo(1 << 20);
        assertThat(server.workerThreads()).isEqualTo(3);
    }

    @Test
    void aBadFrameSizeNamesTheKeyAndValue() {
        ConfigRegistry registry = ConfigRegistry.discover();
        assertThatThrownBy(() -> ConfigLoader.forRegistry(registry)
                        .text("test.ini", "[network]\nmax_frame_size = big\n")
                        .load())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("[network] max_frame_size")
                .hasMessageContaining("big");
    }
}
