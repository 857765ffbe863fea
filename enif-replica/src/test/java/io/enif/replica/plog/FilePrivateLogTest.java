package io.enif.replica.plog;

import static io.enif.replica.plog.PlogFixtures.FRAME;
import static io.enif.replica.plog.PlogFixtures.appendRange;
import static io.enif.replica.plog.PlogFixtures.decrees;
import static io.enif.replica.plog.PlogFixtures.logFiles;
import static io.enif.replica.plog.PlogFixtures.payload;
import static io.enif.replica.plog.PlogFixtures.range;
import static io.enif.replica.plog.PlogFixtures.replayAll;
import static io.enif.replica.plog.PlogFixtures.smallFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class FilePrivateLogTest {

    @TempDir
    Path tmp;

    @Test
    void roundTripAcrossRolledFiles() throws Exception {
        Path dir = tmp.resolve("1.0.pegasus/plog");
        try (FilePrivateLog log = FilePrivateLog.open(dir, smallFiles())) {
            appendRange(log, 1, 20, 3);
            assertThat(log.maxDecree()).isEqualTo(20);
            assertThat(log.minDecree()).isEqualTo(1);
            List<LogRecord> records = replayAll(log);
            assertThat(decrees(records)).isEqualTo(range(1, 20));
            assertThat(records.get(4)).isEqualTo(new LogRecord(5, 3, payload(5, 3)));
        }
        // 6 records per file: 1-6, 7-12, 13-18, 19-20, named by index and global start offset.
        long full = LogFormat.FILE_HEADER_SIZE + 6L * FRAME;
        assertThat(logFiles(dir).stream().map(p -> p.getFileName().toString()))
                .containsExactly("log.1.0", "log.2." + full, "log.3." + 2 * full, "log.4." + 3 * full);
        try (FilePrivateLog reopened = FilePrivateLog.open(dir, smallFiles())) {
            assertThat(decrees(replayAll(reopened))).isEqualTo(range(1, 20));
            assertThat(reopened.maxDecree()).isEqualTo(20);
            assertThat(reopened.minDecree()).isEqualTo(1);
            appendRange(reopened, 21, 30, 3);
            List<Long> fromTen = new ArrayList<>();
            reopened.replay(10, r -> fromTen.add(r.decree()));
            assertThat(fromTen).isEqualTo(range(11, 30));
        }
        try (FilePrivateLog again = FilePrivateLog.open(dir, smallFiles())) {
            assertThat(decrees(replayAll(again))).isEqualTo(range(1, 30));
        }
    }

    @Test
    void emptyLogCreatesTheFirstFileAndReportsZero() throws Exception {
        Path dir = tmp.resolve("plog");
        try (FilePrivateLog log = FilePrivateLog.open(dir, smallFiles())) {
            assertThat(log.maxDecree()).isZero();
            assertThat(log.minDecree()).isZero();
            assertThat(replayAll(log)).isEmpty();
            assertThat(log.filesFrom(0)).isEmpty();
        }
        assertThat(logFiles(dir)).extracting(p -> p.getFileName().toString()).containsExactly("log.1.0");
        assertThat(Files.size(dir.resolve("log.1.0"))).isEqualTo(LogFormat.FILE_HEADER_SIZE);
    }

    @Test
    void decreeRepeatedAtHigherBallotIsReplayedInLogOrder() throws Exception {
        Path dir = tmp.resolve("plog");
        try (FilePrivateLog log = FilePrivateLog.open(dir, smallFiles())) {
            appendRange(log, 1, 5, 1);
            appendRange(log, 4, 6, 2);
        }
        try (FilePrivateLog log = FilePrivateLog.open(dir, smallFiles())) {
            List<LogRecord> records = replayAll(log);
            assertThat(decrees(records)).containsExactly(1L, 2L, 3L, 4L, 5L, 4L, 5L, 6L);
            Map<Long, LogRecord> last = new LinkedHashMap<>();
            records.forEach(r -> last.put(r.decree(), r));
            assertThat(last.get(4L).ballot()).isEqualTo(2);
            assertThat(last.get(5L)).isEqualTo(new LogRecord(5, 2, payload(5, 2)));
            assertThat(log.maxDecree()).isEqualTo(6);
        }
    }

    @Test
    void filesFromListsTheFilesHoldingLaterDecrees() throws Exception {
        Path dir = tmp.resolve("plog");
        try (FilePrivateLog log = FilePrivateLog.open(dir, smallFiles())) {
            appendRange(log, 1, 20, 1);
            List<Path> files = logFiles(dir);
            assertThat(log.filesFrom(0)).isEqualTo(files);
            assertThat(log.filesFrom(6)).isEqualTo(files);
            assertThat(log.filesFrom(7)).isEqualTo(files.subList(1, 4));
            assertThat(log.filesFrom(19)).isEqualTo(files.subList(3, 4));
            assertThat(log.filesFrom(21)).isEmpty();
        }
    }

    @Test
    void learnerReplaysCopiedFilesUpToAPartialLastRecord() throws Exception {
        Path dir = tmp.resolve("plog");
        Path learn = tmp.resolve("learn");
        try (FilePrivateLog log = FilePrivateLog.open(dir, smallFiles())) {
            appendRange(log, 1, 20, 1);
            Files.createDirectories(learn);
            List<Path> copied = new ArrayList<>();
            for (Path f : log.filesFrom(8)) {
                copied.add(Files.copy(f, learn.resolve(f.getFileName())));
            }
            Path last = copied.get(copied.size() - 1);
            PlogFixtures.truncate(last, Files.size(last) - 3); // copied while record 20 was being written
            List<Long> seen = new ArrayList<>();
            LogFiles.replay(copied, 7, r -> seen.add(r.decree()));
            assertThat(seen).isEqualTo(range(8, 19));

            PlogFixtures.flipByte(copied.get(0), LogFormat.FILE_HEADER_SIZE + 30);
            assertThatThrownBy(() -> LogFiles.replay(copied, 7, r -> {}))
                    .isInstanceOf(LogCorruptionException.class)
                    .hasMessageContaining("log.2.");
        }
    }

    @Test
    void closeCompletesEveryPendingAppendAndRefusesLaterOnes() throws Exception {
        Path dir = tmp.resolve("plog");
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        FilePrivateLog log = FilePrivateLog.open(dir, smallFiles());
        for (long d = 1; d <= 50; d++) {
            futures.add(log.append(d, 1, payload(d, 1)));
        }
        log.close();
        assertThat(futures).allSatisfy(f -> assertThat(f).isCompleted().isNotCompletedExceptionally());
        log.close(); // idempotent
        log.flush(); // nothing left to flush
        CompletableFuture<Void> late = log.append(51, 1, payload(51, 1));
        assertThatThrownBy(late::join).isInstanceOf(CompletionException.class).hasCauseInstanceOf(LogIoException.class);
        try (FilePrivateLog reopened = FilePrivateLog.open(dir, smallFiles())) {
            assertThat(decrees(replayAll(reopened))).isEqualTo(range(1, 50));
        }
    }

    @Test
    void pageCacheOnlyModeSyncsOnlyOnFlushAndRoll() throws Exception {
        PrivateLogConfig config = PrivateLogConfig.defaults().withForceFlush(false);
        try (FilePrivateLog log = FilePrivateLog.open(tmp.resolve("plog"), config)) {
            appendRange(log, 1, 100, 1);
            assertThat(log.syncCount()).isZero();
            assertThat(log.writeCount()).isPositive();
            log.flush();
            assertThat(log.syncCount()).isEqualTo(1);
            log.flush(); // nothing new written: no second sync
            assertThat(log.syncCount()).isEqualTo(1);
        }
    }

    @Test
    void forceFlushSyncsBeforeAppendsComplete() throws Exception {
        try (FilePrivateLog log = FilePrivateLog.open(tmp.resolve("plog"), PrivateLogConfig.defaults())) {
            log.append(1, 1, payload(1, 1)).get();
            assertThat(log.syncCount()).isEqualTo(1);
            log.append(2, 1, payload(2, 1)).get();
            assertThat(log.syncCount()).isEqualTo(2);
        }
    }

    @Test
    void batchDelayStillCompletesAppends() throws Exception {
        PrivateLogConfig config = PrivateLogConfig.defaults().withBatch(4096, java.time.Duration.ofMillis(5));
        try (FilePrivateLog log = FilePrivateLog.open(tmp.resolve("plog"), config)) {
            appendRange(log, 1, 30, 1);
            assertThat(decrees(replayAll(log))).isEqualTo(range(1, 30));
        }
    }

    @Test
    void aRecordLargerThanTheFileSizeGetsAFileOfItsOwn() throws Exception {
        Path dir = tmp.resolve("plog");
        byte[] big = new byte[1000];
        try (FilePrivateLog log = FilePrivateLog.open(dir, smallFiles())) {
            appendRange(log, 1, 2, 1);
            log.append(3, 1, big).get();
            appendRange(log, 4, 5, 1);
        }
        assertThat(logFiles(dir)).hasSize(3);
        try (FilePrivateLog log = FilePrivateLog.open(dir, smallFiles())) {
            List<LogRecord> records = replayAll(log);
            assertThat(decrees(records)).isEqualTo(range(1, 5));
            assertThat(records.get(2).record()).hasSize(1000);
        }
    }
}
