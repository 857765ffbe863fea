package io.enif.replica.plog;

import java.nio.file.Path;

/**
 * A fatal inconsistency in a private log: a corrupt record or file with valid data after it, a missing file in the
 * middle of the log, or a record that was valid at open and no longer is. Enif never deletes data to get past one
 * (DESIGN §10): the replica goes to the error state and is rebuilt from its peers.
 */
public final class LogCorruptionException extends LogIoException {

    private final Path file;
    private final long offset;

    public LogCorruptionException(Path file, long offset, String message) {
        super(file + " at offset " + offset + ": " + message);
        this.file = file;
        this.offset = offset;
    }

    /** The file holding the inconsistency. */
    public Path file() {
        return file;
    }

    /** The byte offset inside {@link #file()} where it starts. */
    public long offset() {
        return offset;
    }
}
