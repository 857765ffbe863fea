package io.enif.meta.health;

import static io.enif.common.health.PartitionHealth.DEAD;
import static io.enif.common.health.PartitionHealth.HEALTHY;
import static io.enif.common.health.PartitionHealth.UNREADABLE;
import static io.enif.common.health.PartitionHealth.UNWRITABLE;
import static io.enif.common.health.PartitionHealth.WRITABLE_ILL;
import static io.enif.meta.MetaFixtures.gpid;
import static io.enif.meta.MetaFixtures.pc;
import static io.enif.meta.MetaFixtures.r;
import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.Gpid;
import io.enif.common.health.PartitionHealth;
import io.enif.meta.state.PartitionConfig;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** spec/ops-cluster.md §0.3 with R = 3 and M = 2 unless said otherwise. */
@Timeout(10)
class PartitionHealthTest {
    private static final Gpid G = gpid(1, 0);
    private static final HealthConfig M2 = HealthConfig.defaults();

    private static PartitionHealth health(PartitionConfig pc) {
        return M2.healthOf(pc);
    }

    @Test
    void theFiveStates() {
        assertThat(health(pc(G, r(1), r(2), r(3)))).isEqualTo(HEALTHY);
        assertThat(health(pc(G, r(1), r(2)))).isEqualTo(WRITABLE_ILL);
        assertThat(health(pc(G, r(1)))).isEqualTo(UNWRITABLE);
        assertThat(health(pc(G, null, r(2), r(3)))).isEqualTo(UNREADABLE);
        assertThat(health(pc(G, null, r(2)))).isEqualTo(UNREADABLE);
        assertThat(health(pc(G, null))).isEqualTo(DEAD);
    }

    @Test
    void shellCounters() {
        assertThat(WRITABLE_ILL.fullyHealthy()).isFalse();
        assertThat(WRITABLE_ILL.writeUnhealthy()).isFalse();
        assertThat(UNWRITABLE.writeUnhealthy()).isTrue();
        assertThat(UNWRITABLE.readUnhealthy()).isFalse();
        assertThat(UNREADABLE.writeUnhealthy()).isTrue();
        assertThat(UNREADABLE.readUnhealthy()).isTrue();
        assertThat(DEAD.readUnhealthy()).isTrue();
        assertThat(HEALTHY.fullyHealthy()).isTrue();
    }

    @Test
    void moreMembersThanWantedIsStillHealthy() {
        PartitionConfig four = new PartitionConfig(G, 1, 3, r(1), List.of(r(2), r(3), r(4)), List.of(), 0, 0);
        assertThat(health(four)).isEqualTo(HEALTHY);
    }

    @Test
    void writeThresholdFollowsTheConfiguredMinimum() {
        PartitionConfig pAndS = pc(G, r(1), r(2));
        assertThat(new HealthConfig(3).healthOf(pAndS)).isEqualTo(UNWRITABLE);
        PartitionConfig primaryOnly = pc(G, r(1));
        assertThat(new HealthConfig(1).healthOf(primaryOnly)).isEqualTo(WRITABLE_ILL);
    }

    @Test
    void singleReplicaTableIsHealthyWithItsPrimaryWhenTheThresholdIsDerived() {
        PartitionConfig single = new PartitionConfig(G, 1, 1, r(1), List.of(), List.of(), 0, 0);
        assertThat(new HealthConfig(0).healthOf(single)).isEqualTo(HEALTHY);
        // with the default threshold 2 a lone primary cannot take writes, whatever the replica count
        assertThat(M2.healthOf(single)).isEqualTo(UNWRITABLE);
    }

    @Test
    void derivedThresholdIsAMajority() {
        HealthConfig derived = new HealthConfig(0);
        assertThat(derived.minReplicaCountFor(1)).isEqualTo(1);
        assertThat(derived.minReplicaCountFor(2)).isEqualTo(1);
        assertThat(derived.minReplicaCountFor(3)).isEqualTo(2);
        assertThat(derived.minReplicaCountFor(5)).isEqualTo(3);
        assertThat(M2.minReplicaCountFor(5)).isEqualTo(2);
    }

    @Test
    void unregisteredSplitChildIsDead() {
        PartitionConfig child =
                new PartitionConfig(gpid(1, 4), PartitionConfig.INVALID_BALLOT, 3, null, List.of(), List.of(), 0, 0);
        assertThat(health(child)).isEqualTo(DEAD);
        assertThat(child.isUnregisteredChild()).isTrue();
    }
}
