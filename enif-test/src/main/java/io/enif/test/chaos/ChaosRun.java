package io.enif.test.chaos;

import io.enif.client.EnifAdmin;
import io.enif.client.EnifClient;
import io.enif.client.EnifTable;
import io.enif.test.history.LinearizabilityChecker;
import io.enif.test.history.Op;
import io.enif.test.history.OpMix;
import io.enif.test.history.Operation;
import io.enif.test.history.Outcome;
import io.enif.test.history.SurvivalChecker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Consumer;

/**
 * One process-level chaos run against a running cluster: client threads run the workload while a {@link
 * FaultInjector} runs the seeded {@link FaultPlan}; then every fault is healed, the run waits until the table is fully
 * healthy, reads every cell the workload used once more, and checks the history for lost writes ({@link
 * SurvivalChecker}) and linearizability ({@link LinearizabilityChecker}). Progress goes to {@code out} about every 10
 * s.
 */
public final class ChaosRun {
    private static final long PROGRESS_EVERY_MS = 10_000;
    private static final int FINAL_READ_ATTEMPTS = 20;
    private static final String FINAL_GET = "final_get";
    private static final int HISTORIES_PRINTED = 3;

    private final ChaosConfig config;
    private final ProcessControl processes;
    private final EnifClient client;
    private final Consumer<String> out;
    private final ChaosRecorder recorder = new ChaosRecorder();
    private final Set<String> hashKeysUsed = new ConcurrentSkipListSet<>();
    private final List<String> failures = new ArrayList<>();

    /**
     * @param client a client of the cluster (its meta servers), used by every client thread and for health checks
     * @param out where progress and the report go, line by line
     */
    public ChaosRun(ChaosConfig config, ProcessControl processes, EnifClient client, Consumer<String> out) {
        this.config = config;
        this.processes = processes;
        this.client = client;
        this.out = out;
    }

    /** Runs the chaos and returns the report (it is also printed). */
    public ChaosReport run() {
        long start = System.nanoTime();
        EnifTable table = client.openTable(config.table());
        FaultPlan plan = FaultPlan.generate(
                config.seed(),
                config.durationMs(),
                processes.count(ChaosTarget.Role.META),
                processes.count(ChaosTarget.Role.REPLICA),
                config.timing());
        out.accept(String.format(
                Locale.ROOT,
                "chaos: seed %d, started %s, %d s of faults (%d planned: %s), %d clients on %d hash keys per %d-s"
                        + " epoch",
                config.seed(),
                Instant.now(),
                config.durationMs() / 1000,
                plan.faults().size(),
                plan.countByKind(),
                config.threads(),
                config.hashKeys(),
                config.keyEpochMs() / 1000));
        String keyPrefix = "chaos" + config.seed() + "." + Long.toString(System.currentTimeMillis(), 36) + ".";

        Stopper injectorStop = new Stopper();
        FaultInjector injector =
                new FaultInjector(plan, processes, this::healthy, 30_000, this::busiest, injectorStop, out);
        Thread injectorThread = new Thread(injector, "chaos-injector");
        Stopper workStop = new Stopper();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < config.threads(); i++) {
            ChaosClient c = new ChaosClient(i, table, recorder, config.opTimeoutMs());
            ChaosWorkload w = new ChaosWorkload(i, config.seed() * 1_000_003L + i, keyPrefix, config.hashKeys());
            Thread t = new Thread(() -> work(c, w, workStop, start), "chaos-client-" + i);
            workers.add(t);
        }
        workers.forEach(Thread::start);
        injectorThread.start();
        try {
            while (!injector.finished()) {
                joinQuietly(injectorThread, PROGRESS_EVERY_MS);
                out.accept(String.format(
                        Locale.ROOT,
                        "chaos: %6.1f s elapsed, %d faults injected, %d acked ops, %d unknown",
                        (System.nanoTime() - start) / 1e9,
                        injector.injected(),
                        recorder.acked(),
                        recorder.unknown()));
            }
        } finally {
            injectorStop.stop();
            workStop.stop();
            joinQuietly(injectorThread, Long.MAX_VALUE);
            for (Thread t : workers) {
                joinQuietly(t, Long.MAX_VALUE);
            }
        }
        long workloadMs = (System.nanoTime() - start) / 1_000_000L;
        failures.addAll(injector.problems());

        long healStart = System.nanoTime();
        boolean healed = Stopper.pollUntil(this::healthy, config.healTimeoutMs(), 1000);
        long healMs = healed ? (System.nanoTime() - healStart) / 1_000_000L : -1;
        if (!healed) {
            failures.add("the table was not fully healthy " + config.healTimeoutMs() / 1000 + " s after the heal");
        }
        Map<String, Map<String, String>> finalData = finalReads(table);

        long checkStart = System.nanoTime();
        List<Operation> operations = recorder.operations();
        SurvivalChecker.check(operations, finalData).forEach(l -> failures.add("lost write: " + l));
        LinearizabilityChecker.Result lin = LinearizabilityChecker.standard().check(operations);
        lin.problems().forEach(p -> failures.add("linearizability: " + p));
        long checkMs = (System.nanoTime() - checkStart) / 1_000_000L;
        printHistories(lin, operations);

