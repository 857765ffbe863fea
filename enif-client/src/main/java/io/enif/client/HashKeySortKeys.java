package io.enif.client;

import java.util.List;

/**
 * One hash key and some of its sort keys, as {@link EnifTable#batchMultiGet} and {@link EnifTable#batchMultiDel} take
 * them.
 *
 * @param hashKey the hash key (not empty)
 * @param sortKeys the sort keys; for batchMultiGet null or empty means every sort key of the hash key
 */
public record HashKeySortKeys(byte[] hashKey, List<byte[]> sortKeys) {

    /** Every sort key of {@code hashKey} (batchMultiGet only). */
    public static HashKeySortKeys all(byte[] hashKey) {
        return new HashKeySortKeys(hashKey, List.of());
    }
}
