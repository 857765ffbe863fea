package io.enif.meta.level;

import static io.enif.meta.level.MetaAction.BALANCE;
import static io.enif.meta.level.MetaAction.CHANGE_APP_ENVS;
import static io.enif.meta.level.MetaAction.CREATE_TABLE;
import static io.enif.meta.level.MetaAction.CURE;
import static io.enif.meta.level.MetaAction.DROP_TABLE;
import static io.enif.meta.level.MetaAction.GC_REPLICAS;
import static io.enif.meta.level.MetaAction.MANUAL_PROPOSAL;
import static io.enif.meta.level.MetaAction.PERSIST_PARTITION_CONFIG;
import static io.enif.meta.level.MetaAction.RECALL_TABLE;
import static io.enif.meta.level.MetaAction.REPLICA_UPDATE_REQUEST;
import static io.enif.meta.level.MetaAction.SET_ATOMIC_IDEMPOTENT;
import static io.enif.meta.level.MetaAction.SET_MAX_REPLICA_COUNT;
import static io.enif.meta.level.Permission.ALLOWED;
import static io.enif.meta.level.Permission.ALLOWED_WITH_WARNING;
import static io.enif.meta.level.Permission.CHECK_ONLY;
import static io.enif.meta.level.Permission.POSTPONED;
import static io.enif.meta.level.Permission.REFUSED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The table of spec/ops-recovery-and-architecture.md §6.12, row by row. */
@Timeout(10)
class MetaLevelPolicyTest {

    private static Map<MetaAction, Permission> row(MetaFunctionLevel level) {
        Map<MetaAction, Permission> row = new EnumMap<>(MetaAction.class);
        for (MetaAction action : MetaAction.values()) {
            row.put(action, MetaLevelPolicy.permission(level, action));
        }
        return row;
    }

    private static Map<MetaAction, Permission> expected(Object... pairs) {
        Map<MetaAction, Permission> map = new EnumMap<>(MetaAction.class);
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((MetaAction) pairs[i], (Permission) pairs[i + 1]);
        }
        return map;
    }

    @Test
    void stopped() {
        assertThat(row(MetaFunctionLevel.STOPPED))
                .isEqualTo(expected(
                        PERSIST_PARTITION_CONFIG, POSTPONED,
                        REPLICA_UPDATE_REQUEST, REFUSED,
                        CREATE_TABLE, REFUSED,
                        SET_MAX_REPLICA_COUNT, REFUSED,
                        SET_ATOMIC_IDEMPOTENT, REFUSED,
                        DROP_TABLE, ALLOWED,
                        RECALL_TABLE, ALLOWED,
                        CHANGE_APP_ENVS, ALLOWED,
                        CURE, REFUSED,
                        BALANCE, REFUSED,
                        GC_REPLICAS, REFUSED,
                        MANUAL_PROPOSAL, ALLOWED));
    }

    @Test
    void blindIsLikeStopped() {
        assertThat(row(MetaFunctionLevel.BLIND)).isEqualTo(row(MetaFunctionLevel.STOPPED));
    }

    @Test
    void freezedWritesNodeDeathsButRefusesReplicaRequestsAndDdlAndDoesNotCure() {
        assertThat(row(MetaFunctionLevel.FREEZED))
                .isEqualTo(expected(
                        PERSIST_PARTITION_CONFIG, ALLOWED,
                        REPLICA_UPDATE_REQUEST, REFUSED,
                        CREATE_TABLE, REFUSED,
                        SET_MAX_REPLICA_COUNT, REFUSED,
                        SET_ATOMIC_IDEMPOTENT, REFUSED,
                        DROP_TABLE, ALLOWED,
                        RECALL_TABLE, ALLOWED,
                        CHANGE_APP_ENVS, ALLOWED,
                        CURE, REFUSED,
                        BALANCE, REFUSED,
                        GC_REPLICAS, REFUSED,
                        MANUAL_PROPOSAL, ALLOWED));
    }

    @Test
    void steadyCuresAndOnlyChecksBalance() {
        assertThat(row(MetaFunctionLevel.STEADY))
                .isEqualTo(expected(
                        PERSIST_PARTITION_CONFIG, ALLOWED,
                        REPLICA_UPDATE_REQUEST, ALLOWED,
                        CREATE_TABLE, ALLOWED,
                        SET_MAX_REPLICA_COUNT, ALLOWED,
                        SET_ATOMIC_IDEMPOTENT, ALLOWED,
                        DROP_TABLE, ALLOWED,
                        RECALL_TABLE, ALLOWED,
                        CHANGE_APP_ENVS, ALLOWED,
                        CURE, ALLOWED,
                        BALANCE, CHECK_ONLY,
                        GC_REPLICAS, REFUSED,
                        MANUAL_PROPOSAL, ALLOWED));
    }

    @Test
    void livelyDoesEverythingAndWarnsOnManualProposals() {
        Map<MetaAction, Permission> lively = row(MetaFunctionLevel.LIVELY);
        assertThat(lively).containsEntry(BALANCE, ALLOWED).containsEntry(GC_REPLICAS, ALLOWED);
        assertThat(lively).containsEntry(MANUAL_PROPOSAL, ALLOWED_WITH_WARNING);
        assertThat(lively.values()).allMatch(Permission::proceeds);
    }

    @Test
    void levelNamesValuesAndProposalClearing() {
        assertThat(MetaFunctionLevel.parse("fl_lively")).isEqualTo(MetaFunctionLevel.LIVELY);
        assertThat(MetaFunctionLevel.parse("Steady")).isEqualTo(MetaFunctionLevel.STEADY);
        assertThat(MetaFunctionLevel.FREEZED.thriftName()).isEqualTo("fl_freezed");
        assertThat(MetaFunctionLevel.BLIND.displayName()).isEqualTo("blind");
        assertThat(MetaFunctionLevel.fromValue(400)).isEqualTo(MetaFunctionLevel.STEADY);
        assertThat(MetaFunctionLevel.STEADY.clearsQueuedProposals()).isTrue();
        assertThat(MetaFunctionLevel.STOPPED.clearsQueuedProposals()).isTrue();
        assertThat(MetaFunctionLevel.LIVELY.clearsQueuedProposals()).isFalse();
        assertThatThrownBy(() -> MetaFunctionLevel.parse("frozen")).hasMessageContaining("'frozen'");
    }
}
