package io.enif.client.ops;

import io.enif.client.ScanRecord;
import java.util.List;

/**
 * One reply of get_scanner or scan, left for the scanner to interpret: status 0 with a context id (-1 = the range is
 * exhausted), 1 = the context was lost, 7 = the server stopped early; anything else is a failure.
 *
 * @param status the RocksDB status
 * @param records the records, keys restored from the encoded keys
 * @param lastKey the encoded key of the last record, or null when there is none
 * @param contextId the context to continue with, or {@link #COMPLETED}
 * @param server the server that answered
 */
public record ScanBatch(int status, List<ScanRecord> records, byte[] lastKey, long contextId, String server) {
    /** The context id of an exhausted range. */
    public static final long COMPLETED = -1;
}
