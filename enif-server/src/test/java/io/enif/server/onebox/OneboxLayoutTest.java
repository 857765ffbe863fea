package io.enif.server.onebox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enif.common.HostPort;
import io.enif.server.FakeReplicaRole;
import io.enif.server.role.MetaRole;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class OneboxLayoutTest {
    private final MetaRole meta = new MetaRole();
    private final FakeReplicaRole replica = new FakeReplicaRole();

    @Test
    void defaultPortsArePegasusOneboxPorts() {
        OneboxLayout layout = OneboxLayout.of(Path.of("onebox"));
        assertThat(layout.zookeeper()).isEqualTo(new HostPort("127.0.0.1", 22181));
        assertThat(layout.addresses(meta, 3)).extracting(HostPort::port).containsExactly(34601, 34602, 34603);
        assertThat(layout.addresses(replica, 3)).extracting(HostPort::port).containsExactly(34801, 34802, 34803);
        assertThat(layout.instance("meta", 2).dir()).isEqualTo(Path.of("onebox", "meta2"));
        assertThat(layout.instance("meta", 2).label()).isEqualTo("meta@2");
        assertThat(layout.zookeeperInstance().dir()).isEqualTo(Path.of("onebox", "zookeeper"));
        assertThat(layout.clusterRoot()).isEqualTo("/pegasus/onebox/127.0.0.1");
    }

    @Test
    void basePortShiftsEveryPort() {
        OneboxLayout layout = new OneboxLayout(Path.of("x"), "127.0.0.1", 40_000);
        assertThat(layout.zookeeperPort()).isEqualTo(22181 + 5400);
        assertThat(layout.port(meta, 1)).isEqualTo(40_001);
        assertThat(layout.port(replica, 3)).isEqualTo(40_203);
    }

    @Test
    void basePortsThatPushPortsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> new OneboxLayout(Path.of("x"), "127.0.0.1", OneboxLayout.lowestBase() - 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("base port");
        assertThatThrownBy(() -> new OneboxLayout(Path.of("x"), "127.0.0.1", OneboxLayout.highestBase() + 1))
                .isInstanceOf(IllegalArgumentException.class);
        OneboxLayout low = new OneboxLayout(Path.of("x"), "127.0.0.1", OneboxLayout.lowestBase());
        assertThat(low.zookeeperPort()).isEqualTo(1024);
        OneboxLayout high = new OneboxLayout(Path.of("x"), "127.0.0.1", OneboxLayout.highestBase());
        assertThat(high.port(replica, OneboxLayout.MAX_INSTANCES)).isEqualTo(65_535);
        assertThatThrownBy(() -> high.instance("meta", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
