package io.enif.replica.plog;

import io.enif.replica.plog.SegmentScanner.ScanResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/** Reads log files outside a live log: the files a learner copied from its primary ({@link PrivateLog#filesFrom}). */
public final class LogFiles {

    private LogFiles() {}

    /**
     * Hands every valid record with decree &gt; {@code fromDecree} in {@code files} (oldest first, named {@code
     * log.<index>.<start_offset>}) to {@code consumer}, in order.
     *
     * <p>The last file may end in a partial record (it was copied while being written): reading stops there. Any
     * other bad frame, or a bad frame in the last file followed by a valid record, throws {@link
     * LogCorruptionException}.
     */
    public static void replay(List<Path> files, long fromDecree, Consumer<LogRecord> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            LogFileName name = LogFileName.parse(file.getFileName().toString())
                    .orElseThrow(() -> new LogIoException("not a log file name: " + file));
            ScanResult scan;
            try {
                scan = SegmentScanner.scan(file, name, Long.MAX_VALUE, fromDecree, consumer);
            } catch (IOException e) {
                throw new LogIoException("cannot read " + file + ": " + e, e);
            }
            boolean last = i == files.size() - 1;
            if (!scan.clean() && (!last || scan.dataAfterBad())) {
                throw new LogCorruptionException(file, scan.badOffset(), scan.badReason());
            }
        }
    }
}
