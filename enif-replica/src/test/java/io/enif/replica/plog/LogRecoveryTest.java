package io.enif.replica.plog;

import static io.enif.replica.plog.PlogFixtures.FRAME;
import static io.enif.replica.plog.PlogFixtures.appendRange;
import static io.enif.replica.plog.PlogFixtures.copyLog;
import static io.enif.replica.plog.PlogFixtures.decrees;
import static io.enif.replica.plog.PlogFixtures.flipByte;
import static io.enif.replica.plog.PlogFixtures.logFiles;
import static io.enif.replica.plog.PlogFixtures.range;
import static io.enif.replica.plog.PlogFixtures.recordOffsets;
import static io.enif.replica.plog.PlogFixtures.replayAll;
import static io.enif.replica.plog.PlogFixtures.smallFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Opening a damaged log: a torn tail is cut, a corrupt middle is refused. */
@Timeout(60)
class LogRecoveryTest {

    @TempDir
    Path tmp;

    /** A single-file log of decrees 1..10. */
    private Path oneFile;

    /** A four-file log of decrees 1..20 (6 per file). */
    private Path fourFiles;

    @BeforeEach
    void writeLogs() {
        oneFile = tmp.resolve("one");
        try (FilePrivateLog log = FilePrivateLog.open(oneFile, PrivateLogConfig.defaults())) {
            appendRange(log, 1, 10, 1);
        }
        fourFiles = tmp.resolve("four");
        try (FilePrivateLog log = FilePrivateLog.open(fourFiles, smallFiles())) {
            appendRange(log, 1, 20, 1);
        }
    }

    @Test
    void tornTailAtEveryByteOfTheLastRecordIsCut() throws Exception {
        Path file = oneFile.resolve("log.1.0");
        long lastStart = recordOffsets(file).get(9);
        long end = Files.size(file);
        assertThat(end).isEqualTo(lastStart + FRAME);
        for (long cut = lastStart; cut <= end; cut++) {
            Path dir = tmp.resolve("cut-" + cut);
            copyLog(oneFile, dir);
            PlogFixtures.truncate(dir.resolve("log.1.0"), cut);
            try (FilePrivateLog log = FilePrivateLog.open(dir, PrivateLogConfig.defaults())) {
                List<Long> expected = range(1, cut == end ? 10 : 9);
                assertThat(decrees(replayAll(log))).as("cut at %d", cut).isEqualTo(expected);
                assertThat(log.maxDecree()).isEqualTo(expected.size());
            }
            assertThat(Files.size(dir.resolve("log.1.0"))).isEqualTo(cut == end ? end : lastStart);
        }
    }

    @Test
    void aFlippedByteAnywhereInTheLastRecordIsCut() throws Exception {
        long lastStart = recordOffsets(oneFile.resolve("log.1.0")).get(9);
        for (long at = lastStart; at < lastStart + FRAME; at++) {
            Path dir = tmp.resolve("flip-" + at);
            copyLog(oneFile, dir);
            flipByte(dir.resolve("log.1.0"), at);
            try (FilePrivateLog log = FilePrivateLog.open(dir, PrivateLogConfig.defaults())) {
                assertThat(decrees(replayAll(log))).as("flip at %d", at).isEqualTo(range(1, 9));
            }
            assertThat(Files.size(dir.resolve("log.1.0"))).isEqualTo(lastStart);
        }
    }

    @Test
    void garbageAfterTheLastRecordIsCutAndTheLogGoesOn() throws Exception {
        Path file = oneFile.resolve("log.1.0");
        long end = Files.size(file);
        byte[] garbage = new byte[100];
        Arrays.fill(garbage, (byte) 0x37);
        PlogFixtures.appendBytes(file, garbage);
        try (FilePrivateLog log = FilePrivateLog.open(oneFile, PrivateLogConfig.defaults())) {
            assertThat(decrees(replayAll(log))).isEqualTo(range(1, 10));
            appendRange(log, 11, 12, 1);
        }
        try (FilePrivateLog log = FilePrivateLog.open(oneFile, PrivateLogConfig.defaults())) {
            assertThat(decrees(replayAll(log))).isEqualTo(range(1, 12));
        }
        assertThat(Files.size(file)).isEqualTo(end + 2L * FRAME);
    }

    @Test
    void zerosAfterTheLastRecordAreCut() throws Exception {
        Path file = oneFile.resolve("log.1.0");
        long end = Files.size(file);
        PlogFixtures.appendBytes(file, new byte[4096]);
        try (FilePrivateLog log = FilePrivateLog.open(oneFile, PrivateLogConfig.defaults())) {
            assertThat(decrees(replayAll(log))).isEqualTo(range(1, 10));
        }
        assertThat(Files.size(file)).isEqualTo(end);
    }

    @Test
    void aCorruptRecordInAnEarlierFileWithValidLaterFilesIsFatal() throws Exception {
        Path first = logFiles(fourFiles).get(0);
        long third = recordOffsets(first).get(2);
        flipByte(first, third + LogFormat.RECORD_HEADER_SIZE + 5);
        List<Long> sizesBefore = sizes(fourFiles);

        assertThatThrownBy(() -> FilePrivateLog.open(fourFiles, smallFiles()))
                .isInstanceOf(LogCorruptionException.class)
                .hasMessageContaining("log.1.0")
                .hasMessageContaining("checksum mismatch")
                .satisfies(
                        e -> assertThat(((LogCorruptionException) e).offset()).isEqualTo(third));
        assertThat(sizes(fourFiles)).as("nothing cut").isEqualTo(sizesBefore);
    }

