package io.enif.storage.op;

import io.enif.proto.base.blob;
import io.enif.proto.key.KeyCodec;

/** Validating access to the keys of requests: bad keys come back as null, never as an exception. */
public final class Keys {
    private Keys() {}

    /** The bytes of an encoded key, or null when the key is shorter than its declared hash key. */
    public static byte[] wellFormed(blob key) {
        byte[] bytes = Bytes.of(key);
        return KeyCodec.isWellFormed(bytes) ? bytes : null;
    }

    /** The encoded key of a hash key and sort key, or null when the hash key is too long to encode. */
    public static byte[] encode(byte[] hashKey, byte[] sortKey) {
        return hashKey.length > KeyCodec.MAX_HASH_KEY_LENGTH ? null : KeyCodec.encode(hashKey, sortKey);
    }

    /** The encoded key of two blobs (absent = empty), or null when the hash key is too long to encode. */
    public static byte[] encode(blob hashKey, blob sortKey) {
        return encode(Bytes.of(hashKey), Bytes.of(sortKey));
    }

    /** Whether a hash key can be encoded. */
    public static boolean isValidHashKey(byte[] hashKey) {
        return hashKey.length <= KeyCodec.MAX_HASH_KEY_LENGTH;
    }
}
