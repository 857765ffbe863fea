package io.enif.replica.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One entry of {@code [replication] data_dirs}: a tag and a path; replicas live under {@code
 * <path>/replica/reps/}.
 *
 * @param tag the disk's tag (as config sync reports it)
 * @param path the directory
 */
public record DataDir(String tag, Path path) {
    public DataDir {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(path, "path");
    }

    /** {@code <path>/replica/reps}. */
    public Path repsDir() {
        return path.resolve("replica").resolve("reps");
    }

    /**
     * Parses {@code tag:path,tag:path}; an empty text means {@code <appDir>/data} tagged {@code default}. An entry
     * without a tag gets {@code data<i>}.
     *
     * @throws IllegalArgumentException for an empty entry or a repeated tag
     */
    public static List<DataDir> parse(String text, Path appDir) {
        List<DataDir> dirs = new ArrayList<>();
        if (text == null || text.isBlank()) {
            dirs.add(new DataDir("default", appDir.resolve("data")));
            return dirs;
        }
        String[] entries = text.split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].trim();
            if (entry.isEmpty()) {
                throw new IllegalArgumentException("empty entry in data_dirs '" + text + "'");
            }
            int colon = entry.indexOf(':');
            DataDir dir = colon > 0
                    ? new DataDir(
                            entry.substring(0, colon).trim(),
                            Path.of(entry.substring(colon + 1).trim()))
                    : new DataDir("data" + i, Path.of(entry));
            if (dirs.stream().anyMatch(d -> d.tag().equals(dir.tag()))) {
                throw new IllegalArgumentException("data_dirs repeats the tag '" + dir.tag() + "'");
            }
            dirs.add(dir);
        }
        return dirs;
    }
}
