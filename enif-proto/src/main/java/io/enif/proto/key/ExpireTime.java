package io.enif.proto.key;

/**
 * Expiry times as Pegasus counts them: seconds since 2016-01-01 00:00:00 UTC. An expiry of 0 means "never"; a record
 * is expired when {@code expireTs > 0 && expireTs <= now}.
 */
public final class ExpireTime {
    /** 2016-01-01 00:00:00 UTC in Unix seconds. */
    public static final long EPOCH_2016_UNIX_SECONDS = 1_451_606_400L;

    private ExpireTime() {}

    /** Unix milliseconds converted to seconds since the 2016 epoch. */
    public static int fromUnixMillis(long unixMillis) {
        return (int) (unixMillis / 1000 - EPOCH_2016_UNIX_SECONDS);
    }

    /** Seconds since the 2016 epoch now, by the system clock. */
    public static int now() {
        return fromUnixMillis(System.currentTimeMillis());
    }

    /** Whether a record with {@code expireTs} is expired at {@code now} (both in 2016-epoch seconds). */
    public static boolean isExpired(int expireTs, int now) {
        return expireTs > 0 && Integer.toUnsignedLong(expireTs) <= Integer.toUnsignedLong(now);
    }
}
