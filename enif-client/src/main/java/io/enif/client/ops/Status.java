package io.enif.client.ops;

import io.enif.client.EnifClientException;
import io.enif.client.EnifInvalidArgumentException;
import io.enif.client.EnifServerException;

/**
 * The RocksDB status codes rrdb responses carry in {@code error} ({@code spec/protocol.md} §11), and the exception of
 * a code that has no special meaning for the operation.
 */
public final class Status {
    public static final int OK = 0;
    public static final int NOT_FOUND = 1;
    public static final int INVALID_ARGUMENT = 4;
    public static final int INCOMPLETE = 7;
    public static final int TRY_AGAIN = 13;

    private static final String[] NAMES = {
        "kOk", "kNotFound", "kCorruption", "kNotSupported", "kInvalidArgument", "kIOError", "kMergeInProgress",
        "kIncomplete", "kShutdownInProgress", "kTimedOut", "kAborted", "kBusy", "kExpired", "kTryAgain"
    };

    private Status() {}

    /** RocksDB's name of a status code, e.g. {@code kIOError}. */
    public static String name(int status) {
        return status >= 0 && status < NAMES.length ? NAMES[status] : "status " + status;
    }

    /**
     * The failure for a status that ends the operation: {@link EnifInvalidArgumentException} for 4, else {@link
     * EnifServerException}.
     *
     * @param op the operation's name, e.g. {@code incr}
     * @param server the server that answered, as its response says
     */
    public static EnifClientException failure(String op, int status, String server) {
        String where = server == null || server.isEmpty() ? "" : " from " + server;
        if (status == INVALID_ARGUMENT) {
            return new EnifInvalidArgumentException(
                    op + " refused by the server" + where + ": invalid argument (" + name(status) + ")");
        }
        return new EnifServerException(
                status, op + " failed" + where + ": rocksdb error " + status + " (" + name(status) + ")");
    }

    /** Throws the failure of {@code status} unless it is {@link #OK}. */
    public static void requireOk(String op, int status, String server) {
        if (status != OK) {
            throw failure(op, status, server);
        }
    }
}
