package io.enif.test.sim;

import io.enif.test.history.OpMix;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one seed did: operations by type and outcome, faults by type, crashes, partitions and message counts. The CI
 * profile pins minimums a run must reach ({@link Minimums}), so that a change that quietly stops injecting faults or
 * stalls the workload fails the build instead of passing vacuously.
 */
public final class SimProfile {
    /** Client attempts by operation type ("put", "get", ...) → [ok, failed, unknown]. */
    final Map<String, long[]> ops = new TreeMap<>();
    /** Injected faults by type. */
    final Map<String, Integer> faults = new TreeMap<>();

    /** Failed attempts by error name. */
    final Map<String, Integer> errors = new TreeMap<>();

    long messages;
    long messagesCut;
    long messagesDropped;
    long messagesDuplicated;
    long messagesStalled;
    long readsServed;
    long simulatedMs;
    long tasks;
    /** Wall time of the history checks. */
    long checkWallMs;

    void op(String type, int outcomeIndex) {
        ops.computeIfAbsent(type, k -> new long[3])[outcomeIndex]++;
    }

    void fault(String type) {
        faults.merge(type, 1, Integer::sum);
    }

    /** Acknowledged (ok) operations of {@code type}. */
    public long ok(String type) {
        long[] c = ops.get(type);
        return c == null ? 0 : c[0];
    }

    /** Attempts of every type that ended in each outcome: [ok, failed, unknown]. */
    public long[] totals() {
        long[] t = new long[3];
        ops.values().forEach(c -> {
            for (int i = 0; i < 3; i++) {
                t[i] += c[i];
            }
        });
        return t;
    }

    /** Injected faults of {@code type}. */
    public int faults(String type) {
        return faults.getOrDefault(type, 0);
    }

    /** Every injected fault. */
    public int totalFaults() {
        return faults.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Node crashes. */
    public int crashes() {
        return faults("crash");
    }

    /** Network partitions of every kind. */
    public int partitions() {
        return faults("partition") + faults("one-way") + faults("meta-only");
    }

    /** One line: ops by type (ok/failed/unknown), faults by type, messages. */
    public String summary() {
        StringBuilder sb = new StringBuilder("ops");
        ops.forEach((type, c) -> sb.append(' ')
                .append(type)
                .append('=')
                .append(c[0])
                .append('/')
                .append(c[1])
                .append('/')
                .append(c[2]));
        sb.append("; faults");
        faults.forEach((type, n) -> sb.append(' ').append(type).append('=').append(n));
        sb.append("; errors ").append(errors);
        sb.append("; messages ")
                .append(messages)
                .append(" (dropped ")
                .append(messagesDropped)
                .append(", cut ")
                .append(messagesCut)
                .append(", duplicated ")
                .append(messagesDuplicated)
                .append(", stalled ")
                .append(messagesStalled)
                .append("); ")
                .append(simulatedMs)
                .append(" ms simulated, ")
                .append(tasks)
                .append(" tasks, checks ")
                .append(checkWallMs)
                .append(" ms");
        return sb.toString();
    }

    /** Minimums a seed of a pinned profile must reach. */
    public record Minimums(long okOpsPerType, int crashes, int partitions, int totalFaults, long dropped) {
        /** The shortfalls of {@code p}; empty when it meets every minimum. */
        public List<String> shortfalls(SimProfile p) {
            List<String> missing = new ArrayList<>();
            for (String type : OpMix.TYPES) {
                if (p.ok(type) < okOpsPerType) {
                    missing.add(type + " acknowledged " + p.ok(type) + " < " + okOpsPerType);
                }
            }
            if (p.crashes() < crashes) {
                missing.add("crashes " + p.crashes() + " < " + crashes);
            }
            if (p.partitions() < partitions) {
                missing.add("partitions " + p.partitions() + " < " + partitions);
            }
            if (p.totalFaults() < totalFaults) {
                missing.add("faults " + p.totalFaults() + " < " + totalFaults);
            }
            if (p.messagesDropped < dropped) {
                missing.add("dropped messages " + p.messagesDropped + " < " + dropped);
            }
            return missing;
        }
    }
}
