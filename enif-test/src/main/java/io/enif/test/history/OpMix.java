package io.enif.test.history;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * The operation mix the simulation's and the chaos run's clients share: put and multi_put on sort keys {@code a} and
 * {@code b}, incr on {@code n}, check_and_set on {@code c}, get on any of them (25 % put, 30 % get, 15 % incr, 15 %
 * check_and_set, 15 % multi_put). Values come from the caller, unique per client and operation, so a read names the
 * write it saw.
 */
public final class OpMix {
    /** The operation types, as profiles and reports name them. */
    public static final List<String> TYPES = List.of("put", "get", "incr", "check_and_set", "multi_put");

    /** The sort keys used under every hash key. */
    public static final List<String> SORT_KEYS = List.of("a", "b", "n", "c");

    /** One operation to run. */
    public record Next(String type, String hashKey, Op op) {}

    private OpMix() {}

    /**
     * Picks the next operation on {@code hashKey}.
     *
     * @param value the value it writes, if it writes
     * @param lastSeenAtC what this client last read at {@code (hashKey, c)}, given the hash key: the expectation of a
     *     check_and_set (one in four expects nothing instead)
     */
    public static Next pick(Random random, String hashKey, String value, Function<String, String> lastSeenAtC) {
        int pick = random.nextInt(100);
        if (pick < 25) {
            return new Next("put", hashKey, new Op.Put(random.nextBoolean() ? "a" : "b", value));
        } else if (pick < 55) {
            return new Next("get", hashKey, new Op.Get(SORT_KEYS.get(random.nextInt(SORT_KEYS.size()))));
        } else if (pick < 70) {
            return new Next("incr", hashKey, new Op.Incr("n", 1 + random.nextInt(3)));
        } else if (pick < 85) {
            String expected = random.nextInt(4) == 0 ? null : lastSeenAtC.apply(hashKey);
            return new Next("check_and_set", hashKey, new Op.CheckAndSet("c", expected, "c", value));
        }
        return new Next("multi_put", hashKey, new Op.MultiPut(Map.of("a", value, "b", value)));
    }
}
