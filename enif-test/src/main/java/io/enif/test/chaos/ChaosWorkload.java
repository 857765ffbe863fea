package io.enif.test.chaos;

import io.enif.test.history.OpMix;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * What one chaos client asks for, the same operation kinds and sort keys as the simulation's workload: put and
 * multi_put on sort keys {@code a} and {@code b}, incr on {@code n}, check_and_set on {@code c}, get on any of them.
 * The clients share a small set of hash keys per key epoch, so they contend; a new epoch brings fresh hash keys, so
 * the operations per key (and the checker's work) stay bounded however long the run. Values are unique per client and
 * operation, so a read names the write it saw. Not thread-safe: one per client.
 */
public final class ChaosWorkload {
    private final int client;
    private final Random random;
    private final String keyPrefix;
    private final int hashKeys;
    private final Map<String, String> lastSeen = new HashMap<>();
    private long counter;

    /**
     * @param client the client's number (part of every value it writes)
     * @param seed the seed of its random choices
     * @param keyPrefix the run's prefix of every hash key
     * @param hashKeys hash keys per epoch
     */
    public ChaosWorkload(int client, long seed, String keyPrefix, int hashKeys) {
        if (hashKeys < 1) {
            throw new IllegalArgumentException("hash keys must be positive, not " + hashKeys);
        }
        this.client = client;
        this.random = new Random(seed);
        this.keyPrefix = keyPrefix;
        this.hashKeys = hashKeys;
    }

    /** The hash key number {@code i} of {@code epoch}. */
    public static String hashKey(String keyPrefix, long epoch, int i) {
        return keyPrefix + "e" + epoch + "k" + i;
    }

    /** The next operation, on a hash key of {@code epoch}. */
    public OpMix.Next next(long epoch) {
        String hashKey = hashKey(keyPrefix, epoch, random.nextInt(hashKeys));
        String value = "c" + client + "-" + (++counter);
        return OpMix.pick(random, hashKey, value, lastSeen::get);
    }

    /** This client read {@code value} at {@code (hashKey, sortKey)}: the expectation of its next check_and_set. */
    public void saw(String hashKey, String sortKey, String value) {
        if ("c".equals(sortKey)) {
            lastSeen.put(hashKey, value);
        }
    }
}
