package io.enif.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Usage scenarios and manual compaction: the store-side parts of {@code ops-tables.md} §5-6. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UsageScenarioTest extends StoreTestBase {
    private static final long BASE = 64L << 20;

    @Override
    protected StoreOptions options() {
        return StoreOptions.builder().writeBufferSize(BASE).build();
    }

    private long writeBufferSize() {
        return Long.parseLong(store.effectiveOptions().get("rocksdb.write_buffer_size"));
    }

    @Test
    void aNewStoreIsNormalWithASpreadWriteBuffer() {
        assertThat(store.usageScenario()).isEqualTo(UsageScenario.NORMAL);
        Map<String, String> envs = store.effectiveOptions();
        assertThat(envs).containsEntry("rocksdb.usage_scenario", "normal").containsEntry("rocksdb.num_levels", "6");
        assertThat(writeBufferSize()).isBetween(BASE * 3 / 4, BASE * 5 / 4);
        assertThat(envs).containsEntry("rocksdb.disable_auto_compactions", "false");
    }

    @Test
    void bulkLoadTurnsCompactionAndStallsOffAndNormalRestoresThem() {
        store.setUsageScenario(UsageScenario.BULK_LOAD);
        Map<String, String> bulk = store.effectiveOptions();
        assertThat(bulk).containsEntry("rocksdb.usage_scenario", "bulk_load");
        assertThat(bulk).containsEntry("rocksdb.disable_auto_compactions", "true");
        assertThat(bulk).containsEntry("rocksdb.level0_stop_writes_trigger", "1000000000");
        assertThat(writeBufferSize()).isBetween(201326592L, 335544320L);

        store.setUsageScenario(UsageScenario.NORMAL);
        Map<String, String> normal = store.effectiveOptions();
        assertThat(normal).containsEntry("rocksdb.disable_auto_compactions", "false");
        assertThat(normal).containsEntry("rocksdb.level0_stop_writes_trigger", "60");
        assertThat(normal).containsEntry("rocksdb.level0_file_num_compaction_trigger", "4");
        assertThat(writeBufferSize()).isBetween(50331648L, 83886080L);
    }

    @Test
    void theScenarioSurvivesAReopen() {
        Path dir = tempDir.resolve("reopen");
        store.close();
        store = open(dir, options());
        store.setUsageScenario(UsageScenario.PREFER_WRITE);
        store.close();
        store = open(dir, options());
        assertThat(store.usageScenario()).isEqualTo(UsageScenario.PREFER_WRITE);
        assertThat(writeBufferSize()).isBetween(BASE, 2 * BASE);
        assertThat(Integer.parseInt(store.effectiveOptions().get("rocksdb.level0_file_num_compaction_trigger")))
                .isGreaterThanOrEqualTo(4);
    }

    @Test
    void scenarioNamesAreTheEnvValues() {
        assertThat(UsageScenario.fromEnv("bulk_load")).contains(UsageScenario.BULK_LOAD);
        assertThat(UsageScenario.fromEnv("fast")).isEmpty();
    }

    @Test
    void aManualCompactionDropsExpiredDataAndRecordsItsFinishTime() {
        assertThat(store.lastManualCompactFinishTime()).isZero();
        for (int i = 0; i < 100; i++) {
            put("h", "k" + i, "v", i < 50 ? in(5) : 0);
        }
        clock.advanceSeconds(5);
        store.manualCompact(-1, true);
        assertThat(store.lastManualCompactFinishTime()).isEqualTo(clock.nowSeconds2016() + 1_451_606_400L);
        clock.advanceSeconds(-5);
        assertThat(store.sortkeyCount(b("h")).count).isEqualTo(50);
        assertThat(store.lastFlushedDecree()).isEqualTo(store.lastCommittedDecree());
    }
}