    @Test
    void theLastRecordOfAnEarlierFileCorruptIsStillTheMiddle() throws Exception {
        Path second = logFiles(fourFiles).get(1);
        long last = recordOffsets(second).get(5);
        flipByte(second, last + LogFormat.RECORD_HEADER_SIZE + 1);
        assertThatThrownBy(() -> FilePrivateLog.open(fourFiles, smallFiles()))
                .isInstanceOf(LogCorruptionException.class)
                .hasMessageContaining(second.getFileName().toString())
                .hasMessageContaining("valid records follow in log.3.");
    }

    @Test
    void aCutShortEarlierFileIsFatal() throws Exception {
        Path second = logFiles(fourFiles).get(1);
        PlogFixtures.truncate(second, Files.size(second) - 10);
        assertThatThrownBy(() -> FilePrivateLog.open(fourFiles, smallFiles()))
                .isInstanceOf(LogCorruptionException.class)
                .hasMessageContaining("log.3.");
    }

    @Test
    void aCorruptRecordFollowedByAValidOneInTheLastFileIsFatal() throws Exception {
        Path file = oneFile.resolve("log.1.0");
        long eighth = recordOffsets(file).get(7);
        flipByte(file, eighth + LogFormat.RECORD_HEADER_SIZE + 3);
        assertThatThrownBy(() -> FilePrivateLog.open(oneFile, PrivateLogConfig.defaults()))
                .isInstanceOf(LogCorruptionException.class)
                .hasMessageContaining("later in the same file");
    }

    @Test
    void aMissingMiddleFileIsFatal() throws Exception {
        Files.delete(logFiles(fourFiles).get(1));
        assertThatThrownBy(() -> FilePrivateLog.open(fourFiles, smallFiles()))
                .isInstanceOf(LogCorruptionException.class)
                .hasMessageContaining("missing");
    }

    @Test
    void aTornTailInTheLastFileOfSeveralIsCut() throws Exception {
        Path last = logFiles(fourFiles).get(3);
        PlogFixtures.truncate(last, Files.size(last) - 1);
        try (FilePrivateLog log = FilePrivateLog.open(fourFiles, smallFiles())) {
            assertThat(decrees(replayAll(log))).isEqualTo(range(1, 19));
            appendRange(log, 20, 26, 2);
        }
        try (FilePrivateLog log = FilePrivateLog.open(fourFiles, smallFiles())) {
            assertThat(decrees(replayAll(log))).isEqualTo(range(1, 26));
        }
    }

    @Test
    void aNewLastFileWithATornHeaderIsDeletedAndRecreated() throws Exception {
        Path last = logFiles(fourFiles).get(3);
        String name = last.getFileName().toString();
        PlogFixtures.truncate(last, 0);
        PlogFixtures.appendBytes(last, new byte[] {0x45, 0x4E, 0x50}); // a header cut after 3 bytes
        try (FilePrivateLog log = FilePrivateLog.open(fourFiles, smallFiles())) {
            assertThat(decrees(replayAll(log))).isEqualTo(range(1, 18));
            appendRange(log, 19, 20, 2);
        }
        assertThat(logFiles(fourFiles))
                .extracting(p -> p.getFileName().toString())
                .endsWith(name);
        try (FilePrivateLog log = FilePrivateLog.open(fourFiles, smallFiles())) {
            assertThat(decrees(replayAll(log))).isEqualTo(range(1, 20));
        }
    }

    @Test
    void aTornRecordBeforeEmptyLaterFilesIsCutWithThem() throws Exception {
        Path dir = tmp.resolve("empty-later");
        copyLog(fourFiles, dir);
        List<Path> files = logFiles(dir);
        Path third = files.get(2);
        // the fourth file holds only its header, and the third ends in a torn record
        long fourthStart = LogFileName.parse(files.get(3).getFileName().toString())
                .orElseThrow()
                .startOffset();
        Files.delete(files.get(3));
        Files.write(
                dir.resolve("log.4." + fourthStart),
                LogFormat.encodeFileHeader(new LogFileName(4, fourthStart)).array());
        PlogFixtures.truncate(third, Files.size(third) - 5);
        try (FilePrivateLog log = FilePrivateLog.open(dir, smallFiles())) {
            assertThat(decrees(replayAll(log))).isEqualTo(range(1, 17));
            assertThat(logFiles(dir)).hasSize(3); // the third was cut, the fourth deleted
            appendRange(log, 18, 20, 2);
        }
        // the third file filled up again and rolled into a fourth of the same name as before
        assertThat(logFiles(dir)).extracting(p -> p.getFileName().toString()).endsWith("log.4." + fourthStart);
        try (FilePrivateLog log = FilePrivateLog.open(dir, smallFiles())) {
            assertThat(decrees(replayAll(log))).isEqualTo(range(1, 20));
        }
    }

    @Test
    void filesThatAreNotLogFilesAreIgnored() throws Exception {
        Files.writeString(oneFile.resolve("notes.txt"), "hello");
        Files.writeString(oneFile.resolve("log.x.y"), "hello");
        try (FilePrivateLog log = FilePrivateLog.open(oneFile, PrivateLogConfig.defaults())) {
            assertThat(decrees(replayAll(log))).isEqualTo(range(1, 10));
        }
        assertThat(oneFile.resolve("notes.txt")).exists();
    }

    private static List<Long> sizes(Path dir) throws IOException {
        return logFiles(dir).stream()
                .map(p -> {
                    try {
                        return Files.size(p);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }
}
