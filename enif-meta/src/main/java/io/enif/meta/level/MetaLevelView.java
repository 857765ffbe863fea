package io.enif.meta.level;

import java.util.Objects;

/**
 * The configured and the effective meta function level at one moment ({@code spec/ops-cluster.md} §0.4; DESIGN §10:
 * {@code get_meta_level} prints both).
 *
 * <p>The effective level is the configured one, lowered to freezed while too few replica servers are alive (the
 * automatic freeze), and capped at steady in meta-recovery mode. It is recomputed from the current counts every time,
 * so the freeze lifts by itself once enough nodes are back ({@code spec/ops-tables.md} §3.2.3).
 *
 * @param configured the level set by the operator (or {@code meta_function_level_on_start})
 * @param effective the level the meta server acts on
 * @param autoFrozen whether the automatic freeze lowered the level
 * @param reason why the automatic freeze holds, or "" when it does not
 */
public record MetaLevelView(
        MetaFunctionLevel configured, MetaFunctionLevel effective, boolean autoFrozen, String reason) {

    public MetaLevelView {
        Objects.requireNonNull(configured, "configured");
        Objects.requireNonNull(effective, "effective");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * The view for {@code alive} alive and {@code dead} dead replica servers.
     *
     * @param recoveryMode whether the meta server runs in meta-recovery mode, which caps the level at steady
     */
    public static MetaLevelView compute(
            MetaFunctionLevel configured, int alive, int dead, MetaLevelConfig config, boolean recoveryMode) {
        MetaFunctionLevel effective = configured;
        if (recoveryMode && effective.value() > MetaFunctionLevel.STEADY.value()) {
            effective = MetaFunctionLevel.STEADY;
        }
        String reason = freezeReason(alive, dead, config);
        boolean frozen = !reason.isEmpty() && effective.value() > MetaFunctionLevel.FREEZED.value();
        if (frozen) {
            effective = MetaFunctionLevel.FREEZED;
        }
        return new MetaLevelView(configured, effective, frozen, frozen ? reason : "");
    }

    /**
     * Why the automatic freeze holds for these counts, or "" when it does not: fewer than {@code
     * min_live_node_count_for_unfreeze} alive, or {@code alive × 100 < threshold × (alive + dead)}.
     */
    public static String freezeReason(int alive, int dead, MetaLevelConfig config) {
        if (alive < config.minLiveNodeCountForUnfreeze()) {
            return "only " + alive + " replica servers alive, fewer than min_live_node_count_for_unfreeze ("
                    + config.minLiveNodeCountForUnfreeze() + ")";
        }
        long total = (long) alive + dead;
        if ((long) alive * 100 < (long) config.nodeLivePercentageThresholdForUpdate() * total) {
            return alive + " of " + total + " replica servers alive, below node_live_percentage_threshold_for_update ("
                    + config.nodeLivePercentageThresholdForUpdate() + "%)";
        }
        return "";
    }

    /** What {@link MetaLevelPolicy} says about {@code action} at the effective level. */
    public Permission permission(MetaAction action) {
        return MetaLevelPolicy.permission(effective, action);
    }

    /** The {@code get_meta_level} line: {@code current meta level is fl_<level>}, plus the effective one if lower. */
    public String describe() {
        String line = "current meta level is " + configured.thriftName();
        if (effective != configured) {
            line += " (effective " + effective.thriftName() + (autoFrozen ? ": " + reason : "") + ")";
        }
        return line;
    }
}
