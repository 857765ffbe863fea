package io.enif.client.internal;

import io.enif.client.EnifInvalidArgumentException;
import io.enif.proto.key.KeyCodec;
import java.util.List;

/**
 * The client-side argument checks, made before anything is sent, each failing with an {@link
 * EnifInvalidArgumentException} whose message names the operation and what is wrong.
 */
final class Checks {
    private static final byte[] EMPTY = new byte[0];

    private Checks() {}

    /** A null key part as empty. */
    static byte[] orEmpty(byte[] bytes) {
        return bytes == null ? EMPTY : bytes;
    }

    /** A hash key that may be empty (single-key operations), checked for length. */
    static byte[] hashKey(String op, byte[] hashKey) {
        byte[] key = orEmpty(hashKey);
        if (key.length > KeyCodec.MAX_HASH_KEY_LENGTH) {
            throw invalid(op, "hash key must be shorter than 65535 bytes, got " + key.length);
        }
        return key;
    }

    /** A hash key that must not be empty (operations on a whole hash key). */
    static byte[] nonEmptyHashKey(String op, byte[] hashKey) {
        if (hashKey == null || hashKey.length == 0) {
            throw invalid(op, "hash key must not be null or empty");
        }
        return hashKey(op, hashKey);
    }

    /** The encoded key of a single-key operation. */
    static byte[] key(String op, byte[] hashKey, byte[] sortKey) {
        return KeyCodec.encode(hashKey(op, hashKey), orEmpty(sortKey));
    }

    static byte[] value(String op, byte[] value) {
        if (value == null) {
            throw invalid(op, "value must not be null");
        }
        return value;
    }

    static int ttl(String op, int ttlSeconds) {
        if (ttlSeconds < 0) {
            throw invalid(op, "ttl seconds must not be negative, got " + ttlSeconds);
        }
        return ttlSeconds;
    }

    static <T> List<T> nonEmpty(String op, String what, List<T> list) {
        if (list == null || list.isEmpty()) {
            throw invalid(op, what + " must not be null or empty");
        }
        return list;
    }

    static <T> T notNull(String op, String what, T value) {
        if (value == null) {
            throw invalid(op, what + " must not be null");
        }
        return value;
    }

    static EnifInvalidArgumentException invalid(String op, String message) {
        return new EnifInvalidArgumentException(op + ": " + message);
    }
}
