package io.enif.test.sim;

import io.enif.test.history.OpMix;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * What the simulated clients ask for: {@link OpMix}'s operations on a small set of hash keys, so that clients contend,
 * with values unique per client and operation, so a read names the write it saw.
 */
final class SimWorkload {
    private final Random random;
    private final int hashKeys;
    private long counter;
    /** The last value each client saw at each {@code c} sort key (the expectation of its next check_and_set). */
    private final Map<String, String> lastSeen = new HashMap<>();

    SimWorkload(Random random, int hashKeys) {
        this.random = random;
        this.hashKeys = hashKeys;
    }

    OpMix.Next next(int client) {
        String hashKey = "h" + random.nextInt(hashKeys);
        String value = "c" + client + "-" + (++counter);
        return OpMix.pick(random, hashKey, value, key -> lastSeen.get(client + "/" + key));
    }

    /** A client read {@code value} at {@code (hashKey, sortKey)}. */
    void saw(int client, String hashKey, String sortKey, String value) {
        if ("c".equals(sortKey)) {
            lastSeen.put(client + "/" + hashKey, value);
        }
    }
}
