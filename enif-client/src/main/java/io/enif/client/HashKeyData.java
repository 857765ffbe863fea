package io.enif.client;

import java.util.List;

/**
 * The rows of one hash key: what {@link EnifTable#batchMultiGet} returns per hash key, and what {@link
 * EnifTable#batchMultiSet} takes per hash key.
 *
 * @param hashKey the hash key
 * @param values the rows, in the order multiGet returns them when read
 * @param allFetched false when a fetch limit stopped the read while more rows remained (always true for a write)
 */
public record HashKeyData(byte[] hashKey, List<SortKeyValue> values, boolean allFetched) {

    /** Rows to write under {@code hashKey}. */
    public HashKeyData(byte[] hashKey, List<SortKeyValue> values) {
        this(hashKey, values, true);
    }
}
