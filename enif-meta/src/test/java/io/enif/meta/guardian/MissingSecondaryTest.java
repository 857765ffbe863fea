package io.enif.meta.guardian;

import static io.enif.meta.MetaFixtures.gpid;
import static io.enif.meta.MetaFixtures.pc;
import static io.enif.meta.MetaFixtures.r;
import static io.enif.meta.guardian.GuardianScenario.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.Gpid;
import io.enif.meta.state.ConfigProposal;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** spec/ops-recovery-and-architecture.md §6.13 rule 2 (FD-11), with the 300 000 ms assign delay of DESIGN §10. */
@Timeout(10)
class MissingSecondaryTest {
    private static final Gpid G = gpid(1, 0);
    private static final Gpid OTHER = gpid(1, 1);
    private static final long DELAY = 300_000;

    /** 1.0 runs as r1 + r2 after r3 was dropped at {@code dropTime}; 1.1 puts one more replica on r4. */
    private static GuardianScenario lostR3At(long dropTime) {
        return new GuardianScenario()
                .partitions(pc(G, r(1), r(2)), pc(OTHER, r(1), r(2), r(4)))
                .dropped(G, r(3), dropTime);
    }

    @Test
    void droppedSecondaryWithinTheDelayIsWaitedFor() {
        CureResult result =
                lostR3At(NOW - 1_000).alive(r(1), r(2), r(4), r(5)).dead(r(3)).cure();
        assertThat(result.proposals()).isEmpty();
        assertThat(result.status(G)).isEqualTo(CureStatus.ILL);
    }

    @Test
    void droppedSecondaryBackWithinTheDelayIsReAdded() {
        CureResult result =
                lostR3At(NOW - 1_000).alive(r(1), r(2), r(3), r(4), r(5)).cure();
        assertThat(result.proposals()).containsExactly(ConfigProposal.addSecondary(G, r(1), r(3)));
    }

    @Test
    void exactlyAtTheDelayItStillWaitsOneMillisecondLaterItActs() {
        assertThat(lostR3At(NOW - DELAY)
                        .alive(r(1), r(2), r(4), r(5))
                        .dead(r(3))
                        .cure()
                        .proposals())
                .isEmpty();
        CureResult after = lostR3At(NOW - DELAY - 1)
                .alive(r(1), r(2), r(4), r(5))
                .dead(r(3))
                .cure();
        // r5 holds no replica of the table, r4 holds one: the least-loaded live non-member is r5
        assertThat(after.proposals()).containsExactly(ConfigProposal.addSecondary(G, r(1), r(5)));
    }

    @Test
    void theAssignDelayKnobIsHonoured() {
        CureResult result = lostR3At(NOW - 20)
                .config(GuardianConfig.defaults().withAssignDelayMs(10))
                .alive(r(1), r(2), r(4))
                .dead(r(3))
                .cure();
        assertThat(result.proposals()).containsExactly(ConfigProposal.addSecondary(G, r(1), r(4)));
    }

    @Test
    void onlyThePrimaryLeftIsAnEmergencyAtOnce() {
        CureResult result = new GuardianScenario()
                .partitions(pc(G, r(1)))
                .dropped(G, r(3), NOW - 2_000)
                .dropped(G, r(2), NOW - 1_000)
                .alive(r(1), r(3), r(4))
                .dead(r(2))
                .cure();
        // newest first: r2 is dead, so the cursor moves on to r3, which is alive
        assertThat(result.proposals()).containsExactly(ConfigProposal.addSecondary(G, r(1), r(3)));
        assertThat(result.bookkeeping().context(G).preferredDropped()).isEqualTo(-1);
    }

    @Test
    void noDroppedCandidateIsAnEmergency() {
        CureResult result = new GuardianScenario()
                .partitions(pc(G, r(1), r(2)), pc(OTHER, r(3), r(1), r(2)))
                .alive(r(1), r(2), r(3), r(4))
                .cure();
        assertThat(result.proposals()).containsExactly(ConfigProposal.addSecondary(G, r(1), r(4)));
    }

    @Test
    void candidatesOnlyKnownFromConfigSyncCountAsDroppedLongAgo() {
        CureResult result = new GuardianScenario()
                .partitions(pc(G, r(1), r(2)))
                .dropped(G, new DroppedReplica(r(3), DroppedReplica.UNKNOWN_TIME, 5, 90, 90))
                .alive(r(1), r(2), r(3))
                .cure();
        assertThat(result.proposals()).containsExactly(ConfigProposal.addSecondary(G, r(1), r(3)));
    }

    @Test
    void blackListedLastDropIsAnEmergencyAndGoesElsewhere() {
        CureResult result = lostR3At(NOW - 1_000)
                .config(GuardianConfig.defaults().withBlackList(Set.of(r(3))))
                .alive(r(1), r(2), r(3), r(5))
                .cure();
        assertThat(result.proposals()).containsExactly(ConfigProposal.addSecondary(G, r(1), r(5)));
    }

    @Test
    void blackListedNodesNeverReceiveNewSecondaries() {
        CureResult result = lostR3At(NOW - DELAY - 1)
                .config(GuardianConfig.defaults().withBlackList(Set.of(r(4))))
                .alive(r(1), r(2), r(4))
                .dead(r(3))
                .cure();
        assertThat(result.proposals()).isEmpty();
    }

    @Test
    void newSecondariesInOnePassAreSpread() {
        Gpid g2 = gpid(1, 1);
        CureResult result = new GuardianScenario()
                .partitions(pc(G, r(1), r(2)), pc(g2, r(1), r(2)))
                .alive(r(1), r(2), r(3), r(4))
                .cure();
        assertThat(result.proposals())
                .containsExactly(
                        ConfigProposal.addSecondary(G, r(1), r(3)), ConfigProposal.addSecondary(g2, r(1), r(4)));
    }
}
