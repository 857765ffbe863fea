package io.enif.rpc;

import io.enif.common.error.ErrorCode;
import java.util.Objects;
import java.util.Optional;

/**
 * A call that did not produce a result, named by a Pegasus error name: a server's non-OK reply, or a client-local
 * failure, {@code ERR_TIMEOUT} (no reply in time) or {@code ERR_SESSION_RESET} (the connection failed or closed
 * before the reply).
 */
public class RpcException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The client-local name of a lost connection (not in {@link ErrorCode}: servers never send it). */
    public static final String ERR_SESSION_RESET = "ERR_SESSION_RESET";

    private final String errorName;

    public RpcException(String errorName, String message) {
        super(errorName + ": " + message);
        this.errorName = Objects.requireNonNull(errorName, "errorName");
    }

    public RpcException(String errorName, String message, Throwable cause) {
        super(errorName + ": " + message, cause);
        this.errorName = Objects.requireNonNull(errorName, "errorName");
    }

    /** The error name, e.g. {@code ERR_TIMEOUT}. */
    public String errorName() {
        return errorName;
    }

    /** The error as a code Enif may send, when it is one. */
    public Optional<ErrorCode> errorCode() {
        return ErrorCode.fromWireName(errorName);
    }

    /** Whether this is a client-side timeout. */
    public boolean isTimeout() {
        return ErrorCode.ERR_TIMEOUT.wireName().equals(errorName);
    }

    /** Whether the connection was lost. */
    public boolean isSessionReset() {
        return ERR_SESSION_RESET.equals(errorName);
    }

    /** A timeout of a call. */
    public static RpcException timeout(String message) {
        return new RpcException(ErrorCode.ERR_TIMEOUT.wireName(), message);
    }

    /** A lost connection. */
    public static RpcException sessionReset(String message, Throwable cause) {
        return new RpcException(ERR_SESSION_RESET, message, cause);
    }
}
