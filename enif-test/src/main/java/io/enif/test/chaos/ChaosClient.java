package io.enif.test.chaos;

import io.enif.client.CheckAndSetOptions;
import io.enif.client.CheckAndSetResult;
import io.enif.client.CheckType;
import io.enif.client.EnifTable;
import io.enif.client.SortKeyValue;
import io.enif.test.history.Op;
import io.enif.test.history.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One chaos client: runs one operation at a time through the Enif client's sync API and records each call (invocation,
 * outcome, result) in the shared {@link ChaosRecorder}.
 */
public final class ChaosClient {
    private static final byte[] EMPTY = new byte[0];

    private final int index;
    private final EnifTable table;
    private final ChaosRecorder recorder;
    private final int timeoutMillis;
    private String lastRead;

    /**
     * @param index the client's number in the history
     * @param timeoutMillis each call's deadline (the client retries inside it)
     */
    public ChaosClient(int index, EnifTable table, ChaosRecorder recorder, int timeoutMillis) {
        this.index = index;
        this.table = table;
        this.recorder = recorder;
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * Runs {@code op} on {@code hashKey} and records it under {@code type}.
     *
     * @return the outcome; for an OK get, {@link #lastRead()} holds what it returned
     */
    public Outcome run(String type, String hashKey, Op op) {
        long id = recorder.invoke(index, hashKey, op);
        Object result;
        try {
            result = call(bytes(hashKey), op);
        } catch (RuntimeException e) {
            Outcome outcome = OutcomeMapping.ofFailure(op, e);
            recorder.complete(id, type, outcome, null, OutcomeMapping.errorName(e));
            return outcome;
        }
        lastRead = op instanceof Op.Get ? (String) result : null;
        recorder.complete(id, type, Outcome.OK, result, null);
        return Outcome.OK;
    }

    /** The value the last OK get returned (null when the sort key held nothing). */
    public String lastRead() {
        return lastRead;
    }

    private Object call(byte[] hashKey, Op op) {
        if (op instanceof Op.Put p) {
            table.set(hashKey, bytes(p.sortKey()), bytes(p.value()), timeoutMillis);
            return null;
        } else if (op instanceof Op.Get g) {
            byte[] value = table.get(hashKey, bytes(g.sortKey()), timeoutMillis);
            return value == null ? null : new String(value, StandardCharsets.UTF_8);
        } else if (op instanceof Op.Incr i) {
            return table.incr(hashKey, bytes(i.sortKey()), i.delta(), timeoutMillis);
        } else if (op instanceof Op.CheckAndSet c) {
            boolean notExist = c.expected() == null;
            CheckAndSetResult r = table.checkAndSet(
                    hashKey,
                    bytes(c.checkSortKey()),
                    notExist ? CheckType.VALUE_NOT_EXIST : CheckType.VALUE_BYTES_EQUAL,
                    notExist ? EMPTY : bytes(c.expected()),
                    bytes(c.setSortKey()),
                    bytes(c.setValue()),
                    CheckAndSetOptions.defaults(),
                    timeoutMillis);
            return r.setSucceed();
        }
        Op.MultiPut m = (Op.MultiPut) op;
        List<SortKeyValue> values = new ArrayList<>();
        for (Map.Entry<String, String> e : m.values().entrySet()) {
            values.add(new SortKeyValue(bytes(e.getKey()), bytes(e.getValue())));
        }
        table.multiSet(hashKey, values, 0, timeoutMillis);
        return null;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
