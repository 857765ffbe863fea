package io.enif.replica.plog;

import static io.enif.replica.plog.PlogFixtures.decrees;
import static io.enif.replica.plog.PlogFixtures.payload;
import static io.enif.replica.plog.PlogFixtures.range;
import static io.enif.replica.plog.PlogFixtures.replayAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Appends queued while the writer is busy go out in one round: one write, one fsync, completions in order. */
@Timeout(30)
class GroupCommitTest {

    @TempDir
    Path tmp;

    private final ScheduledThreadPoolExecutor io = new ScheduledThreadPoolExecutor(1);
    private final CountDownLatch gate = new CountDownLatch(1);

    @AfterEach
    void stop() {
        gate.countDown();
        io.shutdownNow();
    }

    /** Keeps the I/O thread busy until the gate opens, so appends pile up. */
    private void holdTheWriter() {
        io.execute(() -> {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Test
    void appendsQueuedDuringAWriteShareOneWriteAndOneSync() throws Exception {
        FilePrivateLog log =
                FilePrivateLog.open(tmp.resolve("plog"), PrivateLogConfig.defaults(), io, new ManualClock(0));
        holdTheWriter();
        List<Long> completed = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (long d = 1; d <= 200; d++) {
            long decree = d;
            CompletableFuture<Void> f = log.append(d, 1, payload(d, 1));
            futures.add(f.thenRun(() -> completed.add(decree)));
        }
        assertThat(futures).noneMatch(CompletableFuture::isDone);
        assertThat(log.maxDecree()).isEqualTo(200);
        assertThat(log.minDecree()).as("pending appends count").isEqualTo(1);

        gate.countDown();
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertThat(completed).isEqualTo(range(1, 200));
        assertThat(log.syncCount()).isEqualTo(1);
        assertThat(log.writeCount()).isEqualTo(1);
        assertThat(log.roundCount()).isEqualTo(1);
        log.close();
        assertThat(io.isShutdown())
                .as("a shared executor is not shut down by close")
                .isFalse();
    }

    @Test
    void aRoundLargerThanBatchBytesIsWrittenInPiecesButSyncedOnce() throws Exception {
        PrivateLogConfig config = PrivateLogConfig.defaults().withBatch(10 * PlogFixtures.FRAME, Duration.ZERO);
        FilePrivateLog log = FilePrivateLog.open(tmp.resolve("plog"), config, io, new ManualClock(0));
        holdTheWriter();
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (long d = 1; d <= 95; d++) {
            futures.add(log.append(d, 1, payload(d, 1)));
        }
        gate.countDown();
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertThat(log.writeCount()).isEqualTo(10);
        assertThat(log.syncCount()).isEqualTo(1);
        assertThat(decrees(replayAll(log))).isEqualTo(range(1, 95));
        log.close();
    }

    @Test
    void rollingInsideARoundSyncsTheSealedFileFirst() throws Exception {
        FilePrivateLog log =
                FilePrivateLog.open(tmp.resolve("plog"), PlogFixtures.smallFiles(), io, new ManualClock(0));
        holdTheWriter();
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (long d = 1; d <= 20; d++) {
            futures.add(log.append(d, 1, payload(d, 1)));
        }
        gate.countDown();
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertThat(log.filesFrom(0)).hasSize(4);
        assertThat(log.syncCount())
                .as("three sealed files plus the round's sync")
                .isEqualTo(4);
        log.close();
    }

    @Test
    void closeOrFlushFromACompletionCallbackDoesNotDeadlock() throws Exception {
        Path dir = tmp.resolve("plog");
        FilePrivateLog log = FilePrivateLog.open(dir, PrivateLogConfig.defaults(), io, new ManualClock(0));
        holdTheWriter(); // so the callback is attached before the append completes, and runs on the I/O thread
        CompletableFuture<Throwable> flushError = new CompletableFuture<>();
        CompletableFuture<Void> done = log.append(1, 1, payload(1, 1)).thenRun(() -> {
            try {
                log.flush();
                flushError.complete(null);
            } catch (IllegalStateException e) {
                flushError.complete(e);
            }
            log.close();
        });
        gate.countDown();
        done.get(10, TimeUnit.SECONDS);
        assertThat(flushError.get()).isInstanceOf(IllegalStateException.class);
        log.close(); // waits for the close the callback started
        assertThatThrownBy(() -> log.append(2, 1, payload(2, 1)).join()).hasCauseInstanceOf(LogIoException.class);
        try (FilePrivateLog reopened = FilePrivateLog.open(dir, PrivateLogConfig.defaults(), io, new ManualClock(0))) {
            assertThat(decrees(replayAll(reopened))).containsExactly(1L);
        }
    }

    @Test
    void freeRunningAppendsCompleteInOrderWithNoMoreSyncsThanAppends() throws Exception {
        try (FilePrivateLog log = FilePrivateLog.open(tmp.resolve("plog"), PrivateLogConfig.defaults())) {
            List<Long> completed = Collections.synchronizedList(new ArrayList<>());
            List<CompletableFuture<Void>> futures = new ArrayList<>();
            for (long d = 1; d <= 2000; d++) {
                long decree = d;
                futures.add(log.append(d, 1, payload(d, 1)).thenRun(() -> completed.add(decree)));
            }
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
            assertThat(completed).isEqualTo(range(1, 2000));
            assertThat(log.syncCount()).isLessThanOrEqualTo(log.roundCount()).isLessThanOrEqualTo(2000);
        }
    }
}