        Map<String, long[]> ops = new TreeMap<>();
        for (String type : OpMix.TYPES) {
            ops.put(type, new long[] {
                recorder.count(type, Outcome.OK),
                recorder.count(type, Outcome.FAILED),
                recorder.count(type, Outcome.UNKNOWN)
            });
        }
        double throughput =
                workloadMs <= 0 ? 0 : ops.values().stream().mapToLong(c -> c[0]).sum() * 1000.0 / workloadMs;
        failures.addAll(ChaosReport.shortfalls(
                injector.injected(),
                throughput,
                ops,
                config.minFaults(),
                config.minThroughput(),
                config.minOpsPerType()));
        ChaosReport report = new ChaosReport(
                config.seed(),
                (System.nanoTime() - start) / 1_000_000L,
                workloadMs,
                injector.injected(),
                injector.injectedByKind(),
                ops,
                recorder.errors(),
                healMs,
                (int) recorder.count(FINAL_GET, Outcome.OK),
                checkMs,
                List.copyOf(failures));
        report.lines().forEach(out);
        return report;
    }

    /**
     * Prints the whole history of the first few keys that are not linearizable, indented (the script keeps those lines
     * in the report file only), with times in ms since the first operation.
     */
    private void printHistories(LinearizabilityChecker.Result lin, List<Operation> operations) {
        List<String> bad = lin.verdicts().entrySet().stream()
                .filter(e -> e.getValue() != LinearizabilityChecker.Verdict.LINEARIZABLE)
                .map(Map.Entry::getKey)
                .limit(HISTORIES_PRINTED)
                .toList();
        if (bad.isEmpty()) {
            return;
        }
        long origin = operations.stream().mapToLong(Operation::invokedAt).min().orElse(0);
        for (String key : bad) {
            out.accept("chaos: the whole history of hash key " + key + " (ms since the first operation):");
            operations.stream()
                    .filter(o -> o.hashKey().equals(key))
                    .sorted(Comparator.comparingLong(Operation::invokedAt))
                    .forEach(o -> out.accept(String.format(
                            Locale.ROOT,
                            "      #%d c%d %s [%.3f, %s] %s%s",
                            o.id(),
                            o.client(),
                            o.op(),
                            (o.invokedAt() - origin) / 1e6,
                            o.completedAt() == Long.MAX_VALUE
                                    ? "inf"
                                    : String.format(Locale.ROOT, "%.3f", (o.completedAt() - origin) / 1e6),
                            o.outcome(),
                            o.outcome() == Outcome.OK ? " -> " + o.result() : "")));
        }
    }

    private void work(ChaosClient c, ChaosWorkload w, Stopper stop, long start) {
        while (!stop.stopped()) {
            long epoch = (System.nanoTime() - start) / 1_000_000L / config.keyEpochMs();
            OpMix.Next next = w.next(epoch);
            hashKeysUsed.add(next.hashKey());
            Outcome outcome = c.run(next.type(), next.hashKey(), next.op());
            if (outcome == Outcome.OK && next.op() instanceof Op.Get g) {
                w.saw(next.hashKey(), g.sortKey(), c.lastRead());
            }
            if (outcome != Outcome.OK) {
                // A failed call already waited out its deadline or was refused at once; pause briefly either way so a
                // client does not spin on an unavailable partition.
                stop.await(50);
            }
        }
    }

    /** Reads every cell the workload used, retrying until each read succeeds; returns what the table holds. */
    private Map<String, Map<String, String>> finalReads(EnifTable table) {
        ChaosClient reader = new ChaosClient(config.threads(), table, recorder, config.opTimeoutMs());
        Map<String, Map<String, String>> data = new TreeMap<>();
        int unread = 0;
        for (String hashKey : hashKeysUsed) {
            for (String sortKey : OpMix.SORT_KEYS) {
                boolean read = false;
                for (int attempt = 0; attempt < FINAL_READ_ATTEMPTS && !read; attempt++) {
                    read = reader.run(FINAL_GET, hashKey, new Op.Get(sortKey)) == Outcome.OK;
                }
                if (!read) {
                    unread++;
                } else if (reader.lastRead() != null) {
                    data.computeIfAbsent(hashKey, k -> new TreeMap<>()).put(sortKey, reader.lastRead());
                }
            }
        }
        if (unread > 0) {
            failures.add(unread + " cells could not be read after the heal");
        }
        return data;
    }

    /** The replica server with the most primaries of the table, or the meta leader. */
    private Optional<Integer> busiest(ChaosTarget.Role role) {
        Map<String, Integer> weight = new HashMap<>();
        if (role == ChaosTarget.Role.META) {
            String leader = client.admin().clusterInfo().get("primary_meta_server");
            if (leader != null) {
                weight.put(leader, 1);
            }
        } else {
            for (EnifAdmin.PartitionConfig p :
                    client.admin().queryConfig(config.table()).partitions()) {
                if (p.primary() != null && !p.primary().isEmpty()) {
                    weight.merge(p.primary(), 1, Integer::sum);
                }
            }
        }
        Optional<Integer> best = Optional.empty();
        int most = 0;
        for (int i = 1; i <= processes.count(role); i++) {
            ChaosTarget target = new ChaosTarget(role, i);
            int w = processes
                    .address(target)
                    .map(a -> weight.getOrDefault(a, 0))
                    .orElse(0);
            if (w > most) {
                most = w;
                best = Optional.of(i);
            }
        }
        return best;
    }

    private boolean healthy() {
        try {
            return client.isAppHealthy(config.table(), config.replicaCount());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void joinQuietly(Thread t, long millis) {
        try {
            if (millis == Long.MAX_VALUE) {
                t.join();
            } else {
                t.join(millis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
