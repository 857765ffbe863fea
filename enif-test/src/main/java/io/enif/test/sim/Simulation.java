package io.enif.test.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The deterministic whole-cluster simulation (DESIGN §4, §8): the meta server's decisions and N replica cores over a
 * simulated network, clock and disk, in one thread, driven by one seeded random generator. A seed's run is a pure
 * function of the seed and the {@link SimConfig}: it replays exactly, and its history digest says so.
 *
 * <pre>{@code
 * SimResult r = Simulation.run(42, SimConfig.ci());
 * if (!r.ok()) System.out.println(r.failures() + "\n replay: " + r.replayCommand());
 * }</pre>
 */
public final class Simulation {
    private Simulation() {}

    /** Runs one seed. */
    public static SimResult run(long seed, SimConfig config) {
        SimLogging.quiet();
        return new SimRun(seed, config).run();
    }

    /** Runs seeds {@code first .. first + count - 1}, reporting each result as it ends. */
    public static List<SimResult> runSeeds(long first, int count, SimConfig config, Consumer<SimResult> each) {
        List<SimResult> results = new ArrayList<>(count);
        for (long seed = first; seed < first + count; seed++) {
            SimResult r = run(seed, config);
            each.accept(r);
            results.add(r);
        }
        return results;
    }
}
