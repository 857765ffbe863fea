package io.enif.bench.storage;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * The data set both sides of a storage benchmark hold: {@code hashKeys} hash keys with {@link #SORT_KEYS_PER_HASH_KEY}
 * sort keys each, values of {@link #VALUE_SIZE} bytes.
 */
final class BenchData {
    static final int SORT_KEYS_PER_HASH_KEY = 10;
    static final int VALUE_SIZE = 1024;

    private BenchData() {}

    static byte[] hashKey(int index) {
        return String.format("user%08d", index).getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] sortKey(int index) {
        return String.format("field%02d", index).getBytes(StandardCharsets.US_ASCII);
    }

    /** A value of {@link #VALUE_SIZE} random bytes. */
    static byte[] value(Random random) {
        byte[] value = new byte[VALUE_SIZE];
        random.nextBytes(value);
        return value;
    }
}
