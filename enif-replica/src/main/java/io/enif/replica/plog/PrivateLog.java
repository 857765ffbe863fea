package io.enif.replica.plog;

/** One replica's private log: the write-ahead log of its partition (RocksDB's WAL is off). */
public interface PrivateLog extends AutoCloseable {
    /**
     * Appends one mutation record (opaque bytes, already encoded by the caller) for {@code decree} written at
     * {@code ballot}. Records are appended in call order from one thread (the partition's lane) but complete
     * asynchronously: group commit batches concurrent appends, and the future completes once the record is durable
     * under the configured policy (fsync per batch by default; page cache only when plog_force_flush = false).
     * The future fails with LogIoException on an I/O error (the replica then goes to the error state).
     */
    java.util.concurrent.CompletableFuture<Void> append(long decree, long ballot, byte[] record);

    /** Replays every valid record with decree > fromDecree, in log order (a decree may repeat with a higher ballot:
     *  the caller keeps the last one). Stops at the first torn or corrupt record, which open() has already cut. */
    void replay(long fromDecree, java.util.function.Consumer<LogRecord> consumer);

    /** The highest decree appended (and durable or pending); 0 when empty. */
    long maxDecree();

    /** The smallest decree still in the log, or 0 when empty. */
    long minDecree();

    /** Lets files whose every decree is <= durableDecree be deleted (subject to the reserve limits). */
    void gc(long durableDecree);

    /** The log files that hold decrees >= fromDecree, oldest first, for a learner to copy. */
    java.util.List<java.nio.file.Path> filesFrom(long fromDecree);

    /** Forces everything appended so far to disk (flush-log remote command, shutdown). */
    void flush();

    @Override
    void close();
}
