package io.enif.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.proto.base.blob;
import io.enif.proto.rrdb.update_request;
import io.enif.storage.ttl.SweepStats;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Physical removal of expired records. Moving the manual clock back shows whether a record is really gone: an expired
 * record that was only hidden becomes visible again.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TtlSweepTest extends StoreTestBase {

    @Override
    protected StoreOptions options() {
        return super.options().toBuilder().ttlSweepBatchSize(64).build();
    }

    @Test
    void sweepingExpiredDataGivesItsDiskSpaceBack() {
        Random random = new Random(42);
        byte[] value = new byte[1024];
        int records = 4096; // 4 MiB of incompressible values
        for (int i = 0; i < records; i++) {
            random.nextBytes(value);
            write(new WriteRequest.Put(
                    new update_request(key("h" + (i % 16), "s" + i), new blob(value.clone()), in(10))));
        }
        put("keep", "a", "live");
        store.flush();
        long before = store.longProperty("rocksdb.total-sst-files-size");
        assertThat(before).isGreaterThan(3L << 20);
        long decreeBefore = store.lastCommittedDecree();

        clock.advanceSeconds(10);
        SweepStats stats = store.sweepExpired();
        assertThat(stats.deleted()).isEqualTo(records);
        assertThat(stats.examined()).isEqualTo(records + 1);
        assertThat(stats.compacted()).isTrue();

        long after = store.longProperty("rocksdb.total-sst-files-size");
        assertThat(after).isLessThan(before / 20);
        assertThat(get("keep", "a")).isEqualTo("live");
        assertThat(store.lastCommittedDecree()).isEqualTo(decreeBefore);
        assertThat(store.lastFlushedDecree()).isEqualTo(decreeBefore);

        clock.advanceSeconds(-10);
        assertThat(get("h0", "s0")).isNull(); // really gone, not just hidden
    }

    @Test
    void liveRecordsAndRecordsWithoutTtlAreKept() {
        put("h", "forever", "1");
        put("h", "later", "2", in(100));
        put("h", "now", "3", in(1));
        clock.advanceSeconds(1);
        SweepStats stats = store.sweepExpired();
        assertThat(stats.deleted()).isEqualTo(1);
        assertThat(stats.stamped()).isZero();
        clock.advanceSeconds(-1);
        assertThat(get("h", "forever")).isEqualTo("1");
        assertThat(get("h", "later")).isEqualTo("2");
        assertThat(get("h", "now")).isNull();
    }

    @Test
    void aSweepWithNothingExpiredNeitherDeletesNorCompacts() {
        put("h", "a", "1");
        SweepStats stats = store.sweepExpired();
        assertThat(stats).isEqualTo(new SweepStats(1, 0, 0, false));
    }

    @Test
    void theSweeperStampsTheDefaultTtlOnRecordsWithoutOne() {
        put("h", "old", "1");
        put("h", "own", "2", in(50));
        store.setDefaultTtl(100);
        SweepStats stats = store.sweepExpired();
        assertThat(stats.stamped()).isEqualTo(1);
        assertThat(store.ttl(key("h", "old")).ttl_seconds).isEqualTo(100);
        assertThat(store.ttl(key("h", "own")).ttl_seconds).isEqualTo(50);
    }

    @Test
    void aScheduledSweeperRemovesExpiredRecordsInSteps() throws Exception {
        for (int i = 0; i < 300; i++) {
            put("h", "k" + i, "v", in(1));
        }
        clock.advanceSeconds(1);
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try (AutoCloseable sweeper = store.startTtlSweeper(executor, Duration.ofMillis(2), Duration.ZERO)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (store.longProperty("rocksdb.estimate-num-keys") > 0 && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        } finally {
            executor.shutdown();
            assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        clock.advanceSeconds(-1);
        assertThat(store.sortkeyCount(b("h")).count).isZero();
    }

    @Test
    void closingTheStoreStopsItsSweepers() throws Exception {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try {
            store.startTtlSweeper(executor, Duration.ofMillis(1), Duration.ZERO);
            store.close();
            store = null;
            executor.shutdown();
            assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            executor.shutdownNow();
        }
    }
}
