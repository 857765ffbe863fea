package io.enif.client.internal;

import io.enif.client.ClientConfig;
import io.enif.common.error.ErrorCode;
import io.enif.rpc.RpcException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The client's retry rules for data operations, in one place ({@code spec/protocol.md} §5.2 and DESIGN §10).
 *
 * <table>
 *   <caption>What an attempt's error leads to</caption>
 *   <tr><th>error</th><th>idempotent op</th><th>incr, check_and_set, check_and_mutate</th></tr>
 *   <tr><td>{@code ERR_OBJECT_NOT_FOUND}, {@code ERR_INVALID_STATE}, {@code ERR_PARENT_PARTITION_MISUSED} (the
 *       replica is not this partition's primary)</td><td colspan="2">refresh the route, retry</td></tr>
 *   <tr><td>{@code ERR_NOT_ENOUGH_MEMBER}, {@code ERR_CAPACITY_EXCEEDED}, {@code ERR_SPLITTING} (refused before
 *       anything was applied)</td><td colspan="2">retry</td></tr>
 *   <tr><td>{@code ERR_SESSION_RESET} before the request was written (the connection could not be made, see
 *       {@link SendProof})</td>
 *       <td colspan="2">refresh the route, retry</td></tr>
 *   <tr><td>{@code ERR_SESSION_RESET} on a connection that was up</td><td>refresh the route, retry</td>
 *       <td>unknown outcome</td></tr>
 *   <tr><td>{@code ERR_TIMEOUT}</td><td>retry (the attempt's timer is the time left, so in practice: fail)</td>
 *       <td>unknown outcome</td></tr>
 *   <tr><td>anything else ({@code ERR_BUSY}, {@code ERR_INVALID_DATA}, {@code ERR_ACL_DENY}, ...)</td>
 *       <td colspan="2">fail at once</td></tr>
 * </table>
 *
 * <p>Every retry happens only while the operation's deadline has not passed, after {@link #delayMillis}: a fixed
 * delay ({@link ClientConfig.RetryKind#DEFAULT}) or one that doubles per attempt up to one second ({@link
 * ClientConfig.RetryKind#EXPONENTIAL}).
 */
public final class RetryPolicy {
    /** What to do after a failed attempt. */
    public enum Decision {
        /** Ask the meta server for the partition's primary again (throttled), then retry. */
        REFRESH_ROUTE_AND_RETRY,
        /** Retry on the same route. */
        RETRY,
        /** Fail: the operation may or may not have been applied. */
        UNKNOWN_OUTCOME,
        /** Fail with the error. */
        FAIL
    }

    private static final long MAX_DELAY_MILLIS = 1000;

    private static final Set<String> NOT_PRIMARY = Set.of(
            ErrorCode.ERR_OBJECT_NOT_FOUND.wireName(),
            ErrorCode.ERR_INVALID_STATE.wireName(),
            ErrorCode.ERR_PARENT_PARTITION_MISUSED.wireName());

    private static final Set<String> REFUSED = Set.of(
            ErrorCode.ERR_NOT_ENOUGH_MEMBER.wireName(),
            ErrorCode.ERR_CAPACITY_EXCEEDED.wireName(),
            ErrorCode.ERR_SPLITTING.wireName());

    private final ClientConfig.RetryKind kind;
    private final long baseMillis;

    public RetryPolicy(ClientConfig.RetryKind kind, Duration baseInterval) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.baseMillis = baseInterval.toMillis();
    }

    /** The policy a client config asks for. */
    public static RetryPolicy of(ClientConfig config) {
        return new RetryPolicy(config.retryPolicy(), config.retryBaseInterval());
    }

    /**
     * What to do after an attempt failed with {@code errorName}.
     *
     * @param idempotent whether the operation may be applied twice without harm
     * @param neverSent whether the request provably never left the client ({@link SendProof})
     */
    public Decision decide(String errorName, boolean idempotent, boolean neverSent) {
        if (NOT_PRIMARY.contains(errorName)) {
            return Decision.REFRESH_ROUTE_AND_RETRY;
        }
        if (REFUSED.contains(errorName)) {
            return Decision.RETRY;
        }
        if (RpcException.ERR_SESSION_RESET.equals(errorName)) {
            return idempotent || neverSent ? Decision.REFRESH_ROUTE_AND_RETRY : Decision.UNKNOWN_OUTCOME;
        }
        if (ErrorCode.ERR_TIMEOUT.wireName().equals(errorName)) {
            return idempotent ? Decision.RETRY : Decision.UNKNOWN_OUTCOME;
        }
        return Decision.FAIL;
    }

    /** The delay before retry number {@code attempt} (1 for the first retry), in milliseconds. */
    public long delayMillis(int attempt) {
        if (kind == ClientConfig.RetryKind.DEFAULT || attempt <= 1) {
            return baseMillis;
        }
        int shift = Math.min(attempt - 1, 20);
        return Math.min(MAX_DELAY_MILLIS, Math.max(1, baseMillis) << shift);
    }
}
