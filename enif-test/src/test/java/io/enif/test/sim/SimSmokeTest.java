package io.enif.test.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(300)
class SimSmokeTest {
    @Test
    void fewSeeds() {
        int n = Integer.getInteger("sim.smoke", 5);
        for (long seed = 1; seed <= n; seed++) {
            SimResult r = Simulation.run(seed, SimConfig.ci());
            System.out.println("seed " + seed + " " + r.wallMs() + " ms " + (r.ok() ? "ok" : "FAIL") + " "
                    + r.profile().summary());
            r.failures().forEach(f -> System.out.println("  " + f));
        }
        assertThat(n).isPositive();
    }
}
