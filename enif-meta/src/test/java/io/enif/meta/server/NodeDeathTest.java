package io.enif.meta.server;

import static io.enif.meta.MetaFixtures.r;
import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.Gpid;
import io.enif.meta.level.MetaLevelConfig;
import io.enif.meta.state.PartitionConfig;
import io.enif.meta.state.TableInfo;
import io.enif.meta.state.TableState;
import io.enif.meta.store.LeaderFence;
import io.enif.meta.store.StoreBatch;
import io.enif.proto.admin.configuration_meta_control_request;
import io.enif.proto.admin.meta_function_level;
import io.enif.proto.replication.config_type;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class NodeDeathTest {
    private static final Gpid P0 = new Gpid(1, 0);

    /** A leader of one table whose partition 0 is r1 (primary), r2, r3; every beacon but r1's keeps coming. */
    private static MetaFixture cluster(MetaLevelConfig level) {
        MetaFixture meta = new MetaFixture(MetaFixture.config(level, List.of()));
        TableInfo info = TableInfo.available(1, "t", 1, 3, 0);
        PartitionConfig pc = new PartitionConfig(P0, 4, 3, r(1), List.of(r(2), r(3)), List.of(), 10, 0);
        meta.store.write(
                LeaderFence.ofEpoch(meta.store.bumpEpoch()), StoreBatch.createTable(new TableState(info, List.of(pc))));
        meta.elect();
        return meta;
    }

    /** Moves time past the grace period with beacons from r2 and r3 only, then runs the detector's check. */
    private static void r1Dies(MetaFixture meta) {
        meta.silenceAllBut(r(2), r(3));
    }

    private static PartitionConfig stored(MetaFixture meta) {
        return meta.store.load().state().partition(P0).orElseThrow();
    }

    @Test
    void theDeadPrimaryIsDowngradedAndASecondaryPromoted() {
        MetaFixture meta = cluster(MetaLevelConfig.defaults().withMinLiveNodeCountForUnfreeze(0));
        meta.proposals.clear();

        r1Dies(meta);

        PartitionConfig pc = stored(meta);
        assertThat(pc.primary()).isNull();
        assertThat(pc.ballot()).isEqualTo(5);
        assertThat(pc.lastDrops()).containsExactly(r(1));
        assertThat(pc.secondaries()).containsExactly(r(2), r(3));
        assertThat(meta.proposals).anySatisfy(s -> {
            assertThat(s.proposal().getType()).isEqualTo(config_type.CT_UPGRADE_TO_PRIMARY);
            assertThat(List.of(r(2), r(3))).contains(s.target());
        });
        assertThat(meta.leader().orElseThrow().fd.isAlive(r(1))).isFalse();
    }

    @Test
    void frozenTheDowngradeStillHappensButNothingIsCured() {
        MetaFixture meta = cluster(MetaLevelConfig.defaults());
        meta.proposals.clear();

        r1Dies(meta);

        assertThat(stored(meta).primary()).isNull();
        assertThat(meta.proposals).isEmpty();
        assertThat(meta.leader()
                        .orElseThrow()
                        .levelView(MetaLevelConfig.defaults())
                        .autoFrozen())
                .isTrue();
    }

    @Test
    void blindPostponesTheDowngradeUntilTheLevelRises() {
        MetaFixture meta = cluster(MetaLevelConfig.defaults().withMinLiveNodeCountForUnfreeze(0));
        meta.queries.controlMeta(new configuration_meta_control_request(meta_function_level.fl_blind));

        r1Dies(meta);

        assertThat(stored(meta).primary()).isEqualTo(r(1));
        meta.queries.controlMeta(new configuration_meta_control_request(meta_function_level.fl_steady));
        meta.cure.checkFailureDetector();
        meta.drain();
        assertThat(stored(meta).primary()).isNull();
        assertThat(stored(meta).lastDrops()).containsExactly(r(1));
    }

    @Test
    void aDeadSecondaryIsProposedForRemovalToThePrimary() {
        MetaFixture meta = cluster(MetaLevelConfig.defaults().withMinLiveNodeCountForUnfreeze(0));
        meta.proposals.clear();
        for (int second = 0; second < 5; second++) {
            meta.clock.advanceMs(1000);
            meta.beacon(r(1));
            meta.beacon(r(2));
        }

        meta.cure.checkFailureDetector();
        meta.drain();

        assertThat(stored(meta).secondaries()).containsExactly(r(2), r(3));
        assertThat(meta.proposals).anySatisfy(s -> {
            assertThat(s.target()).isEqualTo(r(1));
            assertThat(s.proposal().getType()).isEqualTo(config_type.CT_DOWNGRADE_TO_INACTIVE);
            assertThat(s.proposal().getHp_node().toHostPort()).isEqualTo(r(3));
        });
    }
}
