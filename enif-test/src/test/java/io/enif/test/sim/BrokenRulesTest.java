package io.enif.test.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.replication.BrokenRule;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulation catches real bugs: with each PacificA rule broken on purpose in the core ({@link BrokenRule}), some
 * seed fails a checker. Two rules are caught within the CI seeds (1..200); a secondary accepting a stale ballot is
 * masked most of the time by the lease and by PacificA's shape (a deposed primary's successor is one of its own
 * secondaries, so it can never collect every ack again), and is first caught by seed 346 of the extended set.
 */
@Timeout(290)
class BrokenRulesTest {
    /** The extended seed set (`./enif sim --seeds 2000`). */
    static final int EXTENDED_SEEDS = 2000;

    private static final Logger LOG = LoggerFactory.getLogger(BrokenRulesTest.class);

    @ParameterizedTest
    @EnumSource(
            value = BrokenRule.class,
            names = {"COMMIT_BEFORE_ALL_ACKED", "READ_BEFORE_RECONCILIATION"})
    void aBrokenRuleFailsSomeCiSeed(BrokenRule rule) {
        SimConfig config = SimConfig.ci().breaking(Set.of(rule));
        SimResult caught = null;
        for (long seed = 1; seed <= SimulationCiTest.SEEDS && caught == null; seed++) {
            SimResult r = Simulation.run(seed, config);
            if (!r.ok()) {
                caught = r;
            }
        }
        assertThat(caught).as("%s is caught within the CI seeds", rule).isNotNull();
        LOG.info(
                "{} caught by seed {}: {}",
                rule,
                caught.seed(),
                caught.failures().get(0).lines().findFirst().orElse(""));
    }

    @Test
    void aSecondaryAcceptingAStaleBallotIsCaughtInTheExtendedSeeds() {
        SimConfig config = SimConfig.ci().breaking(Set.of(BrokenRule.ACCEPT_STALE_BALLOT));
        SimResult caught = null;
        for (long seed = 1; seed <= EXTENDED_SEEDS && caught == null; seed++) {
            SimResult r = Simulation.run(seed, config);
            if (!r.ok()) {
                caught = r;
            }
        }
        assertThat(caught)
                .as("ACCEPT_STALE_BALLOT is caught within %d seeds", EXTENDED_SEEDS)
                .isNotNull();
        assertThat(caught.failures()).anySatisfy(f -> assertThat(f).startsWith("agreement:"));
        LOG.info(
                "ACCEPT_STALE_BALLOT caught by seed {}: {}",
                caught.seed(),
                caught.failures().get(0));
        // The same seed with every rule kept passes: the failure is the broken rule's.
        assertThat(Simulation.run(caught.seed(), SimConfig.ci()).ok()).isTrue();
    }
}
