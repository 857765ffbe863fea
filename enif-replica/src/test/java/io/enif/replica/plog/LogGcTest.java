package io.enif.replica.plog;

import static io.enif.replica.plog.PlogFixtures.appendRange;
import static io.enif.replica.plog.PlogFixtures.decrees;
import static io.enif.replica.plog.PlogFixtures.logFiles;
import static io.enif.replica.plog.PlogFixtures.range;
import static io.enif.replica.plog.PlogFixtures.replayAll;
import static io.enif.replica.plog.PlogFixtures.smallFiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Garbage collection: Pegasus's durable-decree rule and its reserve limits. */
@Timeout(30)
class LogGcTest {

    /** Bytes of a full small file: 24 + 6 * 44. */
    private static final long FULL = 288;

    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path tmp;

    private final ScheduledThreadPoolExecutor io = new ScheduledThreadPoolExecutor(1);
    private final ManualClock clock = new ManualClock(T0);

    @AfterEach
    void stop() {
        io.shutdownNow();
    }

    /** Five full files of decrees 1-6, 7-12, 13-18, 19-24, 25-30. */
    private FilePrivateLog fiveFiles(PrivateLogConfig config) {
        FilePrivateLog log = FilePrivateLog.open(tmp.resolve("plog"), config, io, clock);
        appendRange(log, 1, 30, 1);
        assertThat(log.filesFrom(0)).hasSize(5);
        return log;
    }

    private static int gc(FilePrivateLog log, long durable) throws Exception {
        return log.gcAsync(durable).get(10, TimeUnit.SECONDS);
    }

    @Test
    void deletesTheFilesCoveredByTheDurableDecreeButNeverTheCurrentOne() throws Exception {
        try (FilePrivateLog log = fiveFiles(smallFiles())) {
            assertThat(gc(log, 5)).isZero();
            assertThat(gc(log, 12)).isEqualTo(2);
            assertThat(log.minDecree()).isEqualTo(13);
            assertThat(logFiles(log.directory())).hasSize(3);
            assertThat(log.filesFrom(0)).isEqualTo(logFiles(log.directory()));
            assertThat(gc(log, 1000)).isEqualTo(2);
            assertThat(log.filesFrom(0)).hasSize(1);
            assertThat(decrees(replayAll(log))).isEqualTo(range(25, 30));
            assertThat(log.maxDecree()).isEqualTo(30);
            appendRange(log, 31, 32, 1);
        }
        try (FilePrivateLog log = FilePrivateLog.open(tmp.resolve("plog"), smallFiles(), io, clock)) {
            assertThat(decrees(replayAll(log))).isEqualTo(range(25, 32));
        }
    }

    @Test
    void keepsUselessFilesWithinTheReserveSize() throws Exception {
        PrivateLogConfig config = smallFiles().withReserve(2 * FULL, 36_000);
        try (FilePrivateLog log = fiveFiles(config)) {
            // newest first: the current file (288) and file 4 (576 in all) fit the reserve; file 3 does not.
            assertThat(gc(log, 30)).isEqualTo(3);
            assertThat(log.minDecree()).isEqualTo(19);
        }
    }

    @Test
    void keepsUselessFilesWithinTheReserveTime() throws Exception {
        PrivateLogConfig config = smallFiles().withReserve(1000L * 1024 * 1024, 100);
        FilePrivateLog log = FilePrivateLog.open(tmp.resolve("plog"), config, io, clock);
        appendRange(log, 1, 12, 1); // files 1 and 2, written at T0
        clock.advance(Duration.ofSeconds(1000));
        appendRange(log, 13, 30, 1); // files 3, 4 and 5, written at T0 + 1000 s
        assertThat(gc(log, 30)).as("files 1 and 2 are 1000 s old").isEqualTo(2);
        clock.advance(Duration.ofSeconds(100));
        assertThat(gc(log, 30)).as("files 3 and 4 are exactly 100 s old").isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(gc(log, 30)).isEqualTo(2);
        assertThat(log.filesFrom(0)).hasSize(1);
        log.close();
    }

    @Test
    void doesNothingWhenDisabled() throws Exception {
        try (FilePrivateLog log = fiveFiles(smallFiles().withGcEnabled(false))) {
            log.gc(1000);
            assertThat(gc(log, 1000)).isZero();
            log.flush();
            assertThat(logFiles(log.directory())).hasSize(5);
        }
    }

    @Test
    void aFileStaysWhileAnOlderFileHoldsAHigherDecree() {
        // file 1 holds decrees up to 100 at an old ballot; file 2 re-proposed 95..96 at a newer one.
        List<LogSegment> files = List.of(segment(1, 0, 100), segment(2, FULL, 96), segment(3, 2 * FULL, 120));
        assertThat(LogGc.deletableCount(files, 96, 0, 0, T0)).isZero();
        assertThat(LogGc.deletableCount(files, 100, 0, 0, T0)).isEqualTo(2);
    }

    @Test
    void zeroReserveLimitsKeepNothing() {
        List<LogSegment> files = List.of(segment(1, 0, 6), segment(2, FULL, 12), segment(3, 2 * FULL, 18));
        assertThat(LogGc.deletableCount(files, 12, 0, 36_000, T0)).isEqualTo(2);
        assertThat(LogGc.deletableCount(files, 12, 10 * FULL, 0, T0)).isEqualTo(2);
        assertThat(LogGc.deletableCount(files, 12, 10 * FULL, 36_000, T0)).isZero();
        assertThat(LogGc.deletableCount(files.subList(0, 1), 100, 0, 0, T0)).isZero();
    }

    private static LogSegment segment(int index, long start, long maxDecree) {
        LogFileName name = new LogFileName(index, start);
        return new LogSegment(name, Path.of(name.toString()), FULL, 6, maxDecree - 5, maxDecree, T0);
    }
}
