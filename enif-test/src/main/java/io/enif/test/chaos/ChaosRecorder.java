package io.enif.test.chaos;

import io.enif.test.history.History;
import io.enif.test.history.Op;
import io.enif.test.history.OpMix;
import io.enif.test.history.Operation;
import io.enif.test.history.Outcome;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The chaos run's shared {@link History}, safe for many client threads: every call is recorded on one clock ({@link
 * System#nanoTime()} of this JVM) under one lock, and counted by operation type and outcome.
 */
public final class ChaosRecorder {
    private final History history = new History();
    private final Map<String, long[]> byType = new TreeMap<>();
    private final Map<String, Long> errors = new TreeMap<>();

    /** Records that {@code client} sends {@code op}; returns the history id to complete. */
    public synchronized long invoke(int client, String hashKey, Op op) {
        return history.invoke(client, hashKey, op, System.nanoTime());
    }

    /**
     * Records how the call ended.
     *
     * @param type the operation type for the counts ({@link OpMix#TYPES}, or another name such as {@code
     *     final_get} for reads outside the workload)
     * @param error the error name when it failed, else null
     */
    public synchronized void complete(long id, String type, Outcome outcome, Object result, String error) {
        history.complete(id, outcome, result, System.nanoTime());
        byType.computeIfAbsent(type, t -> new long[Outcome.values().length])[outcome.ordinal()]++;
        if (error != null) {
            errors.merge(error, 1L, Long::sum);
        }
    }

    /** Every operation so far (calls in flight as unknown). */
    public synchronized List<Operation> operations() {
        return history.operations();
    }

    /** How many calls of {@code type} ended with {@code outcome}. */
    public synchronized long count(String type, Outcome outcome) {
        long[] counts = byType.get(type);
        return counts == null ? 0 : counts[outcome.ordinal()];
    }

    /** Acknowledged (OK) calls of the workload's types. */
    public synchronized long acked() {
        long sum = 0;
        for (String type : OpMix.TYPES) {
            sum += count(type, Outcome.OK);
        }
        return sum;
    }

    /** Calls of the workload's types with an unknown outcome. */
    public synchronized long unknown() {
        long sum = 0;
        for (String type : OpMix.TYPES) {
            sum += count(type, Outcome.UNKNOWN);
        }
        return sum;
    }

    /** Failures by error name. */
    public synchronized Map<String, Long> errors() {
        return new TreeMap<>(errors);
    }

    /** The history's digest (see {@link History#digest()}). */
    public synchronized long digest() {
        return history.digest();
    }
}
