package io.enif.client;

import java.util.OptionalInt;

/**
 * A server answered with an error the client does not retry: an RPC-level error name ({@code ERR_BUSY} when
 * throttled, {@code ERR_DISK_INSUFFICIENT}, {@code ERR_ACL_DENY}, {@code ERR_APP_EXIST}, ...) or an operation status
 * (a RocksDB status code such as 5, kIOError) with no special meaning for the operation.
 */
public class EnifServerException extends EnifClientException {
    private static final long serialVersionUID = 1L;

    private final int status;

    /** A failure carried by an error name. */
    public EnifServerException(String errorName, String message) {
        super(errorName, message, null);
        this.status = -1;
    }

    /** A failure carried by an operation's status code. */
    public EnifServerException(int status, String message) {
        super(null, message, null);
        this.status = status;
    }

    /** The operation's status code (RocksDB's {@code Status::Code}), when that is what failed. */
    public OptionalInt status() {
        return status < 0 ? OptionalInt.empty() : OptionalInt.of(status);
    }
}
