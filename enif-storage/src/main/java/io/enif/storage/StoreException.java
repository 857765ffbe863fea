package io.enif.storage;

/**
 * The storage engine failed while applying a write or running an administrative step (flush, checkpoint,
 * compaction). The partition's state on disk is unchanged by the failed step: the decree did not advance. The replica
 * must treat this as a local failure of the replica (Pegasus: {@code ERR_LOCAL_APP_FAILURE}), never retry past it.
 *
 * <p>Reads never throw this; they report RocksDB failures in the response's {@code error} field.
 */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    /** A failure with a RocksDB status code ({@link RocksStatus}). */
    public StoreException(String message, int status, Throwable cause) {
        super(message + " (rocksdb status " + status + ")", cause);
        this.status = status;
    }

    /** A failure that is not a RocksDB status (file-system errors around checkpoints). */
    public StoreException(String message, Throwable cause) {
        this(message, RocksStatus.IO_ERROR, cause);
    }

    /** The RocksDB status code of the failure. */
    public int status() {
        return status;
    }
}
