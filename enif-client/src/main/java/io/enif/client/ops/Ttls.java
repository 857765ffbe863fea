package io.enif.client.ops;

import io.enif.proto.key.ExpireTime;

/** Relative TTLs turned into the absolute 2016-epoch expiry times requests carry. */
final class Ttls {
    private Ttls() {}

    /** The expiry of a write with {@code ttlSeconds} (0 = none). */
    static int expireTs(int ttlSeconds) {
        return ttlSeconds <= 0 ? 0 : ExpireTime.now() + ttlSeconds;
    }

    /** incr's expiry: 0 keeps the record's TTL, -1 removes it, &gt; 0 sets it. */
    static int incrExpireTs(int ttlSeconds) {
        return ttlSeconds < 0 ? -1 : expireTs(ttlSeconds);
    }
}
