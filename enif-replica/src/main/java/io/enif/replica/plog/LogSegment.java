package io.enif.replica.plog;

import java.nio.file.Path;

/**
 * What the log knows about one of its files: its name, how many bytes of it are written, which decrees it holds and
 * when it was last written. The I/O thread updates the file being appended; any thread may read.
 */
final class LogSegment {

    private final LogFileName name;
    private final Path path;
    private long size;
    private int records;
    private long minDecree;
    private long maxDecree;
    private long lastWriteMillis;

    LogSegment(LogFileName name, Path path, long size, int records, long minDecree, long maxDecree, long lastWrite) {
        this.name = name;
        this.path = path;
        this.size = size;
        this.records = records;
        this.minDecree = minDecree;
        this.maxDecree = maxDecree;
        this.lastWriteMillis = lastWrite;
    }

    LogFileName name() {
        return name;
    }

    Path path() {
        return path;
    }

    /** The bytes written, header included; records are complete up to here. */
    synchronized long size() {
        return size;
    }

    synchronized int records() {
        return records;
    }

    /** The smallest decree in the file; meaningless when it holds no record. */
    synchronized long minDecree() {
        return minDecree;
    }

    /** The largest decree in the file; 0 when it holds no record. */
    synchronized long maxDecree() {
        return maxDecree;
    }

    synchronized long lastWriteMillis() {
        return lastWriteMillis;
    }

    /** Records that {@code count} records with decrees in [min, max] now fill the file up to {@code newSize}. */
    synchronized void appended(long newSize, int count, long min, long max, long nowMillis) {
        minDecree = records == 0 ? min : Math.min(minDecree, min);
        maxDecree = Math.max(maxDecree, max);
        records += count;
        size = newSize;
        lastWriteMillis = nowMillis;
    }

    @Override
    public String toString() {
        return name.toString();
    }
}
