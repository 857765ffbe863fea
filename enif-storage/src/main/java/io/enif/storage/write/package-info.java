/**
 * The write path: a mutation's {@link io.enif.storage.WriteRequest}s applied under one decree in one RocksDB write
 * batch, together with the decree itself (in the meta column family), so that a batch is all-or-nothing on disk.
 *
 * <p>The batch is a {@code WriteBatchWithIndex}: a read-modify-write operation (incr, check_and_set,
 * check_and_mutate) reads through it, so it sees what earlier requests of the same mutation wrote. A request whose
 * input is bad (malformed key, empty list, non-integer, overflow, unknown check type) gets its error code and writes
 * nothing; the mutation's other requests and the decree still apply, as in Pegasus, where such requests become empty
 * writes.
 */
package io.enif.storage.write;
