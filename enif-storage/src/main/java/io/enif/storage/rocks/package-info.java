/**
 * RocksDB plumbing of the partition store: building the options from {@link io.enif.storage.StoreOptions}
 * (compression per level, shared block cache, bloom filter), opening a replica's database with its two column families
 * (data, and Pegasus's {@code pegasus_meta_cf} holding the last applied decree), and the meta keys.
 *
 * <p>Why a meta column family: the last applied decree is written in the same RocksDB write batch as the data it
 * covers, and {@code atomic_flush} flushes both column families at one point of the write sequence. With the WAL off
 * (the replica's private log is the WAL), what survives a crash is exactly the last flushed state, and the decree read
 * back from the persisted tier names it. A reserved key inside the data column family would do the same, but would
 * sit in the user key space that full scans walk; a separate column family keeps scans and compaction of the data
 * untouched, and matches Pegasus's layout.
 */
package io.enif.storage.rocks;
