/**
 * The replica's private log (plog): the write-ahead log of one partition, since RocksDB's own WAL is off. The replica
 * server calls {@link io.enif.replica.plog.PrivateLog}; {@link io.enif.replica.plog.FilePrivateLog} keeps it in files
 * and {@link io.enif.replica.plog.MemPrivateLog} in memory for tests and the simulation.
 *
 * <h2>Files</h2>
 *
 * <p>The log lives in {@code <replica_dir>/plog/} as files named {@code log.<index>.<start_offset>} (Pegasus's
 * names): indexes count up from 1 without gaps, and {@code start_offset} is the position of the file's first byte in
 * the whole log, i.e. the previous file's start offset plus its size. A file is rolled once the next record would
 * take it past {@code log_private_file_size_mb}; before rolling, the old file is always synced, so a file is complete
 * on disk before the next one is created. Garbage collection only ever deletes the oldest files.
 *
 * <p>All integers are big-endian. A file starts with a 24-byte header:
 *
 * <pre>
 *   u32 magic 0x454E504C ("ENPL")   u16 version 1   u16 reserved 0
 *   u32 index                        i64 start_offset (both as in the file's name)
 *   u32 CRC32C of the 20 bytes above
 * </pre>
 *
 * then records, each framed as
 *
 * <pre>
 *   u32 payload length   u32 CRC32C over (length, decree, ballot, payload)   i64 decree   i64 ballot   payload
 * </pre>
 *
 * The payload is the mutation as the replica encoded it; this package never looks inside. A decree may appear more
 * than once (re-proposed at a higher ballot after a primary change): replay hands over every copy in log order and
 * the caller keeps the last.
 *
 * <h2>Durability</h2>
 *
 * <p>Appends are queued by the lane and written by an I/O thread in group-commit rounds: everything queued when the
 * writer wakes goes out in one write (or a few, of at most {@code batchBytes}) and one fsync, then the futures
 * complete in order. With {@code plog_force_flush = false} the futures complete once the bytes are in the page cache.
 * After an I/O error the log is failed for good and every pending and later future fails with
 * {@link io.enif.replica.plog.LogIoException}.
 *
 * <h2>Recovery: torn tail versus corrupt middle</h2>
 *
 * <p>Opening reads every file and checks every frame. The first bad spot in the log is one of: a file shorter than its
 * header or with a bad header; a record header cut short; a payload cut short (the length points past the end of the
 * file); a negative length; a checksum mismatch. What follows decides what it is:
 *
 * <ul>
 *   <li><b>Torn tail</b> — nothing valid comes after the bad spot: no later file holds a valid record, and (for a
 *       checksum mismatch) the bytes right after the bad frame, where its length says it ends, are not a valid
 *       record either. This is what a crash during a write leaves (only an unsynced, hence unacknowledged, batch can
 *       be torn). The file is truncated at the end of its last valid record (deleted if its header is bad), every
 *       later file is deleted, one WARN line names the file, the offset and the reason, and opening goes on.
 *   <li><b>Corrupt middle</b> — a valid record comes after the bad spot, in a later file or right after the bad frame
 *       in the same file (a flipped bit inside an intact frame). Cutting would drop valid, possibly acknowledged,
 *       data, so opening throws {@link io.enif.replica.plog.LogCorruptionException} naming the file and offset, and
 *       the replica goes to the error state (DESIGN §10: never delete data to get past an inconsistency).
 * </ul>
 *
 * <p>Also fatal: two files with the same index, or files that do not follow each other (an index gap, or a start
 * offset that is not the previous file's start plus its size: a file missing or resized in the middle), and a record
 * that was valid when written or opened but no longer reads back during {@code replay}. Files whose names are not
 * {@code log.<index>.<start_offset>} are ignored.
 */
package io.enif.replica.plog;
