package io.enif.meta.store;

/**
 * A metadata write that succeeded.
 *
 * @param epoch the leadership epoch it was fenced with
 * @param zxid the ZooKeeper transaction id that committed it (a counter in the in-memory store), which orders all
 *     writes of all leaders
 * @param description what was written, for logs and tests
 */
public record StoreWrite(long epoch, long zxid, String description) {}
