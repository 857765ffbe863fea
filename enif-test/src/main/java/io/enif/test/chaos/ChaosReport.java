package io.enif.test.chaos;

import io.enif.test.history.OpMix;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a chaos run found: the faults it injected, the operations by type and outcome, the throughput, and the
 * checkers' findings. The run passes when {@link #failures()} is empty.
 *
 * @param seed the run's seed
 * @param wallMs the whole run, from the first operation to the end of the checks
 * @param workloadMs how long the clients ran
 * @param faults faults injected
 * @param faultsByKind faults injected by kind and role ({@code kill replica} → 3)
 * @param ops per operation type: acknowledged, failed (proven not applied), unknown outcome
 * @param errors client failures by error name
 * @param healMs how long the table took to become fully healthy after the heal (-1 when it did not)
 * @param finalReads cells read after the heal
 * @param checkMs how long the checkers took
 * @param failures why the run failed: violations, lost writes, shortfalls, harness problems; empty when it passed
 */
public record ChaosReport(
        long seed,
        long wallMs,
        long workloadMs,
        int faults,
        Map<String, Integer> faultsByKind,
        Map<String, long[]> ops,
        Map<String, Long> errors,
        long healMs,
        int finalReads,
        long checkMs,
        List<String> failures) {

    /** Whether the run passed. */
    public boolean passed() {
        return failures.isEmpty();
    }

    /** Acknowledged operations of the workload. */
    public long acked() {
        return ops.values().stream().mapToLong(c -> c[0]).sum();
    }

    /** Acknowledged operations per second of workload. */
    public double throughput() {
        return workloadMs <= 0 ? 0 : acked() * 1000.0 / workloadMs;
    }

    /**
     * Why a run falls short of its minimums: fewer faults than {@code minFaults}, less throughput than {@code
     * minThroughput}, fewer acknowledged operations of some type than {@code minOpsPerType}.
     */
    public static List<String> shortfalls(
            int faults,
            double throughput,
            Map<String, long[]> ops,
            int minFaults,
            double minThroughput,
            long minOpsPerType) {
        List<String> out = new ArrayList<>();
        if (faults < minFaults) {
            out.add("only " + faults + " faults injected (minimum " + minFaults + ")");
        }
        if (throughput < minThroughput) {
            out.add(String.format(
                    Locale.ROOT, "throughput %.1f acked ops/s is below the minimum %.1f", throughput, minThroughput));
        }
        for (String type : OpMix.TYPES) {
            long acked = ops.containsKey(type) ? ops.get(type)[0] : 0;
            if (acked < minOpsPerType) {
                out.add("only " + acked + " " + type + " acknowledged (minimum " + minOpsPerType + ")");
            }
        }
        return out;
    }

    /** The report's lines, verdict last. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                Locale.ROOT,
                "chaos: duration %.1f s (workload %.1f s), faults injected %d: %s",
                wallMs / 1000.0,
                workloadMs / 1000.0,
                faults,
                faultsByKind.isEmpty() ? "none" : joined(faultsByKind)));
        for (Map.Entry<String, long[]> e : ops.entrySet()) {
            long[] c = e.getValue();
            lines.add(String.format(
                    Locale.ROOT, "chaos:   %-14s ok %7d  failed %5d  unknown %5d", e.getKey(), c[0], c[1], c[2]));
        }
        if (!errors.isEmpty()) {
            lines.add("chaos: client errors: " + joined(errors));
        }
        lines.add(String.format(
                Locale.ROOT,
                "chaos: %d acked ops, %.1f acked ops/s; fully healthy %s after the heal; %d final reads; checks %d ms",
                acked(),
                throughput(),
                healMs < 0 ? "NEVER" : String.format(Locale.ROOT, "%.1f s", healMs / 1000.0),
                finalReads,
                checkMs));
        for (String f : failures) {
            lines.add("chaos: failure: " + f);
        }
        lines.add(verdict());
        return lines;
    }

    /** The one-line verdict, {@code chaos: PASS ...} or {@code chaos: FAIL ...}. */
    public String verdict() {
        long lost = failures.stream().filter(f -> f.startsWith("lost write")).count();
        long violations =
                failures.stream().filter(f -> f.startsWith("linearizability")).count();
        return String.format(
                Locale.ROOT,
                "chaos: %s seed %d: %d faults, %d acked ops (%.1f/s), %d lost writes, %d linearizability violations%s",
                passed() ? "PASS" : "FAIL",
                seed,
                faults,
                acked(),
                throughput(),
                lost,
                violations,
                passed() ? "" : ", " + failures.size() + " failure(s)");
    }

    /** The report as one JSON object. */
    public String json() {
        StringBuilder sb = new StringBuilder("{");
        sb.append("\"verdict\":\"").append(passed() ? "PASS" : "FAIL").append('"');
        sb.append(",\"seed\":").append(seed);
        sb.append(",\"duration_ms\":").append(wallMs);
        sb.append(",\"workload_ms\":").append(workloadMs);
        sb.append(",\"faults\":").append(faults);
        sb.append(",\"faults_by_kind\":{")
                .append(faultsByKind.entrySet().stream()
                        .map(e -> quote(e.getKey()) + ":" + e.getValue())
                        .collect(Collectors.joining(",")))
                .append('}');
        sb.append(",\"ops\":{")
                .append(ops.entrySet().stream()
                        .map(e -> quote(e.getKey()) + ":{\"ok\":" + e.getValue()[0] + ",\"failed\":" + e.getValue()[1]
                                + ",\"unknown\":" + e.getValue()[2] + "}")
                        .collect(Collectors.joining(",")))
                .append('}');
        sb.append(",\"acked\":").append(acked());
        sb.append(",\"acked_per_second\":").append(String.format(Locale.ROOT, "%.1f", throughput()));
        sb.append(",\"heal_ms\":").append(healMs);
        sb.append(",\"final_reads\":").append(finalReads);
        sb.append(",\"failures\":[")
                .append(failures.stream().map(ChaosReport::quote).collect(Collectors.joining(",")))
                .append("]}");
        return sb.toString();
    }

    private static String joined(Map<String, ?> counts) {
        return counts.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
