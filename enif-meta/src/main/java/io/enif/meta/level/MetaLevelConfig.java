package io.enif.meta.level;

import java.util.Objects;

/**
 * The meta level's tunables, with Pegasus's keys and source defaults (DESIGN §10).
 *
 * @param levelOnStart {@code [meta_server] meta_function_level_on_start} = steady
 * @param minLiveNodeCountForUnfreeze {@code [meta_server] min_live_node_count_for_unfreeze} = 3: fewer alive replica
 *     servers freeze the meta server (the onebox uses 1; 0, allowed as in Pegasus's unsigned key, never freezes on
 *     the count alone)
 * @param nodeLivePercentageThresholdForUpdate {@code [meta_server] node_live_percentage_threshold_for_update} = 65: a
 *     smaller percentage of alive replica servers freezes it; runtime knob {@code meta.live_percentage}
 */
public record MetaLevelConfig(
        MetaFunctionLevel levelOnStart, int minLiveNodeCountForUnfreeze, int nodeLivePercentageThresholdForUpdate) {

    public MetaLevelConfig {
        Objects.requireNonNull(levelOnStart, "levelOnStart");
        if (minLiveNodeCountForUnfreeze < 0) {
            throw new IllegalArgumentException(
                    "min_live_node_count_for_unfreeze must not be negative, got " + minLiveNodeCountForUnfreeze);
        }
        if (nodeLivePercentageThresholdForUpdate < 0 || nodeLivePercentageThresholdForUpdate > 100) {
            throw new IllegalArgumentException("node_live_percentage_threshold_for_update must be in [0, 100], got "
                    + nodeLivePercentageThresholdForUpdate);
        }
    }

    /** Pegasus's source defaults: steady, 3, 65. */
    public static MetaLevelConfig defaults() {
        return new MetaLevelConfig(MetaFunctionLevel.STEADY, 3, 65);
    }

    /** These settings with another minimum alive count. */
    public MetaLevelConfig withMinLiveNodeCountForUnfreeze(int count) {
        return new MetaLevelConfig(levelOnStart, count, nodeLivePercentageThresholdForUpdate);
    }

    /** These settings with another alive percentage threshold ({@code meta.live_percentage}). */
    public MetaLevelConfig withNodeLivePercentageThresholdForUpdate(int percentage) {
        return new MetaLevelConfig(levelOnStart, minLiveNodeCountForUnfreeze, percentage);
    }
}
