package io.enif.test.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CI seed set: seeds 1..{@value #SEEDS} of the pinned profile ({@link SimConfig#ci()}) must all pass every
 * checker and reach the profile's minimums. A failure names the command that replays the seed.
 */
@Timeout(290)
class SimulationCiTest {
    static final int SEEDS = 200;
    private static final Logger LOG = LoggerFactory.getLogger(SimulationCiTest.class);

    @Test
    void ciSeedsPassEveryCheckAndReachTheProfile() {
        SimConfig config = SimConfig.ci();
        SimProfile.Minimums minimums = SimConfig.ciMinimums();
        List<String> problems = new ArrayList<>();
        long start = System.nanoTime();
        long ok = 0;
        long faults = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            SimResult r = Simulation.run(seed, config);
            r.failures().forEach(f -> problems.add("seed " + r.seed() + ": " + f + "\n  replay: " + r.replayCommand()));
            minimums.shortfalls(r.profile()).forEach(s -> problems.add("seed " + r.seed() + " profile: " + s));
            ok += r.profile().totals()[0];
            faults += r.profile().totalFaults();
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        LOG.info(
                "{} seeds in {} ms ({} ms per seed): {} acknowledged operations, {} faults",
                SEEDS,
                ms,
                ms / SEEDS,
                ok,
                faults);
        assertThat(problems).isEmpty();
    }

    @Test
    void aSeedReplaysExactly() {
        SimResult first = Simulation.run(7, SimConfig.ci());
        SimResult again = Simulation.run(7, SimConfig.ci());
        SimResult other = Simulation.run(8, SimConfig.ci());
        assertThat(again.digest()).isEqualTo(first.digest());
        assertThat(again.profile().summary())
                .isEqualTo(first.profile()
                        .summary()
                        .replaceAll("checks \\d+ ms", "checks " + again.profile().checkWallMs + " ms"));
        assertThat(other.digest()).isNotEqualTo(first.digest());
    }
}
