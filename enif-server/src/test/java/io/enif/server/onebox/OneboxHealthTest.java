package io.enif.server.onebox;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.HostPort;
import io.enif.proto.base.host_port;
import io.enif.proto.layer2.partition_configuration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What {@code onebox start -w} counts as healthy, and how it reports progress. */
@Timeout(10)
class OneboxHealthTest {
    private static final HostPort A = new HostPort("127.0.0.1", 34801);
    private static final HostPort B = new HostPort("127.0.0.1", 34802);
    private static final HostPort C = new HostPort("127.0.0.1", 34803);

    private static partition_configuration pc(HostPort primary, int maxReplicas, HostPort... secondaries) {
        partition_configuration pc = new partition_configuration();
        pc.setMax_replica_count(maxReplicas);
        if (primary != null) {
            pc.setHp_primary(host_port.of(primary));
        }
        List<host_port> list = new ArrayList<>();
        for (HostPort s : secondaries) {
            list.add(host_port.of(s));
        }
        pc.setHp_secondaries(list);
        return pc;
    }

    @Test
    void fullyHealthyNeedsAPrimaryAndEveryReplica() {
        assertThat(OneboxHealth.fullyHealthy(pc(A, 3, B, C))).isTrue();
        assertThat(OneboxHealth.fullyHealthy(pc(A, 3, B))).isFalse();
        assertThat(OneboxHealth.fullyHealthy(pc(null, 3, B, C))).isFalse();
        assertThat(OneboxHealth.fullyHealthy(pc(A, 1))).isTrue();
    }

    @Test
    void statusSaysWhatIsMissing() {
        OneboxHealth.Status nothing = new OneboxHealth.Status(0, 3, Optional.empty(), false, 0, 0);
        assertThat(nothing.metasReady()).isFalse();
        assertThat(nothing.describe("temp", true)).isEqualTo("meta servers answering 0/3");

        OneboxHealth.Status noTable = new OneboxHealth.Status(3, 3, Optional.of(A), false, 0, 0);
        assertThat(noTable.metasReady()).isFalse();
        assertThat(noTable.describe("temp", true)).endsWith("leader " + A + ", table temp not created yet");

        OneboxHealth.Status partial = new OneboxHealth.Status(3, 3, Optional.of(A), true, 8, 5);
        assertThat(partial.metasReady()).isTrue();
        assertThat(partial.healthy()).isFalse();
        assertThat(partial.describe("temp", true)).endsWith("temp 5/8 partitions fully healthy");
        assertThat(partial.describe("temp", false)).endsWith("table temp created");

        assertThat(new OneboxHealth.Status(3, 3, Optional.of(A), true, 8, 8).healthy())
                .isTrue();
        assertThat(new OneboxHealth.Status(2, 3, Optional.of(A), true, 8, 8).healthy())
                .as("a meta server is not answering")
                .isFalse();
    }
}
