package io.enif.replica.plog;

import static io.enif.replica.plog.PlogFixtures.appendRange;
import static io.enif.replica.plog.PlogFixtures.decrees;
import static io.enif.replica.plog.PlogFixtures.payload;
import static io.enif.replica.plog.PlogFixtures.range;
import static io.enif.replica.plog.PlogFixtures.replayAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** I/O errors fail the appends with LogIoException and fail the log for good; close still releases it. */
@Timeout(30)
class LogIoFailureTest {

    @TempDir
    Path tmp;

    private final ScheduledThreadPoolExecutor io = new ScheduledThreadPoolExecutor(1);
    private final FaultyFileChannel.Faults faults = new FaultyFileChannel.Faults();

    @AfterEach
    void stop() {
        io.shutdownNow();
    }

    private FilePrivateLog openFaulty(PrivateLogConfig config) {
        return FilePrivateLog.open(
                tmp.resolve("plog"), config, io, false, Clock.systemUTC(), FaultyFileChannel.opener(faults));
    }

    private static void assertFailsWithLogIo(CompletableFuture<Void> f) {
        assertThatThrownBy(f::join).isInstanceOf(CompletionException.class).hasCauseInstanceOf(LogIoException.class);
    }

    @Test
    void aFailedWriteFailsTheAppendAndEveryLaterOne() {
        FilePrivateLog log = openFaulty(PrivateLogConfig.defaults());
        appendRange(log, 1, 3, 1);
        faults.failWrites = true;
        assertFailsWithLogIo(log.append(4, 1, payload(4, 1)));
        faults.failWrites = false; // the disk came back, but the log stays failed
        assertFailsWithLogIo(log.append(5, 1, payload(5, 1)));
        assertThatThrownBy(log::flush).isInstanceOf(LogIoException.class).hasMessageContaining("injected");
        log.close(); // does not throw
        try (FilePrivateLog reopened = FilePrivateLog.open(tmp.resolve("plog"), PrivateLogConfig.defaults())) {
            assertThat(decrees(replayAll(reopened))).isEqualTo(range(1, 3));
        }
    }

    @Test
    void aPartialWriteLeavesATornTailThatReopenCuts() {
        FilePrivateLog log = openFaulty(PrivateLogConfig.defaults());
        appendRange(log, 1, 3, 1);
        faults.writeHalfThenFail = true;
        assertFailsWithLogIo(log.append(4, 1, payload(4, 1)));
        log.close();
        try (FilePrivateLog reopened = FilePrivateLog.open(tmp.resolve("plog"), PrivateLogConfig.defaults())) {
            assertThat(decrees(replayAll(reopened))).isEqualTo(range(1, 3));
            appendRange(reopened, 4, 5, 2);
            assertThat(decrees(replayAll(reopened))).isEqualTo(range(1, 5));
        }
    }

    @Test
    void aFailedSyncFailsTheAppend() {
        FilePrivateLog log = openFaulty(PrivateLogConfig.defaults());
        appendRange(log, 1, 3, 1);
        faults.failSyncs = true;
        assertFailsWithLogIo(log.append(4, 1, payload(4, 1)));
        assertFailsWithLogIo(log.append(5, 1, payload(5, 1)));
        log.close();
    }

    @Test
    void aFailedSyncDoesNotTouchAppendsInPageCacheMode() {
        FilePrivateLog log = openFaulty(PrivateLogConfig.defaults().withForceFlush(false));
        faults.failSyncs = true;
        appendRange(log, 1, 3, 1);
        assertThatThrownBy(log::flush).isInstanceOf(LogIoException.class);
        assertFailsWithLogIo(log.append(4, 1, payload(4, 1)));
        log.close();
    }

    @Test
    void aShutDownExecutorFailsAppendsInsteadOfLosingThem() {
        FilePrivateLog log = openFaulty(PrivateLogConfig.defaults());
        appendRange(log, 1, 2, 1);
        io.shutdownNow();
        assertFailsWithLogIo(log.append(3, 1, payload(3, 1)));
        log.close(); // does not hang
    }

    @Test
    void anUnwritableDirectoryFailsTheOpen() throws Exception {
        Path notADir = tmp.resolve("file");
        java.nio.file.Files.writeString(notADir, "x");
        assertThatThrownBy(() -> FilePrivateLog.open(notADir.resolve("plog"), PrivateLogConfig.defaults()))
                .isInstanceOf(LogIoException.class)
                .hasMessageContaining("cannot open");
    }
}
