package io.enif.replica.plog;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of a private log file, {@code log.<index>.<start_offset>} as in Pegasus: files are numbered from 1 in the
 * order they were created, and {@code start_offset} is the byte offset of the file's first byte in the whole log
 * (the previous file's start offset plus that file's size).
 */
record LogFileName(int index, long startOffset) {

    private static final Pattern PATTERN = Pattern.compile("log\\.(\\d{1,9})\\.(\\d{1,18})");

    LogFileName {
        if (index <= 0 || startOffset < 0) {
            throw new IllegalArgumentException("bad log file name: index " + index + ", offset " + startOffset);
        }
    }

    /** The name parsed from a file name, or empty if it is not a log file's. */
    static Optional<LogFileName> parse(String fileName) {
        Matcher m = PATTERN.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        int index = Integer.parseInt(m.group(1));
        return index == 0 ? Optional.empty() : Optional.of(new LogFileName(index, Long.parseLong(m.group(2))));
    }

    /** The name of the file that follows a file of this name holding {@code size} bytes. */
    LogFileName next(long size) {
        return new LogFileName(index + 1, startOffset + size);
    }

    @Override
    public String toString() {
        return "log." + index + "." + startOffset;
    }
}
