package io.enif.test.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * "Every acknowledged write survives": compares the data left at the end of a run with the acknowledged writes of
 * the history.
 *
 * <ul>
 *   <li>A sort key written only by put and multi_put must hold the value of a write that no acknowledged write
 *       definitely followed (one invoked after it completed); when some write to it was acknowledged, it must hold
 *       something.
 *   <li>A sort key changed only by incr (positive deltas) must hold at least the sum of the acknowledged deltas and
 *       at most that plus the deltas of unknown outcome.
 *   <li>Sort keys also written by check_and_set are left to the linearizability checker.
 * </ul>
 */
public final class SurvivalChecker {

    private SurvivalChecker() {}

    private record Write(Operation op, String value) {}

    /**
     * Returns one line per lost write; empty when nothing was lost.
     *
     * @param finalData hash key → sort key → value, as the partitions hold them after the run
     */
    public static List<String> check(List<Operation> operations, Map<String, Map<String, String>> finalData) {
        Map<String, List<Write>> puts = new TreeMap<>();
        Map<String, List<Operation>> incrs = new TreeMap<>();
        Set<String> mixed = new HashSet<>();
        for (Operation o : operations) {
            if (o.outcome() == Outcome.FAILED || !o.op().isWrite()) {
                continue;
            }
            if (o.op() instanceof Op.Put p) {
                puts.computeIfAbsent(cell(o.hashKey(), p.sortKey()), k -> new ArrayList<>())
                        .add(new Write(o, p.value()));
            } else if (o.op() instanceof Op.MultiPut m) {
                m.values()
                        .forEach((sk, v) -> puts.computeIfAbsent(cell(o.hashKey(), sk), k -> new ArrayList<>())
                                .add(new Write(o, v)));
            } else if (o.op() instanceof Op.Incr i) {
                incrs.computeIfAbsent(cell(o.hashKey(), i.sortKey()), k -> new ArrayList<>())
                        .add(o);
            } else if (o.op() instanceof Op.CheckAndSet c) {
                mixed.add(cell(o.hashKey(), c.setSortKey()));
            }
        }
        mixed.addAll(intersection(puts.keySet(), incrs.keySet()));
        List<String> lost = new ArrayList<>();
        puts.forEach((cell, writes) -> {
            if (!mixed.contains(cell)) {
                checkPuts(cell, writes, valueOf(finalData, cell)).ifPresent(lost::add);
            }
        });
        incrs.forEach((cell, ops) -> {
            if (!mixed.contains(cell)) {
                checkIncrs(cell, ops, valueOf(finalData, cell)).ifPresent(lost::add);
            }
        });
        return lost;
    }

    private static Optional<String> checkPuts(String cell, List<Write> writes, String actual) {
        boolean anyAcked = writes.stream().anyMatch(w -> w.op().isDefinite());
        if (!anyAcked) {
            return Optional.empty();
        }
        List<String> allowed = new ArrayList<>();
        for (Write w : writes) {
            boolean superseded =
                    writes.stream().anyMatch(o -> o.op().isDefinite() && o.op().invokedAt() > w.op().completedAt());
            if (!superseded) {
                allowed.add(w.value());
            }
        }
        if (actual != null && allowed.contains(actual)) {
            return Optional.empty();
        }
        return Optional.of(cell + " holds " + actual + " but the acknowledged writes allow only " + allowed);
    }

    private static Optional<String> checkIncrs(String cell, List<Operation> ops, String actual) {
        long min = 0;
        long max = 0;
        for (Operation o : ops) {
            long delta = ((Op.Incr) o.op()).delta();
            if (delta < 0) {
                return Optional.empty();
            }
            max += delta;
            if (o.isDefinite()) {
                min += delta;
            }
        }
        long value = actual == null ? 0 : Long.parseLong(actual);
        if (value >= min && value <= max) {
            return Optional.empty();
        }
        return Optional.of(cell + " holds " + value + " but the increments allow [" + min + ", " + max + "]");
    }

    private static String valueOf(Map<String, Map<String, String>> finalData, String cell) {
        int cut = cell.indexOf('\u0000');
        Map<String, String> row = finalData.getOrDefault(cell.substring(0, cut), new HashMap<>());
        return row.get(cell.substring(cut + 1));
    }

    private static String cell(String hashKey, String sortKey) {
        return hashKey + '\u0000' + sortKey;
    }

    private static Set<String> intersection(Set<String> a, Set<String> b) {
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        both.removeIf(Objects::isNull);
        return both;
    }
}
