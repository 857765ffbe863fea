package io.enif.replica.plog;

import java.util.ArrayList;
import java.util.List;

/** The files of one log, oldest first; the last one is the file being appended. Thread-safe. */
final class LogSegments {

    private final List<LogSegment> segments = new ArrayList<>();

    LogSegments(List<LogSegment> recovered) {
        segments.addAll(recovered);
    }

    synchronized void add(LogSegment segment) {
        segments.add(segment);
    }

    /** The files now in the log, oldest first. */
    synchronized List<LogSegment> snapshot() {
        return List.copyOf(segments);
    }

    /** The file being appended, or null before the first one is created. */
    synchronized LogSegment last() {
        return segments.isEmpty() ? null : segments.get(segments.size() - 1);
    }

    /** Forgets the oldest file, which must be {@code segment} (garbage collection deletes from the front). */
    synchronized void removeOldest(LogSegment segment) {
        if (segments.isEmpty() || segments.get(0) != segment) {
            throw new IllegalStateException("not the oldest log file: " + segment);
        }
        segments.remove(0);
    }

    /** The smallest decree in any file, or 0 when no file holds a record. */
    synchronized long minDecree() {
        long min = 0;
        boolean any = false;
        for (LogSegment s : segments) {
            if (s.records() > 0) {
                min = any ? Math.min(min, s.minDecree()) : s.minDecree();
                any = true;
            }
        }
        return min;
    }

    /** The largest decree in any file, or 0 when no file holds a record. */
    synchronized long maxDecree() {
        long max = 0;
        for (LogSegment s : segments) {
            max = Math.max(max, s.maxDecree());
        }
        return max;
    }
}
