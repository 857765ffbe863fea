package io.enif.storage;

import org.rocksdb.RocksDBException;
import org.rocksdb.Status;

/**
 * The result codes that rrdb responses carry in their {@code error} field: RocksDB status codes
 * ({@code spec/protocol.md} §11). The Pegasus client gives 0, 1, 7 and 13 a meaning; any other non-zero code makes it
 * fail the call.
 */
public final class RocksStatus {
    /** Success. */
    public static final int OK = 0;
    /** The record is absent or expired; for scans, the context is unknown or expired. */
    public static final int NOT_FOUND = 1;
    /** Stored data is corrupt. */
    public static final int CORRUPTION = 2;
    /** The operation is not supported. */
    public static final int NOT_SUPPORTED = 3;
    /** Bad input: a malformed key, an empty list, a non-integer for incr or an int check, an overflow. */
    public static final int INVALID_ARGUMENT = 4;
    /** An I/O error in the storage engine. */
    public static final int IO_ERROR = 5;
    /** A read stopped at a limit while records remain, or a scan ran out of time. */
    public static final int INCOMPLETE = 7;
    /** A check_and_set / check_and_mutate check did not pass. */
    public static final int TRY_AGAIN = 13;

    private RocksStatus() {}

    /** The status code of a RocksDB failure (IO_ERROR when RocksDB gave none). */
    public static int of(RocksDBException e) {
        Status status = e.getStatus();
        if (status == null || status.getCode() == null) {
            return IO_ERROR;
        }
        int code = status.getCode().getValue();
        return code == OK ? IO_ERROR : code;
    }
}
