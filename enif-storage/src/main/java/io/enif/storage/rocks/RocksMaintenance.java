package io.enif.storage.rocks;

import io.enif.storage.StoreOptions;
import io.enif.storage.UsageScenario;
import io.enif.storage.checkpoint.Checkpoints;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.rocksdb.Checkpoint;
import org.rocksdb.CompactRangeOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.MutableColumnFamilyOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

/**
 * The administrative steps on a replica's database: flush, checkpoint, manual compaction and usage scenarios. The
 * store calls these with its own locking; each step here is plain RocksDB work.
 */
public final class RocksMaintenance {
    /** Pegasus's meta key of the current usage scenario (the env's name). */
    static final byte[] USAGE_SCENARIO = "rocksdb.usage_scenario".getBytes(StandardCharsets.US_ASCII);

    private final RocksHandles rocks;
    private final MetaStore meta;
    private final WriteOptions writeOptions;
    private final StoreOptions options;
    private final Random random = new Random();

    public RocksMaintenance(RocksHandles rocks, MetaStore meta, WriteOptions writeOptions, StoreOptions options) {
        this.rocks = rocks;
        this.meta = meta;
        this.writeOptions = writeOptions;
        this.options = options;
    }

    /** Flushes both column families together (atomic flush) and waits. */
    public void flush() throws RocksDBException {
        try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
            rocks.db().flush(flush, List.of(rocks.data(), rocks.meta()));
        }
    }

    /**
     * Writes a RocksDB checkpoint to {@code target} through a temporary sibling, so a crash never leaves a partial
     * {@code checkpoint.<decree>}. The caller has flushed and holds off writes.
     */
    public void checkpoint(Path target) throws RocksDBException, IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Checkpoints.deleteRecursively(tmp);
        Files.createDirectories(target.getParent());
        try (Checkpoint checkpoint = Checkpoint.create(rocks.db())) {
            checkpoint.createCheckpoint(tmp.toString());
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Compacts the whole data range into {@code targetLevel} (-1 = automatic), forcing the bottommost level or not. */
    public void compactAll(int targetLevel, boolean forceBottommost) throws RocksDBException {
        try (CompactRangeOptions compact = new CompactRangeOptions()
                .setExclusiveManualCompaction(true)
                .setChangeLevel(true)
                .setTargetLevel(targetLevel)
                .setBottommostLevelCompaction(
                        forceBottommost
                                ? CompactRangeOptions.BottommostLevelCompaction.kForce
                                : CompactRangeOptions.BottommostLevelCompaction.kSkip)) {
            rocks.db().compactRange(rocks.data(), null, null, compact);
        }
    }

    /** Records when a manual compaction finished (Unix seconds); durable with the next flush. */
    public void recordManualCompactFinish(long unixSeconds) throws RocksDBException {
        meta.writeLong(MetaStore.LAST_MANUAL_COMPACT_FINISH_TIME, unixSeconds, writeOptions);
    }

    /** When the last manual compaction finished, Unix seconds (0 = never). */
    public long lastManualCompactFinish() throws RocksDBException {
        return meta.readLong(MetaStore.LAST_MANUAL_COMPACT_FINISH_TIME, false).orElse(0);
    }

    /**
     * Applies {@code scenario} to the data column family now, and when {@code record} records it so that a reopen
     * applies it again (durable with the next flush).
     */
    public void applyScenario(UsageScenario scenario, boolean record) throws RocksDBException {
        MutableColumnFamilyOptions mutable = ScenarioOptions.forScenario(scenario, options, random);
        rocks.db().setOptions(rocks.data(), mutable);
        if (record) {
            byte[] name = scenario.envValue().getBytes(StandardCharsets.US_ASCII);
            rocks.db().put(rocks.meta(), writeOptions, USAGE_SCENARIO, name);
        }
    }

    /** The recorded scenario (normal when none was recorded or the record is unknown). */
    public UsageScenario recordedScenario() throws RocksDBException {
        byte[] value = rocks.db().get(rocks.meta(), USAGE_SCENARIO);
        return value == null
                ? UsageScenario.NORMAL
                : UsageScenario.fromEnv(new String(value, StandardCharsets.US_ASCII))
                        .orElse(UsageScenario.NORMAL);
    }

    /**
     * The options in effect, as {@code replica.query-app-envs} reports them: {@code rocksdb.usage_scenario},
     * {@code rocksdb.write_buffer_size}, the level-0 triggers, {@code rocksdb.disable_auto_compactions} and
     * {@code rocksdb.num_levels}.
     */
    public Map<String, String> effectiveOptions(UsageScenario scenario) throws RocksDBException {
        MutableColumnFamilyOptions.MutableColumnFamilyOptionsBuilder current =
                rocks.db().getOptions(rocks.data());
        Map<String, String> out = new LinkedHashMap<>();
        out.put("rocksdb.usage_scenario", scenario.envValue());
        out.put("rocksdb.write_buffer_size", Long.toString(current.writeBufferSize()));
        out.put(
                "rocksdb.level0_file_num_compaction_trigger",
                Integer.toString(current.level0FileNumCompactionTrigger()));
        out.put("rocksdb.level0_slowdown_writes_trigger", Integer.toString(current.level0SlowdownWritesTrigger()));
        out.put("rocksdb.level0_stop_writes_trigger", Integer.toString(current.level0StopWritesTrigger()));
        out.put("rocksdb.disable_auto_compactions", Boolean.toString(current.disableAutoCompactions()));
        out.put("rocksdb.max_write_buffer_number", Integer.toString(current.maxWriteBufferNumber()));
        out.put("rocksdb.num_levels", Integer.toString(options.numLevels()));
        return out;
    }
}
