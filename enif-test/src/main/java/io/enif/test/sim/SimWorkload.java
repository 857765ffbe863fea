package io.enif.test.sim;

import io.enif.test.history.Op;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What the simulated clients ask for: a small set of hash keys, so that clients contend; put and multi_put on sort
 * keys {@code a} and {@code b}, incr on {@code n}, check_and_set on {@code c}, get on any of them. Values are unique
 * per client and operation, so a read names the write it saw.
 */
final class SimWorkload {
    /** The operation types, as the profile names them. */
    static final List<String> TYPES = List.of("put", "get", "incr", "check_and_set", "multi_put");

    static final List<String> SORT_KEYS = List.of("a", "b", "n", "c");

    /** One operation to run. */
    record Next(String type, String hashKey, Op op) {}

    private final Random random;
    private final int hashKeys;
    private long counter;
    /** The last value each client saw at each {@code c} sort key (the expectation of its next check_and_set). */
    private final Map<String, String> lastSeen = new HashMap<>();

    SimWorkload(Random random, int hashKeys) {
        this.random = random;
        this.hashKeys = hashKeys;
    }

    Next next(int client) {
        String hashKey = "h" + random.nextInt(hashKeys);
        String value = "c" + client + "-" + (++counter);
        int pick = random.nextInt(100);
        if (pick < 25) {
            return new Next("put", hashKey, new Op.Put(random.nextBoolean() ? "a" : "b", value));
        } else if (pick < 55) {
            return new Next("get", hashKey, new Op.Get(SORT_KEYS.get(random.nextInt(SORT_KEYS.size()))));
        } else if (pick < 70) {
            return new Next("incr", hashKey, new Op.Incr("n", 1 + random.nextInt(3)));
        } else if (pick < 85) {
            String expected = random.nextInt(4) == 0 ? null : lastSeen.get(client + "/" + hashKey);
            return new Next("check_and_set", hashKey, new Op.CheckAndSet("c", expected, "c", value));
        }
        return new Next("multi_put", hashKey, new Op.MultiPut(Map.of("a", value, "b", value)));
    }

    /** A client read {@code value} at {@code (hashKey, sortKey)}. */
    void saw(int client, String hashKey, String sortKey, String value) {
        if ("c".equals(sortKey)) {
            lastSeen.put(client + "/" + hashKey, value);
        }
    }
}
