package io.enif.storage.rocks;

import io.enif.storage.StoreOptions;
import io.enif.storage.UsageScenario;
import java.util.Random;
import org.rocksdb.MutableColumnFamilyOptions;

/**
 * The data column family's mutable options for each {@link UsageScenario}, from the server's base values, as Pegasus
 * sets them ({@code ops-tables.md} §6.3). Every scenario sets every option, so leaving bulk_load restores the base
 * values first.
 */
public final class ScenarioOptions {
    /** RocksDB's default soft limit of pending compaction bytes, the base value. */
    static final long BASE_SOFT_PENDING_COMPACTION_BYTES = 64L << 30;
    /** RocksDB's default hard limit of pending compaction bytes, the base value. */
    static final long BASE_HARD_PENDING_COMPACTION_BYTES = 256L << 30;
    /** Triggers that bulk_load sets so high they never fire. */
    private static final int NEVER = 1_000_000_000;

    private ScenarioOptions() {}

    /** The options of {@code scenario}; {@code random} spreads write-buffer sizes between replicas. */
    public static MutableColumnFamilyOptions forScenario(UsageScenario scenario, StoreOptions base, Random random) {
        long buffer = base.writeBufferSize();
        MutableColumnFamilyOptions.MutableColumnFamilyOptionsBuilder options = MutableColumnFamilyOptions.builder()
                .setLevel0FileNumCompactionTrigger(base.level0FileNumCompactionTrigger())
                .setLevel0SlowdownWritesTrigger(base.level0SlowdownWritesTrigger())
                .setLevel0StopWritesTrigger(base.level0StopWritesTrigger())
                .setSoftPendingCompactionBytesLimit(BASE_SOFT_PENDING_COMPACTION_BYTES)
                .setHardPendingCompactionBytesLimit(BASE_HARD_PENDING_COMPACTION_BYTES)
                .setDisableAutoCompactions(false)
                .setMaxCompactionBytes(base.targetFileSizeBase() * 25)
                .setMaxWriteBufferNumber(base.maxWriteBufferNumber());
        switch (scenario) {
            case NORMAL -> options.setWriteBufferSize(spread(buffer, random));
            case PREFER_WRITE -> {
                long size = buffer + (long) (random.nextDouble() * buffer);
                long trigger = spread(base.maxBytesForLevelBase(), random) / size;
                options.setWriteBufferSize(size)
                        .setLevel0FileNumCompactionTrigger((int) Math.max(4, Math.min(trigger, Integer.MAX_VALUE)));
            }
            case BULK_LOAD ->
                options.setWriteBufferSize(spread(4 * buffer, random))
                        .setLevel0FileNumCompactionTrigger(NEVER)
                        .setLevel0SlowdownWritesTrigger(NEVER)
                        .setLevel0StopWritesTrigger(NEVER)
                        .setSoftPendingCompactionBytesLimit(0)
                        .setHardPendingCompactionBytesLimit(0)
                        .setDisableAutoCompactions(true)
                        .setMaxCompactionBytes(1L << 60)
                        .setMaxWriteBufferNumber(Math.max(base.maxWriteBufferNumber(), 6));
        }
        return options.build();
    }

    /** {@code value} moved by a random amount of up to ±25%. */
    private static long spread(long value, Random random) {
        return (long) (value * (0.75 + random.nextDouble() * 0.5));
    }
}
