package io.enif.proto.key;

import java.util.Arrays;

/**
 * The stored value layout: {@code [u32 BE expire_ts][user bytes]}, the expiry in 2016-epoch seconds (0 = never).
 * This is Pegasus's value format version 0.
 */
public final class ValueCodec {
    /** Bytes before the user value. */
    public static final int HEADER_LENGTH = 4;

    private ValueCodec() {}

    public static byte[] encode(int expireTs, byte[] userValue) {
        byte[] stored = new byte[HEADER_LENGTH + userValue.length];
        stored[0] = (byte) (expireTs >>> 24);
        stored[1] = (byte) (expireTs >>> 16);
        stored[2] = (byte) (expireTs >>> 8);
        stored[3] = (byte) expireTs;
        System.arraycopy(userValue, 0, stored, HEADER_LENGTH, userValue.length);
        return stored;
    }

    /**
     * The expiry of a stored value.
     *
     * @throws IllegalArgumentException when the value is shorter than its header
     */
    public static int expireTs(byte[] stored) {
        if (stored.length < HEADER_LENGTH) {
            throw new IllegalArgumentException("stored value of " + stored.length + " bytes has no expiry header");
        }
        return (stored[0] & 0xff) << 24 | (stored[1] & 0xff) << 16 | (stored[2] & 0xff) << 8 | (stored[3] & 0xff);
    }

    /** The user bytes of a stored value. */
    public static byte[] userValue(byte[] stored) {
        expireTs(stored);
        return Arrays.copyOfRange(stored, HEADER_LENGTH, stored.length);
    }
}
