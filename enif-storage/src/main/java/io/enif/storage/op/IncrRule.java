package io.enif.storage.op;

import io.enif.proto.rrdb.incr_request;
import io.enif.storage.RocksStatus;
import java.util.OptionalLong;

/**
 * The arithmetic and TTL rules of incr ({@code client-and-shell.md} §A.6). An absent, expired or empty value counts as
 * 0; any other value must be a strict decimal int64. The request's expiry: 0 keeps the old one, &gt; 0 sets it, &lt; 0
 * clears it; for a new record only &gt; 0 applies.
 */
public final class IncrRule {
    /**
     * What incr does.
     *
     * @param status 0, or 4 when the old value is not an integer or the sum overflows (nothing is written)
     * @param newValue the value to store and return; on overflow the old value (Pegasus reports it)
     * @param expireTs the expiry to store with the new value
     */
    public record Result(int status, long newValue, int expireTs) {}

    private IncrRule() {}

    /** incr of a record that is absent or expired. */
    public static Result onAbsent(incr_request request) {
        int expire = request.expire_ts_seconds > 0 ? request.expire_ts_seconds : 0;
        return new Result(RocksStatus.OK, request.increment, expire);
    }

    /** incr of a live record holding {@code userValue} with {@code oldExpireTs}. */
    public static Result onLive(byte[] userValue, int oldExpireTs, incr_request request) {
        long base = 0;
        if (userValue.length > 0) {
            OptionalLong parsed = DecimalInt64.parse(userValue);
            if (parsed.isEmpty()) {
                return new Result(RocksStatus.INVALID_ARGUMENT, 0, 0);
            }
            base = parsed.getAsLong();
        }
        long sum = base + request.increment;
        if (((base ^ sum) & (request.increment ^ sum)) < 0) {
            return new Result(RocksStatus.INVALID_ARGUMENT, base, 0);
        }
        int expire;
        if (request.expire_ts_seconds == 0) {
            expire = oldExpireTs;
        } else if (request.expire_ts_seconds < 0) {
            expire = 0;
        } else {
            expire = request.expire_ts_seconds;
        }
        return new Result(RocksStatus.OK, sum, expire);
    }
}
