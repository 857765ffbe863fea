package io.enif.client;

import java.util.concurrent.CompletableFuture;

/**
 * Walks records batch by batch: one hash key in ascending sort-key order ({@link EnifTable#getScanner}), or whole
 * partitions ({@link EnifTable#getUnorderedScanners}). Not a snapshot: writes made while scanning may or may not be
 * seen. Close it to free the server's scan context.
 *
 * <p>If the server lost the scan context (it expired, or the primary moved), the scanner starts a new one just after
 * the last record it returned, so no record is returned twice. A network failure fails only that {@code next()}
 * call; calling again retries. A server error fails the scanner for good.
 */
public interface EnifScanner extends AutoCloseable {

    /** The next record, or null at the end. */
    ScanRecord next();

    /** Whether {@link #next()} has a record; fetches it if needed. */
    boolean hasNext();

    /** The next record (null at the end), when it arrives; calls are served in order. */
    CompletableFuture<ScanRecord> asyncNext();

    /** Frees the server's scan context; later calls return null. */
    @Override
    void close();
}
