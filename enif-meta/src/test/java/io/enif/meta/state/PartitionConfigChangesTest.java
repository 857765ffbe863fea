package io.enif.meta.state;

import static io.enif.meta.MetaFixtures.gpid;
import static io.enif.meta.MetaFixtures.pc;
import static io.enif.meta.MetaFixtures.r;
import static io.enif.meta.MetaFixtures.withDrops;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enif.common.Gpid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** spec/ops-recovery-and-architecture.md §6.10: the effect of each change type. */
@Timeout(10)
class PartitionConfigChangesTest {
    private static final Gpid G = gpid(1, 0);

    @Test
    void assignPrimaryOnANewPartition() {
        PartitionConfig after =
                PartitionConfigChanges.apply(PartitionConfig.empty(G, 3), ConfigType.ASSIGN_PRIMARY, r(1));
        assertThat(after.primary()).isEqualTo(r(1));
        assertThat(after.ballot()).isEqualTo(1);
        assertThat(after.secondaries()).isEmpty();
    }

    @Test
    void assignPrimaryTakesTheNodeOutOfLastDrops() {
        PartitionConfig ddd = withDrops(pc(G, null), r(1), r(2), r(3));
        PartitionConfig after = PartitionConfigChanges.apply(ddd, ConfigType.ASSIGN_PRIMARY, r(3));
        assertThat(after.lastDrops()).containsExactly(r(1), r(2));
        assertThat(after.ballot()).isEqualTo(6);
    }

    @Test
    void upgradeToPrimaryMovesTheSecondary() {
        PartitionConfig after =
                PartitionConfigChanges.apply(pc(G, null, r(2), r(3)), ConfigType.UPGRADE_TO_PRIMARY, r(3));
        assertThat(after.primary()).isEqualTo(r(3));
        assertThat(after.secondaries()).containsExactly(r(2));
    }

    @Test
    void upgradeToSecondaryAddsTheLearner() {
        PartitionConfig before = withDrops(pc(G, r(1), r(2)), r(3));
        PartitionConfig after = PartitionConfigChanges.apply(before, ConfigType.UPGRADE_TO_SECONDARY, r(3));
        assertThat(after.secondaries()).containsExactly(r(2), r(3));
        assertThat(after.lastDrops()).isEmpty();
    }

    @Test
    void downgradeToSecondaryLeavesNoPrimary() {
        PartitionConfig after =
                PartitionConfigChanges.apply(pc(G, r(1), r(2)), ConfigType.DOWNGRADE_TO_SECONDARY, r(1));
        assertThat(after.hasPrimary()).isFalse();
        assertThat(after.secondaries()).containsExactly(r(2), r(1));
    }

    @Test
    void downgradeToInactiveOfThePrimaryAppendsItToLastDrops() {
        PartitionConfig after =
                PartitionConfigChanges.apply(pc(G, r(1), r(2), r(3)), ConfigType.DOWNGRADE_TO_INACTIVE, r(1));
        assertThat(after.hasPrimary()).isFalse();
        assertThat(after.secondaries()).containsExactly(r(2), r(3));
        assertThat(after.lastDrops()).containsExactly(r(1));
        assertThat(after.ballot()).isEqualTo(6);
    }

    @Test
    void removeKeepsOnlyTheThreeMostRecentDrops() {
        PartitionConfig before = withDrops(pc(G, r(1), r(5)), r(2), r(3), r(4));
        PartitionConfig after = PartitionConfigChanges.apply(before, ConfigType.REMOVE, r(5));
        assertThat(after.lastDrops()).containsExactly(r(3), r(4), r(5));
    }

    @Test
    void dropPartitionMovesEveryMemberPrimaryLast() {
        PartitionConfig after = PartitionConfigChanges.apply(pc(G, r(1), r(2), r(3)), ConfigType.DROP_PARTITION, r(1));
        assertThat(after.members()).isEmpty();
        assertThat(after.lastDrops()).containsExactly(r(2), r(3), r(1));
        assertThat(after.isDropped()).isTrue();
        assertThat(after.ballot()).isEqualTo(6);
    }

    @Test
    void forceUpdateBallotKeepsTheMembers() {
        PartitionConfig before = pc(G, r(1), r(2));
        PartitionConfig after = PartitionConfigChanges.apply(before, ConfigType.PRIMARY_FORCE_UPDATE_BALLOT, r(1));
        assertThat(after.members()).isEqualTo(before.members());
        assertThat(after.ballot()).isEqualTo(before.ballot() + 1);
    }

    @Test
    void changesThatDoNotFitAreRefused() {
        assertThatThrownBy(() -> PartitionConfigChanges.apply(pc(G, r(1)), ConfigType.ASSIGN_PRIMARY, r(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CT_ASSIGN_PRIMARY");
        assertThatThrownBy(() -> PartitionConfigChanges.apply(pc(G, null, r(2)), ConfigType.UPGRADE_TO_PRIMARY, r(3)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PartitionConfigChanges.apply(pc(G, r(1)), ConfigType.REMOVE, r(3)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PartitionConfigChanges.apply(pc(G, r(1)), ConfigType.ADD_SECONDARY, r(3)))
                .hasMessageContaining("changes no partition configuration");
    }

    @Test
    void configTypeNamesAndValues() {
        assertThat(ConfigType.parse("downgrade_to_inactive")).isEqualTo(ConfigType.DOWNGRADE_TO_INACTIVE);
        assertThat(ConfigType.parse("CT_ASSIGN_PRIMARY")).isEqualTo(ConfigType.ASSIGN_PRIMARY);
        assertThat(ConfigType.fromValue(8)).isEqualTo(ConfigType.ADD_SECONDARY_FOR_LB);
        assertThat(ConfigType.REGISTER_CHILD.value()).isEqualTo(11);
        assertThat(ConfigType.REMOVE.thriftName()).isEqualTo("CT_REMOVE");
        assertThatThrownBy(() -> ConfigType.parse("promote")).hasMessageContaining("'promote'");
    }

    @Test
    void configurationRefusesDuplicateMembers() {
        assertThatThrownBy(() -> pc(G, r(1), r(1))).hasMessageContaining("listed twice");
        assertThatThrownBy(() -> pc(G, r(1), r(2), r(2))).hasMessageContaining("listed twice");
    }
}
