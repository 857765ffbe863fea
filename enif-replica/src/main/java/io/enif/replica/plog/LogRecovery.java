package io.enif.replica.plog;

import io.enif.replica.plog.SegmentScanner.ScanResult;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the files of a log directory: checks every record, cuts a torn tail and refuses a corrupt middle (the rules
 * are in the package documentation).
 */
final class LogRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(LogRecovery.class);

    private LogRecovery() {}

    /**
     * What is left after recovery.
     *
     * @param segments the valid files, oldest first
     * @param firstName the name for the first file when {@code segments} is empty
     */
    record Recovered(List<LogSegment> segments, LogFileName firstName) {}

    static Recovered recover(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<ScanResult> scans = new ArrayList<>();
        for (Path file : logFiles(dir)) {
            LogFileName name = LogFileName.parse(file.getFileName().toString()).orElseThrow();
            scans.add(SegmentScanner.scan(file, name, Long.MAX_VALUE, Long.MAX_VALUE, null));
        }
        int firstBad = firstBad(scans);
        int keep = firstBad < 0 ? scans.size() : firstBad + 1;
        checkContinuity(scans.subList(0, keep));
        if (firstBad >= 0) {
            refuseCorruptMiddle(scans, firstBad);
            keep = cutTail(dir, scans, firstBad);
        }
        List<LogSegment> segments = new ArrayList<>();
        for (ScanResult s : scans.subList(0, keep)) {
            long mtime = Files.getLastModifiedTime(s.path()).toMillis();
            segments.add(
                    new LogSegment(s.name(), s.path(), s.validEnd(), s.records(), s.minDecree(), s.maxDecree(), mtime));
        }
        LogFileName firstName =
                scans.isEmpty() ? new LogFileName(1, 0) : scans.get(0).name();
        return new Recovered(segments, firstName);
    }

    /** The log files in {@code dir}, by index; other files are ignored. */
    private static List<Path> logFiles(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(Files::isRegularFile)
                    .filter(p -> LogFileName.parse(p.getFileName().toString()).isPresent())
                    .sorted(Comparator.comparingInt(p -> index(p)))
                    .toList();
        }
        for (int i = 1; i < files.size(); i++) {
            if (index(files.get(i)) == index(files.get(i - 1))) {
                throw new LogCorruptionException(files.get(i), 0, "two log files with index " + index(files.get(i)));
            }
        }
        return files;
    }

    private static int index(Path p) {
        Optional<LogFileName> name = LogFileName.parse(p.getFileName().toString());
        return name.orElseThrow().index();
    }

    private static int firstBad(List<ScanResult> scans) {
        for (int i = 0; i < scans.size(); i++) {
            if (!scans.get(i).clean()) {
                return i;
            }
        }
        return -1;
    }

    /** Files must follow each other: consecutive indexes, each starting where the previous one ends. */
    private static void checkContinuity(List<ScanResult> scans) {
        for (int i = 1; i < scans.size(); i++) {
            ScanResult prev = scans.get(i - 1);
            LogFileName expected = prev.name().next(prev.fileSize());
            if (!scans.get(i).name().equals(expected)) {
                throw new LogCorruptionException(
                        scans.get(i).path(),
                        0,
                        "expected " + expected + " after " + prev.name() + ": a log file is missing or was resized");
            }
        }
    }

    /** A bad frame is a torn tail only if no valid record comes after it, in its file or in any later one. */
    private static void refuseCorruptMiddle(List<ScanResult> scans, int firstBad) {
        ScanResult bad = scans.get(firstBad);
        String where = null;
        if (bad.dataAfterBad()) {
            where = "later in the same file";
        } else {
            for (ScanResult later : scans.subList(firstBad + 1, scans.size())) {
                if (later.holdsData()) {
                    where = "in " + later.name();
                    break;
                }
            }
        }
        if (where != null) {
            throw new LogCorruptionException(
                    bad.path(),
                    bad.badOffset(),
                    bad.badReason() + " in the middle of the log: valid records follow " + where
                            + "; refusing to cut them");
        }
    }

    /** Cuts the log at the first bad frame; returns how many files are left. */
    private static int cutTail(Path dir, List<ScanResult> scans, int firstBad) throws IOException {
        ScanResult bad = scans.get(firstBad);
        long dropped = bad.fileSize() - bad.validEnd();
        int kept;
        if (bad.validEnd() == 0) {
            Files.delete(bad.path());
            kept = firstBad;
        } else {
            try (FileChannel ch = FileChannel.open(bad.path(), StandardOpenOption.WRITE)) {
                ch.truncate(bad.validEnd());
                ch.force(true);
            }
            kept = firstBad + 1;
        }
        List<ScanResult> later = scans.subList(firstBad + 1, scans.size());
        for (ScanResult s : later) {
            dropped += s.fileSize();
            Files.delete(s.path());
        }
        FileSync.syncDirectory(dir);
        LOG.warn(
                "plog {}: cut a torn tail of {} at offset {} ({}), dropping {} bytes and {} later file(s)",
                dir,
                bad.name(),
                bad.badOffset(),
                bad.badReason(),
                dropped,
                later.size());
        return kept;
    }
}
