package io.enif.storage.ttl;

import io.enif.proto.key.ValueCodec;
import io.enif.storage.StoreClock;
import io.enif.storage.op.Bytes;
import io.enif.storage.op.StoredValue;
import io.enif.storage.rocks.RocksHandles;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.function.IntSupplier;
import org.rocksdb.CompactRangeOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * Walks a partition's data and deletes expired records, in steps (see the package documentation). Thread-safe: steps
 * are serialised.
 */
public final class TtlSweeper {
    private final RocksHandles rocks;
    private final WriteOptions writeOptions;
    private final Lock writeLock;
    private final StoreClock clock;
    private final IntSupplier defaultTtl;
    private final int batchSize;

    /** Where the running pass continues, or null when no pass is running. */
    private byte[] cursor;

    private boolean passRunning;
    private SweepStats pass = SweepStats.ZERO;
    private byte[] firstDeleted;
    private byte[] lastDeleted;

    /**
     * A sweeper writing with {@code writeOptions} (WAL off) under {@code writeLock}, the lock every write of the store
     * holds.
     *
     * @param defaultTtl the table's current default TTL in seconds (0 = none)
     * @param batchSize records examined per step
     */
    public TtlSweeper(
            RocksHandles rocks,
            WriteOptions writeOptions,
            Lock writeLock,
            StoreClock clock,
            IntSupplier defaultTtl,
            int batchSize) {
        this.rocks = rocks;
        this.writeOptions = writeOptions;
        this.writeLock = writeLock;
        this.clock = clock;
        this.defaultTtl = defaultTtl;
        this.batchSize = batchSize;
    }

    /** Whether a pass has started and not yet reached the end of the data. */
    public synchronized boolean isPassRunning() {
        return passRunning;
    }

    /**
     * Examines up to the batch size of records, starting a new pass if none is running. When this step ends the pass,
     * the range it deleted from is compacted and the pass's totals are returned; otherwise returns null.
     */
    public synchronized SweepStats step() throws RocksDBException {
        if (!passRunning) {
            passRunning = true;
            cursor = null;
            pass = SweepStats.ZERO;
            firstDeleted = null;
            lastDeleted = null;
        }
        int now = clock.nowSeconds2016();
        int ttl = defaultTtl.getAsInt();
        List<byte[]> candidates = new ArrayList<>();
        int examined = 0;
        boolean end;
        try (RocksIterator it = rocks.db().newIterator(rocks.data())) {
            if (cursor == null) {
                it.seekToFirst();
            } else {
                it.seek(cursor);
            }
            for (; it.isValid() && examined < batchSize; it.next()) {
                examined++;
                byte[] stored = it.value();
                if (StoredValue.isExpired(stored, now) || (ttl > 0 && StoredValue.expireTs(stored) == 0)) {
                    candidates.add(it.key());
                }
            }
            end = !it.isValid();
            if (end) {
                it.status();
            } else {
                cursor = it.key();
            }
        }
        int[] applied = candidates.isEmpty() ? new int[2] : apply(candidates, now, ttl);
        pass = pass.plus(new SweepStats(examined, applied[0], applied[1], false));
        if (!end) {
            return null;
        }
        passRunning = false;
        cursor = null;
        if (firstDeleted != null) {
            compact(firstDeleted, lastDeleted);
            pass = pass.withCompaction();
        }
        return pass;
    }

    /** Runs steps until the running (or a new) pass ends, and returns its totals. */
    public synchronized SweepStats sweepPass() throws RocksDBException {
        SweepStats result;
        do {
            result = step();
        } while (result == null);
        return result;
    }

    /** Deletes the still-expired candidates and stamps the default TTL; returns {deleted, stamped}. */
    private int[] apply(List<byte[]> candidates, int now, int ttl) throws RocksDBException {
        int deleted = 0;
        int stamped = 0;
        writeLock.lock();
        try (WriteBatch batch = new WriteBatch()) {
            for (byte[] key : candidates) {
                byte[] stored = rocks.db().get(rocks.data(), key);
                if (stored == null) {
                    continue;
                }
                if (StoredValue.isExpired(stored, now)) {
                    batch.delete(rocks.data(), key);
                    deleted++;
                    noteDeleted(key);
                } else if (ttl > 0 && StoredValue.expireTs(stored) == 0) {
                    batch.put(rocks.data(), key, ValueCodec.encode(now + ttl, StoredValue.userValue(stored)));
                    stamped++;
                }
            }
            if (batch.count() > 0) {
                rocks.db().write(writeOptions, batch);
            }
        } finally {
            writeLock.unlock();
        }
        return new int[] {deleted, stamped};
    }

    private void noteDeleted(byte[] key) {
        if (firstDeleted == null || Bytes.compare(key, firstDeleted) < 0) {
            firstDeleted = key;
        }
        if (lastDeleted == null || Bytes.compare(key, lastDeleted) > 0) {
            lastDeleted = key;
        }
    }

    /** Compacts [first, last] down through the bottommost level, so deleted values and tombstones are dropped. */
    private void compact(byte[] first, byte[] last) throws RocksDBException {
        try (CompactRangeOptions options = new CompactRangeOptions()
                .setBottommostLevelCompaction(CompactRangeOptions.BottommostLevelCompaction.kForceOptimized)) {
            rocks.db().compactRange(rocks.data(), first, last, options);
        }
    }
}
