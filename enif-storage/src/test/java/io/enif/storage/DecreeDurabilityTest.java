package io.enif.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.proto.rrdb.update_request;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The decree is stored atomically with its data, and what survives a crash is exactly the last flushed decree. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DecreeDurabilityTest extends StoreTestBase {

    /** Closing drops the memtables, as a crash of the process would. */
    private StoreOptions crashOnClose() {
        return options().toBuilder().flushOnClose(false).build();
    }

    private void putAt(long d, String sortKey, String value) {
        store.apply(d, new WriteRequest.Put(new update_request(key("h", sortKey), b(value), 0)));
    }

    @Test
    void aNewStoreStartsAtDecreeZero() {
        assertThat(store.lastCommittedDecree()).isZero();
        assertThat(store.lastFlushedDecree()).isZero();
    }

    @Test
    void afterACrashTheStoreReopensAtTheFlushedDecreeWithExactlyItsData() {
        Path dir = tempDir.resolve("crash");
        store.close();
        store = open(dir, crashOnClose());
        for (long d = 1; d <= 20; d++) {
            putAt(d, "k" + d, "v" + d);
            putAt(++d, "shared", "at" + d);
        }
        assertThat(store.lastFlushedDecree()).isZero();
        store.flush();
        assertThat(store.lastFlushedDecree()).isEqualTo(20);
        for (long d = 21; d <= 30; d++) {
            putAt(d, "k" + d, "v" + d);
            putAt(++d, "shared", "at" + d);
        }
        store.applyEmpty(31);
        assertThat(store.lastCommittedDecree()).isEqualTo(31);
        assertThat(store.lastFlushedDecree()).isEqualTo(20);
        store.close();

        store = open(dir, crashOnClose());
        assertThat(store.lastFlushedDecree()).isEqualTo(20);
        assertThat(store.lastCommittedDecree()).isEqualTo(20);
        assertThat(get("h", "shared")).isEqualTo("at20");
        for (int d = 1; d <= 30; d += 2) {
            assertThat(get("h", "k" + d)).isEqualTo(d <= 20 ? "v" + d : null);
        }
        // the replica replays its log from decree 21
        putAt(21, "k21", "again");
        assertThat(get("h", "k21")).isEqualTo("again");
    }

    @Test
    void aCleanCloseFlushesEverything() {
        Path dir = tempDir.resolve("clean");
        store.close();
        store = open(dir, options());
        for (long d = 1; d <= 5; d++) {
            putAt(d, "k" + d, "v" + d);
        }
        store.applyEmpty(6);
        store.close();
        store = open(dir, options());
        assertThat(store.lastFlushedDecree()).isEqualTo(6);
        assertThat(store.lastCommittedDecree()).isEqualTo(6);
        assertThat(get("h", "k5")).isEqualTo("v5");
    }

    @Test
    void backgroundFlushesKeepTheDecreeConsistentWithTheData() {
        Path dir = tempDir.resolve("background");
        store.close();
        store = open(dir, crashOnClose().toBuilder().writeBufferSize(64 << 10).build());
        String big = "x".repeat(1000);
        long last = 600;
        for (long d = 1; d <= last; d++) {
            putAt(d, String.format("k%05d", d), big);
        }
        long flushedBeforeCrash = store.lastFlushedDecree();
        assertThat(flushedBeforeCrash).isPositive(); // memtables filled and flushed on their own
        store.close();

        store = open(dir, crashOnClose());
        long flushed = store.lastFlushedDecree();
        assertThat(flushed).isGreaterThanOrEqualTo(flushedBeforeCrash).isLessThanOrEqualTo(last);
        assertThat(store.sortkeyCount(b("h")).count).isEqualTo(flushed);
        assertThat(get("h", String.format("k%05d", flushed))).isEqualTo(big);
    }

    @Test
    void failedRequestsStillAdvanceTheDecree() {
        store.apply(7, new WriteRequest.Put(new update_request(b("x"), b("v"), 0)));
        assertThat(store.lastCommittedDecree()).isEqualTo(7);
        store.flush();
        assertThat(store.lastFlushedDecree()).isEqualTo(7);
    }
}
