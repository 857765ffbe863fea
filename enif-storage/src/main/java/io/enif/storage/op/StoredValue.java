package io.enif.storage.op;

import io.enif.proto.key.ExpireTime;
import io.enif.proto.key.ValueCodec;
import java.util.Arrays;

/**
 * Reading stored values ({@code [u32 BE expire_ts][user bytes]}) against the clock. A record is expired iff
 * {@code expire_ts > 0 && expire_ts <= now}; an expired record is invisible to every read.
 */
public final class StoredValue {
    private StoredValue() {}

    /** The expiry of a stored value (0 for a value too short to hold a header, which no write produces). */
    public static int expireTs(byte[] stored) {
        return stored.length < ValueCodec.HEADER_LENGTH ? 0 : ValueCodec.expireTs(stored);
    }

    /** Whether a stored value is expired at {@code now} (2016-epoch seconds). */
    public static boolean isExpired(byte[] stored, int now) {
        return ExpireTime.isExpired(expireTs(stored), now);
    }

    /** The user bytes of a stored value. */
    public static byte[] userValue(byte[] stored) {
        return stored.length < ValueCodec.HEADER_LENGTH
                ? Bytes.EMPTY
                : Arrays.copyOfRange(stored, ValueCodec.HEADER_LENGTH, stored.length);
    }

    /** The user bytes of a stored value that is present and live at {@code now}, else null. */
    public static byte[] liveUserValue(byte[] stored, int now) {
        return stored == null || isExpired(stored, now) ? null : userValue(stored);
    }
}
