package io.enif.proto.key;

import io.enif.common.hash.Crc64;
import java.util.Arrays;

/**
 * Pegasus's key layout ({@code spec/protocol.md} §9): {@code [u16 BE hash_key length][hash_key][sort_key]}. The same
 * bytes are the client's request key and the stored RocksDB key; they compare as unsigned bytes.
 */
public final class KeyCodec {
    /** A hash key must be shorter than this. */
    public static final int MAX_HASH_KEY_LENGTH = 0xFFFF - 1;

    private KeyCodec() {}

    /**
     * Encodes a hash key and sort key.
     *
     * @throws IllegalArgumentException when the hash key is 65535 bytes or longer
     */
    public static byte[] encode(byte[] hashKey, byte[] sortKey) {
        if (hashKey.length > MAX_HASH_KEY_LENGTH) {
            throw new IllegalArgumentException("hash key too long: " + hashKey.length + " bytes (limit 65534)");
        }
        byte[] key = new byte[2 + hashKey.length + sortKey.length];
        key[0] = (byte) (hashKey.length >>> 8);
        key[1] = (byte) hashKey.length;
        System.arraycopy(hashKey, 0, key, 2, hashKey.length);
        System.arraycopy(sortKey, 0, key, 2 + hashKey.length, sortKey.length);
        return key;
    }

    /** The prefix shared by every key of {@code hashKey}: the encoding with an empty sort key. */
    public static byte[] hashKeyPrefix(byte[] hashKey) {
        return encode(hashKey, new byte[0]);
    }

    /** Whether {@code key} is long enough to hold its declared hash key. */
    public static boolean isWellFormed(byte[] key) {
        return key.length >= 2 && key.length >= 2 + hashKeyLength(key);
    }

    /** The declared hash-key length of an encoded key (the key must hold at least 2 bytes). */
    public static int hashKeyLength(byte[] key) {
        return (key[0] & 0xff) << 8 | (key[1] & 0xff);
    }

    /**
     * The hash key of an encoded key.
     *
     * @throws IllegalArgumentException when the key is not well formed
     */
    public static byte[] hashKey(byte[] key) {
        requireWellFormed(key);
        return Arrays.copyOfRange(key, 2, 2 + hashKeyLength(key));
    }

    /**
     * The sort key of an encoded key.
     *
     * @throws IllegalArgumentException when the key is not well formed
     */
    public static byte[] sortKey(byte[] key) {
        requireWellFormed(key);
        return Arrays.copyOfRange(key, 2 + hashKeyLength(key), key.length);
    }

    private static void requireWellFormed(byte[] key) {
        if (!isWellFormed(key)) {
            throw new IllegalArgumentException("malformed key of " + key.length + " bytes");
        }
    }

    /**
     * The smallest byte string greater than every string starting with {@code prefix}: increment the last byte that is
     * not 0xFF and drop what follows. Returns null when there is none (the prefix is empty or all 0xFF).
     */
    public static byte[] successorOfPrefix(byte[] prefix) {
        int i = prefix.length - 1;
        while (i >= 0 && prefix[i] == (byte) 0xff) {
            i--;
        }
        if (i < 0) {
            return null;
        }
        byte[] next = Arrays.copyOf(prefix, i + 1);
        next[i]++;
        return next;
    }

    /**
     * The routing hash of an encoded key: the CRC-64 of its hash key, or of its sort key when the hash key is empty.
     */
    public static long partitionHash(byte[] key) {
        requireWellFormed(key);
        int hashKeyLength = hashKeyLength(key);
        if (hashKeyLength > 0) {
            return Crc64.compute(key, 2, hashKeyLength);
        }
        return Crc64.compute(key, 2, key.length - 2);
    }

    /** The partition of a routing hash: the hash, read as unsigned, modulo the partition count. */
    public static int partitionIndex(long hash, int partitionCount) {
        return (int) Long.remainderUnsigned(hash, partitionCount);
    }
}
