package io.enif.meta.level;

import static io.enif.meta.level.Permission.ALLOWED;
import static io.enif.meta.level.Permission.ALLOWED_WITH_WARNING;
import static io.enif.meta.level.Permission.CHECK_ONLY;
import static io.enif.meta.level.Permission.POSTPONED;
import static io.enif.meta.level.Permission.REFUSED;

/**
 * What each meta function level allows: the table of {@code spec/ops-recovery-and-architecture.md} §6.12, which is the
 * source's behaviour (DESIGN §10, DECISION-8), not the IDL comments.
 *
 * <pre>
 * level    | partition config writes | replica update requests, create table,   | cure | balance    | GC replicas
 *          | (node death, drops)     | set max_replica_count / atomic_idempotent |      |            |
 * stopped  | postponed               | refused (ERR_STATE_FREEZED)               | no   | no         | no
 * blind    | postponed               | refused                                   | no   | no         | no
 * freezed  | yes                     | refused                                   | no   | no         | no
 * steady   | yes                     | yes                                       | yes  | check only | no
 * lively   | yes                     | yes                                       | yes  | yes        | yes
 * </pre>
 *
 * <p>Drop, recall and env changes are not gated by the level (their partition writes are still postponed at blind
 * and below). Manual {@code balance}/{@code propose} is accepted at every level, with a warning at lively because the
 * balancer may override it (DESIGN §10). Pass the <em>effective</em> level (see {@link MetaLevelView}).
 */
public final class MetaLevelPolicy {

    private MetaLevelPolicy() {}

    /** What {@code level} says about {@code action}. */
    public static Permission permission(MetaFunctionLevel level, MetaAction action) {
        boolean aboveBlind = level.value() > MetaFunctionLevel.BLIND.value();
        boolean aboveFreezed = level.value() > MetaFunctionLevel.FREEZED.value();
        return switch (action) {
            case PERSIST_PARTITION_CONFIG -> aboveBlind ? ALLOWED : POSTPONED;
            case REPLICA_UPDATE_REQUEST, CREATE_TABLE, SET_MAX_REPLICA_COUNT, SET_ATOMIC_IDEMPOTENT ->
                aboveFreezed ? ALLOWED : REFUSED;
            case DROP_TABLE, RECALL_TABLE, CHANGE_APP_ENVS -> ALLOWED;
            case CURE -> aboveFreezed ? ALLOWED : REFUSED;
            case BALANCE ->
                switch (level) {
                    case LIVELY -> ALLOWED;
                    case STEADY -> CHECK_ONLY;
                    default -> REFUSED;
                };
            case GC_REPLICAS -> level == MetaFunctionLevel.LIVELY ? ALLOWED : REFUSED;
            case MANUAL_PROPOSAL -> level == MetaFunctionLevel.LIVELY ? ALLOWED_WITH_WARNING : ALLOWED;
        };
    }
}
