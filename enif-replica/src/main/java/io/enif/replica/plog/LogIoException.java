package io.enif.replica.plog;

/**
 * A private log could not do its job: an I/O error while writing, syncing, reading or deleting its files, or the log
 * is closed. The replica that owns the log goes to the error state.
 */
public class LogIoException extends RuntimeException {

    public LogIoException(String message) {
        super(message);
    }

    public LogIoException(String message, Throwable cause) {
        super(message, cause);
    }
}
