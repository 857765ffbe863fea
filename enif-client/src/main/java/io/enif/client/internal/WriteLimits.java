package io.enif.client.internal;

import io.enif.client.SortKeyValue;
import java.util.List;

/**
 * Pegasus's client write limits ({@code enable_write_limit}, {@code spec/client-and-shell.md} A.2): writes over them
 * are refused before sending, since the server would refuse them anyway (or they would hurt it).
 */
final class WriteLimits {
    static final int MAX_HASH_KEY_BYTES = 1024;
    static final int MAX_SORT_KEY_BYTES = 1024;
    static final int MAX_VALUE_BYTES = 400 * 1024;
    static final int MAX_MULTI_ENTRIES = 1000;
    static final int MAX_MULTI_VALUE_BYTES = 1024 * 1024;

    private final boolean enabled;

    WriteLimits(boolean enabled) {
        this.enabled = enabled;
    }

    /** Checks a single-key write. */
    void single(String op, byte[] hashKey, byte[] sortKey, byte[] value) {
        if (!enabled) {
            return;
        }
        keys(op, hashKey, sortKey);
        if (value != null && value.length > MAX_VALUE_BYTES) {
            throw Checks.invalid(op, "value is " + value.length + " bytes, over the write limit of " + MAX_VALUE_BYTES);
        }
    }

    /** Checks a multi write of one hash key. */
    void multi(String op, byte[] hashKey, List<SortKeyValue> values) {
        if (!enabled) {
            return;
        }
        if (values.size() > MAX_MULTI_ENTRIES) {
            throw Checks.invalid(
                    op, values.size() + " entries are over the write limit of " + MAX_MULTI_ENTRIES + " per call");
        }
        long total = 0;
        for (SortKeyValue value : values) {
            single(op, hashKey, value.sortKey(), value.value());
            total += value.value() == null ? 0 : value.value().length;
        }
        if (total > MAX_MULTI_VALUE_BYTES) {
            throw Checks.invalid(
                    op, "values total " + total + " bytes, over the write limit of " + MAX_MULTI_VALUE_BYTES);
        }
    }

    private static void keys(String op, byte[] hashKey, byte[] sortKey) {
        if (hashKey != null && hashKey.length > MAX_HASH_KEY_BYTES) {
            throw Checks.invalid(
                    op, "hash key is " + hashKey.length + " bytes, over the write limit of " + MAX_HASH_KEY_BYTES);
        }
        if (sortKey != null && sortKey.length > MAX_SORT_KEY_BYTES) {
            throw Checks.invalid(
                    op, "sort key is " + sortKey.length + " bytes, over the write limit of " + MAX_SORT_KEY_BYTES);
        }
    }
}
