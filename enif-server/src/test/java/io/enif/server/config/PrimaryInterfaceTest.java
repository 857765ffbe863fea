package io.enif.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enif.common.config.ConfigException;
import java.net.NetworkInterface;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class PrimaryInterfaceTest {

    @Test
    void anAddressIsTakenAsItIs() {
        assertThat(PrimaryInterface.resolve("127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(PrimaryInterface.resolve(" 10.2.3.4 ")).isEqualTo("10.2.3.4");
    }

    @Test
    void theLoopbackInterfaceGivesItsAddress() throws Exception {
        NetworkInterface loopback = NetworkInterface.networkInterfaces()
                .filter(nic -> {
                    try {
                        return nic.isLoopback();
                    } catch (java.net.SocketException e) {
                        return false;
                    }
                })
                .findFirst()
                .orElseThrow();
        assertThat(PrimaryInterface.resolve(loopback.getName())).startsWith("127.");
    }

    @Test
    void emptyPicksAnIpv4Address() {
        assertThat(PrimaryInterface.resolve("")).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
    }

    @Test
    void anUnknownInterfaceIsRefusedByName() {
        assertThatThrownBy(() -> PrimaryInterface.resolve("nosuchnic9"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("primary_interface = \"nosuchnic9\" names no network interface");
    }
}
