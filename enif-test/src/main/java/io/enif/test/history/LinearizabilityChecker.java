package io.enif.test.history;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Per-key linearizability (Herlihy & Wing), decided by a Wing–Gong search with Lowe's memoisation of (linearized set,
 * state) pairs, as in Porcupine. The history is split by hash key (P-compositionality: every operation touches one
 * hash key), and each part is searched alone.
 *
 * <p>Rules for outcomes: a {@link Outcome#FAILED} operation never happened and is left out; an {@link Outcome#UNKNOWN}
 * write may take effect at any point after its invocation or never (its end is open and the search may finish without
 * it); an unknown read is left out (it changes nothing and returned nothing).
 *
 * <p>An unknown put or multi_put whose value no read returned, on sort keys that only puts, multi_puts and gets
 * touch, is left out before the search: linearizing it after everything else is always allowed (its end is open), and
 * wherever else it could go, a write nobody read changes no other operation's result, so the history is linearizable
 * with it exactly when it is without it. Faults that leave many writes without an answer would otherwise multiply the
 * search.
 *
 * <p>The search gives up on a key after {@code maxSteps} steps and reports it as undecided rather than guessing.
 */
public final class LinearizabilityChecker {

    /** The verdict for one hash key. */
    public enum Verdict {
        LINEARIZABLE,
        NOT_LINEARIZABLE,
        UNDECIDED
    }

    /** The verdict for a whole history. */
    public record Result(Map<String, Verdict> verdicts, List<String> problems) {
        /** Whether every key is linearizable. */
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final long maxSteps;

    public LinearizabilityChecker(long maxSteps) {
        this.maxSteps = maxSteps;
    }

    /** A checker that searches up to a million steps per key. */
    public static LinearizabilityChecker standard() {
        return new LinearizabilityChecker(1_000_000);
    }

    /**
     * Checks every hash key of {@code operations}. Within a hash key, sort keys no operation ties together are
     * independent objects (locality): {@code a} and {@code b} joined by multi_put are one object, {@code n} another;
     * each object is searched alone, which keeps unknown outcomes on one from multiplying the search on another.
     */
    public Result check(List<Operation> operations) {
        Map<String, List<Operation>> byKey = new TreeMap<>();
        for (Operation o : operations) {
            if (o.outcome() == Outcome.FAILED || (o.outcome() == Outcome.UNKNOWN && !o.op().isWrite())) {
                continue;
            }
            byKey.computeIfAbsent(o.hashKey(), k -> new ArrayList<>()).add(o);
        }
        Map<String, Verdict> verdicts = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        byKey.forEach((key, ops) -> {
            Verdict worst = Verdict.LINEARIZABLE;
            for (List<Operation> object : objects(ops)) {
                Verdict v = checkKey(object);
                if (v != Verdict.LINEARIZABLE) {
                    problems.add(describe(key, v, object));
                    worst = worst == Verdict.NOT_LINEARIZABLE ? worst : v;
                }
            }
            verdicts.put(key, worst);
        });
        return new Result(verdicts, problems);
    }

    /** Splits one hash key's operations into independent objects: groups of sort keys some operation ties. */
    private static List<List<Operation>> objects(List<Operation> ops) {
        Map<String, String> parent = new HashMap<>();
        for (Operation o : ops) {
            List<String> keys = sortKeys(o.op());
            for (String k : keys) {
                parent.putIfAbsent(k, k);
            }
            for (int i = 1; i < keys.size(); i++) {
                parent.put(root(parent, keys.get(i)), root(parent, keys.get(0)));
            }
        }
        Map<String, List<Operation>> groups = new TreeMap<>();
        for (Operation o : ops) {
            groups.computeIfAbsent(root(parent, sortKeys(o.op()).get(0)), k -> new ArrayList<>())
                    .add(o);
        }
        return new ArrayList<>(groups.values());
    }

    private static String root(Map<String, String> parent, String k) {
        String r = k;
        while (!parent.get(r).equals(r)) {
            r = parent.get(r);
        }
        return r;
    }

    private static List<String> sortKeys(Op op) {
        if (op instanceof Op.Put p) {
            return List.of(p.sortKey());
        } else if (op instanceof Op.Get g) {
            return List.of(g.sortKey());
        } else if (op instanceof Op.Incr i) {
            return List.of(i.sortKey());
        } else if (op instanceof Op.CheckAndSet c) {
            return List.of(c.checkSortKey(), c.setSortKey());
        }
        return new ArrayList<>(((Op.MultiPut) op).values().keySet());
    }

    /** Checks the operations of one hash key. */
    public Verdict checkKey(List<Operation> operations) {
        List<Operation> ops = withoutUnobservedUnknownWrites(operations);
        ops.sort(Comparator.comparingLong(Operation::invokedAt).thenComparingLong(Operation::id));
        return new Search(ops, maxSteps).run();
    }

    /** {@code operations} without the unknown puts and multi_puts the class comment proves irrelevant. */
    static List<Operation> withoutUnobservedUnknownWrites(List<Operation> operations) {
        Set<String> otherwiseTouched = new HashSet<>();
        Set<Map.Entry<String, String>> read = new HashSet<>();
        for (Operation o : operations) {
            if (o.op() instanceof Op.Get g) {
                if (o.outcome() == Outcome.OK && o.result() != null) {
                    read.add(Map.entry(g.sortKey(), (String) o.result()));
                }
            } else if (!(o.op() instanceof Op.Put) && !(o.op() instanceof Op.MultiPut)) {
                otherwiseTouched.addAll(sortKeys(o.op()));
            }
        }
        List<Operation> kept = new ArrayList<>(operations.size());
        for (Operation o : operations) {
            if (o.outcome() != Outcome.UNKNOWN || !unobservedBlindWrite(o.op(), read, otherwiseTouched)) {
                kept.add(o);
            }
        }
        return kept;
    }

    private static boolean unobservedBlindWrite(
            Op op, Set<Map.Entry<String, String>> read, Set<String> otherwiseTouched) {
        Map<String, String> writes;
        if (op instanceof Op.Put p) {
            writes = Map.of(p.sortKey(), p.value());
        } else if (op instanceof Op.MultiPut m) {
            writes = m.values();
        } else {
            return false;
        }
        for (Map.Entry<String, String> w : writes.entrySet()) {
            if (otherwiseTouched.contains(w.getKey()) || read.contains(Map.entry(w.getKey(), w.getValue()))) {
                return false;
            }
        }
        return true;
    }

    private static String describe(String key, Verdict v, List<Operation> ops) {
        StringBuilder sb = new StringBuilder();
        sb.append("hash key ")
                .append(key)
                .append(": ")
                .append(v)
                .append(" (")
                .append(ops.size())
                .append(" operations)");
        ops.stream()
                .sorted(Comparator.comparingLong(Operation::invokedAt))
                .limit(40)
                .forEach(o -> sb.append("\n    ").append(o));
        return sb.toString();
    }

    /** One key's search. */
    private static final class Search {
        private final List<Operation> ops;
        private final int definiteCount;
        private final BitSet definiteMask = new BitSet();
        private final int[] earlierTwin;
        /** (definite operations done, state) → the sets of unknown operations done with which it was already tried. */
        private final Map<List<Object>, List<BitSet>> seen = new HashMap<>();

        private final long maxSteps;
        private long steps;

        Search(List<Operation> ops, long maxSteps) {
            this.ops = ops;
            this.maxSteps = maxSteps;
            for (int i = 0; i < ops.size(); i++) {
                if (ops.get(i).isDefinite()) {
                    definiteMask.set(i);
                }
            }
            this.definiteCount = definiteMask.cardinality();
            // Symmetry: identical unknown writes (a client's retries of one write) are interchangeable, and the
            // earliest invoked can stand in for any later one, so they are used up in invocation order.
            this.earlierTwin = new int[ops.size()];
            Map<Op, Integer> lastUnknown = new HashMap<>();
            for (int i = 0; i < ops.size(); i++) {
                Operation o = ops.get(i);
                earlierTwin[i] = -1;
                if (!o.isDefinite()) {
                    Integer twin = lastUnknown.put(o.op(), i);
                    earlierTwin[i] = twin == null ? -1 : twin;
                }
            }
        }

        Verdict run() {
            try {
                return search(Map.of(), new BitSet(ops.size()), 0) ? Verdict.LINEARIZABLE : Verdict.NOT_LINEARIZABLE;
            } catch (BudgetExceeded e) {
                return Verdict.UNDECIDED;
            }
        }

        private boolean search(Map<String, String> state, BitSet done, int definiteDone) {
            if (definiteDone == definiteCount) {
                return true;
            }
            if (++steps > maxSteps) {
                throw new BudgetExceeded();
            }
            // The earliest end among operations not linearized yet: nothing invoked after it may go next.
            long horizon = Long.MAX_VALUE;
            for (int i = done.nextClearBit(0); i < ops.size(); i = done.nextClearBit(i + 1)) {
                horizon = Math.min(horizon, ops.get(i).completedAt());
            }
            // Definite operations first: a linearizable history is usually found without guessing unknown ones.
            for (int pass = 0; pass < 2; pass++) {
                for (int i = done.nextClearBit(0); i < ops.size(); i = done.nextClearBit(i + 1)) {
                    Operation o = ops.get(i);
                    if (o.invokedAt() > horizon) {
                        break; // sorted by invocation: every later one is out too
                    }
                    if (o.isDefinite() != (pass == 0)) {
                        continue;
                    }
                    if (earlierTwin[i] >= 0 && !done.get(earlierTwin[i])) {
                        continue;
                    }
                    KeyModel.Step step = KeyModel.apply(state, o.op());
                    if (o.isDefinite() && !Objects.equals(step.result(), o.result())) {
                        continue;
                    }
                    BitSet next = (BitSet) done.clone();
                    next.set(i);
                    if (!firstVisit(next, step.state())) {
                        continue;
                    }
                    if (search(step.state(), next, definiteDone + (o.isDefinite() ? 1 : 0))) {
                        return true;
                    }
                }
            }
            return false;
        }

        /**
         * Lowe's memoisation with dominance: a configuration is not worth visiting when the same definite operations
         * led to the same state before with a subset of its unknown operations used up (unknown operations never
         * constrain the order, so having fewer of them used leaves at least as many ways on).
         */
        private boolean firstVisit(BitSet done, Map<String, String> state) {
            BitSet definite = (BitSet) done.clone();
            definite.and(definiteMask);
            BitSet unknown = (BitSet) done.clone();
            unknown.andNot(definiteMask);
            List<BitSet> tried = seen.computeIfAbsent(List.of(definite, state), k -> new ArrayList<>());
            for (BitSet earlier : tried) {
                BitSet extra = (BitSet) earlier.clone();
                extra.andNot(unknown);
                if (extra.isEmpty()) {
                    return false;
                }
            }
            tried.removeIf(earlier -> {
                BitSet extra = (BitSet) unknown.clone();
                extra.andNot(earlier);
                return extra.isEmpty();
            });
            tried.add(unknown);
            return true;
        }
    }

    private static final class BudgetExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BudgetExceeded() {
            super(null, null, false, false);
        }
    }
}
