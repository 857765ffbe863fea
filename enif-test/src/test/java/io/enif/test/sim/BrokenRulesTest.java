package io.enif.test.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.replication.BrokenRule;
import java.util.Set;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulation catches real bugs: with each PacificA rule broken on purpose in the core ({@link BrokenRule}), some
 * seed of the CI set (1..{@value SimulationCiTest#SEEDS}) fails a checker, and that same seed passes with every rule
 * kept, so the failure is the broken rule's.
 */
@Timeout(290)
class BrokenRulesTest {
    private static final Logger LOG = LoggerFactory.getLogger(BrokenRulesTest.class);

    @ParameterizedTest
    @EnumSource(BrokenRule.class)
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
        assertThat(Simulation.run(caught.seed(), SimConfig.ci()).ok())
                .as("seed %d passes with every rule kept", caught.seed())
                .isTrue();
    }
}
