package io.enif.server.cli;

import io.enif.replication.BrokenRule;
import io.enif.test.sim.SimConfig;
import io.enif.test.sim.SimResult;
import io.enif.test.sim.Simulation;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code enif sim}: the deterministic whole-cluster simulation ({@code docs/simulation.md}). {@code --seeds N} runs
 * seeds 1..N of the CI profile and ends with {@code N seeds, F failures}; {@code --seed S} replays one seed and prints
 * its profile and history digest (the same seed always prints the same digest). A failing seed prints the command
 * that replays it.
 */
@Command(
        name = "sim",
        mixinStandardHelpOptions = true,
        description = "Run the deterministic simulation: the meta server's decisions and the replica cores under seeded"
                + " faults, checked for lost writes, linearizability, convergence, one serving primary and growing"
                + " ballots")
final class SimCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    static final class Which {
        @Option(names = "--seeds", paramLabel = "N", description = "Run seeds 1..N (or --first..) and count failures")
        Integer seeds;

        @Option(names = "--seed", paramLabel = "S", description = "Replay one seed and print its history digest")
        Long seed;
    }

    @ArgGroup(multiplicity = "1")
    Which which;

    @Option(names = "--first", paramLabel = "S", defaultValue = "1", description = "First seed of --seeds (default 1)")
    long first;

    @Option(
            names = "--threads",
            paramLabel = "T",
            description = "Seeds run at once with --seeds (default: the processors)")
    Integer threads;

    @Option(
            names = {"-v", "--verbose"},
            description = "Print every seed's profile")
    boolean verbose;

    @Option(
            names = "--break",
            paramLabel = "RULE",
            split = ",",
            description = "Test only: break core rules on purpose (${COMPLETION-CANDIDATES}) to see the checkers fail")
    List<BrokenRule> broken = new ArrayList<>();

    @Option(
            names = "--trace",
            paramLabel = "GPID",
            description = "With --seed: print every event, message, apply and configuration change of one partition"
                    + " (e.g. 1.2) and the faults")
    String trace;

    @Override
    public Integer call() throws InterruptedException, ExecutionException {
        PrintWriter out = spec.commandLine().getOut();
        if (trace != null) {
            if (which.seed == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--trace needs --seed");
            }
            System.setProperty("enif.sim.trace", trace);
        }
        Set<BrokenRule> rules = broken.isEmpty() ? Set.of() : EnumSet.copyOf(broken);
        SimConfig config = SimConfig.ci().breaking(rules);
        if (which.seed != null) {
            return replay(out, config, which.seed);
        }
        if (which.seeds < 1) {
            throw new IllegalArgumentException("--seeds must be positive");
        }
        int parallel = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parallel));
        long start = System.nanoTime();
        int failures = 0;
        long acknowledged = 0;
        long faults = 0;
        try {
            List<Future<SimResult>> results = new ArrayList<>();
            for (long seed = first; seed < first + which.seeds; seed++) {
                long s = seed;
                results.add(pool.submit(() -> Simulation.run(s, config)));
            }
            for (Future<SimResult> f : results) {
                SimResult r = f.get();
                acknowledged += r.profile().totals()[0];
                faults += r.profile().totalFaults();
                if (verbose) {
                    out.println("seed " + r.seed() + (r.ok() ? " ok " : " FAILED ")
                            + r.profile().summary());
                }
                if (!r.ok()) {
                    failures++;
                    out.println("seed " + r.seed() + " FAILED: "
                            + r.failures().get(0).lines().findFirst().orElse(""));
                    out.println("  replay: " + replayCommand(r.seed(), rules));
                }
                out.flush();
            }
        } finally {
            pool.shutdownNow();
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        out.printf(
                "(%.1f s, %d thread(s), %.0f ms per seed per thread; %d acknowledged operations, %d faults)%n",
                ms / 1000.0, parallel, (double) ms * parallel / which.seeds, acknowledged, faults);
        out.println(which.seeds + " seeds, " + failures + " failures");
        return failures == 0 ? 0 : EnifCommandLine.FAILED;
    }

    private int replay(PrintWriter out, SimConfig config, long seed) {
        SimResult r = Simulation.run(seed, config);
        out.println("seed " + seed + ": " + (r.ok() ? "ok" : "FAILED") + " (" + r.wallMs() + " ms)");
        out.println("profile: " + r.profile().summary().replaceAll(", checks \\d+ ms", ""));
        out.printf("history digest: %016x (%d operations)%n", r.digest(), r.operations());
        for (String failure : r.failures()) {
            out.println("failure: " + failure);
        }
        if (!r.ok()) {
            out.println("replay: " + replayCommand(seed, config.brokenRules()));
        }
        return r.ok() ? 0 : EnifCommandLine.FAILED;
    }

    private static String replayCommand(long seed, Set<BrokenRule> rules) {
        StringBuilder sb = new StringBuilder("./enif sim --seed ").append(seed);
        if (!rules.isEmpty()) {
            sb.append(" --break ");
            sb.append(String.join(",", rules.stream().map(Enum::name).sorted().toList()));
        }
        return sb.toString();
    }
}
