package io.enif.replica.plog;

import java.util.List;

/**
 * Which log files garbage collection may delete, by Pegasus's rules for the private log.
 *
 * <p>Walking from the newest file to the oldest: the newest (current) file is always kept; a file is kept while the
 * files kept so far plus this one stay within the reserve size AND it was last written within the reserve time (both
 * limits must be non-zero to keep anything this way); otherwise, if every decree in it and in all older files is
 * &lt;= the durable decree, it and every older file may go; otherwise it is still needed and kept. Deleting always
 * takes a prefix of the log, so no hole ever appears.
 */
final class LogGc {

    private LogGc() {}

    /** How many of the oldest {@code files} (oldest first) may be deleted. */
    static int deletableCount(
            List<LogSegment> files, long durableDecree, long reserveMaxSize, long reserveMaxTimeSeconds, long now) {
        int n = files.size();
        if (n <= 1) {
            return 0;
        }
        long[] prefixMax = new long[n];
        long max = 0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, files.get(i).maxDecree());
            prefixMax[i] = max;
        }
        long reserved = files.get(n - 1).size();
        for (int i = n - 2; i >= 0; i--) {
            LogSegment file = files.get(i);
            boolean reserve = reserveMaxSize > 0
                    && reserveMaxTimeSeconds > 0
                    && reserved + file.size() <= reserveMaxSize
                    && file.lastWriteMillis() + reserveMaxTimeSeconds * 1000 >= now;
            if (!reserve && prefixMax[i] <= durableDecree) {
                return i + 1;
            }
            reserved += file.size();
        }
        return 0;
    }
}
