/**
 * The partition store: one RocksDB instance per replica holding a Pegasus partition's records, with every data
 * operation's semantics ({@code spec/protocol.md} §11, §12; {@code spec/client-and-shell.md} §A), TTL, decree
 * bookkeeping, checkpoints and per-table options (DESIGN §5).
 *
 * <p>{@link io.enif.storage.PartitionStore} is the one entry point the replica server uses. It takes and returns the
 * generated Thrift structs of {@code io.enif.proto.rrdb}. Writes arrive from one thread per partition (the replica's
 * lane) as {@link io.enif.storage.WriteRequest}s applied under a decree; reads may come from any thread.
 *
 * <p>This package also holds the small types shared by the sub-packages: {@link io.enif.storage.StoreOptions},
 * {@link io.enif.storage.StoreClock}, {@link io.enif.storage.RocksStatus} and {@link io.enif.storage.StoreException}.
 * The sub-packages hold the implementation: {@code op} (pure rules: checks, integers, filters, key ranges),
 * {@code write}, {@code read}, {@code scan}, {@code ttl}, {@code rocks} (RocksDB options and handles) and
 * {@code checkpoint}. Classes there are public only so that this package can use them; other modules should call
 * {@link io.enif.storage.PartitionStore}.
 */
package io.enif.storage;
