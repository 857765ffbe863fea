package io.enif.test.history;

import io.enif.common.hash.Crc64;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recorder of client operations. {@link #invoke} when a client sends a request, {@link #complete} when it learns
 * the outcome; operations never completed are {@link Outcome#UNKNOWN} with an open end. Not thread-safe: the
 * simulation is single-threaded, and concurrent recorders must synchronise around it.
 */
public final class History {
    private record Pending(int client, String hashKey, Op op, long invokedAt) {}

    private final Map<Long, Pending> pending = new LinkedHashMap<>();
    private final List<Operation> completed = new ArrayList<>();
    private long nextId = 1;

    /** Records an invocation; returns the operation's id. */
    public long invoke(int client, String hashKey, Op op, long now) {
        long id = nextId++;
        pending.put(id, new Pending(client, hashKey, op, now));
        return id;
    }

    /** Records the completion of an invoked operation. */
    public void complete(long id, Outcome outcome, Object result, long now) {
        Pending p = pending.remove(id);
        if (p == null) {
            throw new IllegalStateException("operation " + id + " is not pending");
        }
        long end = outcome == Outcome.UNKNOWN ? Long.MAX_VALUE : now;
        completed.add(new Operation(
                id,
                p.client(),
                p.hashKey(),
                p.op(),
                p.invokedAt(),
                end,
                outcome,
                outcome == Outcome.OK ? result : null));
    }

    /** Every operation: the completed ones, then those still pending as {@link Outcome#UNKNOWN}. */
    public List<Operation> operations() {
        List<Operation> all = new ArrayList<>(completed);
        pending.forEach((id, p) -> all.add(new Operation(
                id, p.client(), p.hashKey(), p.op(), p.invokedAt(), Long.MAX_VALUE, Outcome.UNKNOWN, null)));
        return all;
    }

    /** How many operations were invoked. */
    public int size() {
        return completed.size() + pending.size();
    }

    /** A digest (CRC-64 of each operation, chained) in recording order: equal histories give equal digests. */
    public long digest() {
        long crc = 0;
        for (Operation o : operations()) {
            byte[] bytes = o.toString().getBytes(StandardCharsets.UTF_8);
            crc = Long.rotateLeft(crc, 7) ^ Crc64.compute(bytes);
        }
        return crc;
    }
}
