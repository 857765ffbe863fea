package io.enif.test.history;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The sequential specification of one hash key: its state is the map from sort key to value, and each {@link Op}
 * has Pegasus's meaning on it. States are immutable; {@link #apply} returns a new one.
 */
final class KeyModel {
    /** The state after an operation and what the operation returns. */
    record Step(Map<String, String> state, Object result) {}

    private KeyModel() {}

    static Step apply(Map<String, String> state, Op op) {
        if (op instanceof Op.Get get) {
            return new Step(state, state.get(get.sortKey()));
        }
        if (op instanceof Op.Put put) {
            return new Step(with(state, Map.of(put.sortKey(), put.value())), null);
        }
        if (op instanceof Op.MultiPut multi) {
            return new Step(with(state, multi.values()), null);
        }
        if (op instanceof Op.Incr incr) {
            String old = state.get(incr.sortKey());
            long value = (old == null ? 0 : Long.parseLong(old)) + incr.delta();
            return new Step(with(state, Map.of(incr.sortKey(), Long.toString(value))), value);
        }
        if (op instanceof Op.CheckAndSet cas) {
            if (Objects.equals(state.get(cas.checkSortKey()), cas.expected())) {
                return new Step(with(state, Map.of(cas.setSortKey(), cas.setValue())), Boolean.TRUE);
            }
            return new Step(state, Boolean.FALSE);
        }
        throw new IllegalArgumentException("unknown operation " + op);
    }

    private static Map<String, String> with(Map<String, String> state, Map<String, String> values) {
        TreeMap<String, String> next = new TreeMap<>(state);
        next.putAll(values);
        return next;
    }
}
