package io.enif.storage.rocks;

import io.enif.storage.op.DecimalInt64;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.rocksdb.AbstractWriteBatch;
import org.rocksdb.ReadOptions;
import org.rocksdb.ReadTier;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

/**
 * The replica metadata kept in the meta column family under Pegasus's key names, each value a decimal string. The
 * last applied decree is put into every write batch (see {@link #putDecree}); reading it from the persisted tier gives
 * the last flushed decree, because with the WAL off only flushed data is persisted.
 */
public final class MetaStore {
    /** The decree of the last write batch applied. */
    public static final byte[] LAST_FLUSHED_DECREE = key("pegasus_last_flushed_decree");
    /** When the last manual compaction finished, Unix seconds. */
    public static final byte[] LAST_MANUAL_COMPACT_FINISH_TIME = key("pegasus_last_manual_compact_finish_time");

    private final RocksHandles rocks;

    public MetaStore(RocksHandles rocks) {
        this.rocks = rocks;
    }

    private static byte[] key(String name) {
        return name.getBytes(StandardCharsets.US_ASCII);
    }

    /** Adds "the last applied decree is {@code decree}" to a write batch, atomically with its data. */
    public void putDecree(AbstractWriteBatch batch, long decree) throws RocksDBException {
        batch.put(rocks.meta(), LAST_FLUSHED_DECREE, DecimalInt64.format(decree));
    }

    /** The last applied decree including unflushed writes (0 for a new database). */
    public long appliedDecree() throws RocksDBException {
        return readLong(LAST_FLUSHED_DECREE, false).orElse(0);
    }

    /** The last decree whose data is durable on disk (0 when nothing was flushed yet). */
    public long flushedDecree() throws RocksDBException {
        return readLong(LAST_FLUSHED_DECREE, true).orElse(0);
    }

    /** A metadata value, from the persisted tier only when {@code persistedOnly}. */
    public OptionalLong readLong(byte[] key, boolean persistedOnly) throws RocksDBException {
        byte[] value;
        try (ReadOptions read = new ReadOptions()) {
            if (persistedOnly) {
                read.setReadTier(ReadTier.PERSISTED_TIER);
            }
            value = rocks.db().get(rocks.meta(), read, key);
        }
        if (value == null) {
            return OptionalLong.empty();
        }
        OptionalLong parsed = DecimalInt64.parse(value);
        if (parsed.isEmpty()) {
            throw new IllegalStateException("corrupt meta value under " + new String(key, StandardCharsets.US_ASCII));
        }
        return parsed;
    }

    /** Writes a metadata value on its own (not durable until the next flush). */
    public void writeLong(byte[] key, long value, WriteOptions writeOptions) throws RocksDBException {
        rocks.db().put(rocks.meta(), writeOptions, key, DecimalInt64.format(value));
    }
}
