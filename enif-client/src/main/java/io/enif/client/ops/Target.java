package io.enif.client.ops;

import io.enif.common.hash.Crc64;
import io.enif.proto.key.KeyCodec;

/**
 * Where a data operation goes ({@code spec/protocol.md} §9): the partition of a routing hash, or one given partition
 * (full scans). {@link #partitionHash()} is also what the request header carries.
 *
 * @param partitionHash the routing hash; for a given partition, its index (as Pegasus's full scans send)
 * @param partitionIndex the given partition, or -1 to take the hash modulo the partition count
 */
public record Target(long partitionHash, int partitionIndex) {

    /** The partition of a routing hash. */
    public static Target ofHash(long hash) {
        return new Target(hash, -1);
    }

    /** The partition of an encoded key: by its hash key, or by its sort key when the hash key is empty. */
    public static Target ofKey(byte[] encodedKey) {
        return ofHash(KeyCodec.partitionHash(encodedKey));
    }

    /** The partition of a (non-empty) hash key. */
    public static Target ofHashKey(byte[] hashKey) {
        return ofHash(Crc64.compute(hashKey));
    }

    /** One given partition. */
    public static Target ofPartition(int partitionIndex) {
        if (partitionIndex < 0) {
            throw new IllegalArgumentException("negative partition index " + partitionIndex);
        }
        return new Target(partitionIndex, partitionIndex);
    }

    /** The partition index in a table of {@code partitionCount} partitions. */
    public int partitionIndex(int partitionCount) {
        return partitionIndex >= 0 ? partitionIndex : KeyCodec.partitionIndex(partitionHash, partitionCount);
    }
}
