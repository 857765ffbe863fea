package io.enif.meta.level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** spec/ops-cluster.md §0.4 and FD-15: the automatic freeze with the source defaults 3 and 65 %. */
@Timeout(10)
class AutoFreezeTest {
    private static final MetaLevelConfig DEFAULTS = MetaLevelConfig.defaults();

    private static MetaLevelView view(MetaFunctionLevel configured, int alive, int dead) {
        return MetaLevelView.compute(configured, alive, dead, DEFAULTS, false);
    }

    @Test
    void defaults() {
        assertThat(DEFAULTS.levelOnStart()).isEqualTo(MetaFunctionLevel.STEADY);
        assertThat(DEFAULTS.minLiveNodeCountForUnfreeze()).isEqualTo(3);
        assertThat(DEFAULTS.nodeLivePercentageThresholdForUpdate()).isEqualTo(65);
    }

    @Test
    void killingOneOfThreeNodesFreezesWithTheDefaultMinimum() {
        MetaLevelView view = view(MetaFunctionLevel.STEADY, 2, 1);
        assertThat(view.effective()).isEqualTo(MetaFunctionLevel.FREEZED);
        assertThat(view.configured()).isEqualTo(MetaFunctionLevel.STEADY);
        assertThat(view.autoFrozen()).isTrue();
        assertThat(view.reason()).contains("min_live_node_count_for_unfreeze (3)");
        assertThat(view.permission(MetaAction.CURE)).isEqualTo(Permission.REFUSED);
        assertThat(view.permission(MetaAction.PERSIST_PARTITION_CONFIG)).isEqualTo(Permission.ALLOWED);
    }

    @Test
    void theFreezeLiftsByItselfWhenTheNodeComesBack() {
        assertThat(view(MetaFunctionLevel.STEADY, 3, 0).effective()).isEqualTo(MetaFunctionLevel.STEADY);
        assertThat(view(MetaFunctionLevel.LIVELY, 3, 0).effective()).isEqualTo(MetaFunctionLevel.LIVELY);
    }

    @Test
    void percentageBoundary() {
        // 13 of 20 = 65 %: 1300 < 1300 is false, not frozen; 12 of 20 = 60 %: frozen
        assertThat(view(MetaFunctionLevel.STEADY, 13, 7).autoFrozen()).isFalse();
        MetaLevelView frozen = view(MetaFunctionLevel.STEADY, 12, 8);
        assertThat(frozen.autoFrozen()).isTrue();
        assertThat(frozen.reason()).contains("12 of 20").contains("65%");
        // the shipped config's 50 %
        MetaLevelConfig fifty = DEFAULTS.withNodeLivePercentageThresholdForUpdate(50);
        assertThat(MetaLevelView.compute(MetaFunctionLevel.STEADY, 10, 10, fifty, false)
                        .autoFrozen())
                .isFalse();
        assertThat(MetaLevelView.compute(MetaFunctionLevel.STEADY, 9, 10, fifty, false)
                        .autoFrozen())
                .isTrue();
    }

    @Test
    void noNodesAtAllIsFrozen() {
        assertThat(view(MetaFunctionLevel.STEADY, 0, 0).effective()).isEqualTo(MetaFunctionLevel.FREEZED);
    }

    @Test
    void oneboxProfileWithOneNodeIsNotFrozen() {
        MetaLevelConfig onebox = DEFAULTS.withMinLiveNodeCountForUnfreeze(1);
        assertThat(MetaLevelView.compute(MetaFunctionLevel.STEADY, 1, 0, onebox, false)
                        .autoFrozen())
                .isFalse();
        assertThat(MetaLevelView.compute(MetaFunctionLevel.STEADY, 2, 1, onebox, false)
                        .autoFrozen())
                .isFalse();
    }

    @Test
    void levelsAtOrBelowFreezedAreNotLoweredOrMarkedFrozen() {
        MetaLevelView blind = view(MetaFunctionLevel.BLIND, 0, 5);
        assertThat(blind.effective()).isEqualTo(MetaFunctionLevel.BLIND);
        assertThat(blind.autoFrozen()).isFalse();
        assertThat(view(MetaFunctionLevel.FREEZED, 0, 5).autoFrozen()).isFalse();
    }

    @Test
    void recoveryModeCapsAtSteady() {
        MetaLevelView view = MetaLevelView.compute(MetaFunctionLevel.LIVELY, 5, 0, DEFAULTS, true);
        assertThat(view.effective()).isEqualTo(MetaFunctionLevel.STEADY);
        assertThat(view.autoFrozen()).isFalse();
    }

    @Test
    void getMetaLevelShowsConfiguredAndEffective() {
        assertThat(view(MetaFunctionLevel.STEADY, 3, 0).describe()).isEqualTo("current meta level is fl_steady");
        assertThat(view(MetaFunctionLevel.STEADY, 2, 1).describe())
                .startsWith("current meta level is fl_steady (effective fl_freezed: only 2 replica servers alive");
    }

    @Test
    void trackerReportsEachTransitionOnce() {
        AutoFreezeTracker tracker = new AutoFreezeTracker();
        assertThat(tracker.observe(view(MetaFunctionLevel.STEADY, 3, 0))).isEmpty();
        assertThat(tracker.observe(view(MetaFunctionLevel.STEADY, 2, 1)))
                .hasValueSatisfying(m -> assertThat(m).contains("enters automatic freeze"));
        assertThat(tracker.isFrozen()).isTrue();
        assertThat(tracker.observe(view(MetaFunctionLevel.STEADY, 2, 1))).isEmpty();
        assertThat(tracker.observe(view(MetaFunctionLevel.STEADY, 3, 0)))
                .hasValueSatisfying(
                        m -> assertThat(m).contains("leaves automatic freeze").contains("fl_steady"));
        assertThat(tracker.isFrozen()).isFalse();
    }

    @Test
    void zeroMinimumNeverFreezesAnEmptyCluster() {
        MetaLevelView view = MetaLevelView.compute(
                MetaFunctionLevel.STEADY, 0, 0, DEFAULTS.withMinLiveNodeCountForUnfreeze(0), false);
        assertThat(view.effective()).isEqualTo(MetaFunctionLevel.STEADY);
        assertThat(view.autoFrozen()).isFalse();
    }

    @Test
    void configValidation() {
        assertThatThrownBy(() -> DEFAULTS.withMinLiveNodeCountForUnfreeze(-1))
                .hasMessageContaining("min_live_node_count_for_unfreeze");
        assertThatThrownBy(() -> DEFAULTS.withNodeLivePercentageThresholdForUpdate(101))
                .hasMessageContaining("node_live_percentage_threshold_for_update");
    }
}
