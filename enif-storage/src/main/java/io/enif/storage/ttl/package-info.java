/**
 * Physical removal of expired records.
 *
 * <p>Pegasus drops expired records in a RocksDB compaction filter. RocksDB's Java API cannot run a compaction filter
 * written in Java, so Enif uses a sweeper instead: {@link io.enif.storage.ttl.TtlSweeper} walks the partition's data
 * in steps of a bounded number of records, deletes the records that are expired (re-checking each under the store's
 * write lock, so a record rewritten meanwhile is never lost), and when a pass over the whole partition ends it compacts
 * the key range it deleted from, forcing the bottommost level, so both the old values and the tombstones leave the
 * disk. When the table has a default TTL, the sweeper also stamps it on records that have no expiry, as Pegasus's
 * filter does.
 *
 * <p>The sweeper's writes carry no decree: they only delete records every read already treats as absent (and the
 * default-TTL stamp is Pegasus's compaction-time rule), so they are not user writes and the decree bookkeeping is
 * unchanged. If they are lost in a crash before a flush, the next pass redoes them.
 *
 * <p>{@link io.enif.storage.ttl.SweepSchedule} drives the sweeper on an executor the replica server provides: a
 * step per tick while a pass is running (which bounds the rate), and a new pass once the pass interval has elapsed.
 */
package io.enif.storage.ttl;
