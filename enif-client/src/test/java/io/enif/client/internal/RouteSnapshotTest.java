package io.enif.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class RouteSnapshotTest {

    @Test
    void aSplitChildThatIsNotReadyIsServedByItsParent() {
        List<RouteTable.Partition> partitions = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            partitions.add(new RouteTable.Partition(new HostPort("127.0.0.1", 1000 + i), i == 5 ? -1 : 3));
        }
        RouteTable.Snapshot snapshot = new RouteTable.Snapshot(7, 8, partitions, 0);

        assertThat(snapshot.gpid(5)).isEqualTo(new Gpid(7, 1));
        assertThat(snapshot.primary(5)).isEqualTo(new HostPort("127.0.0.1", 1001));
        assertThat(snapshot.gpid(4)).isEqualTo(new Gpid(7, 4));
        assertThat(snapshot.primary(4)).isEqualTo(new HostPort("127.0.0.1", 1004));
    }
}
