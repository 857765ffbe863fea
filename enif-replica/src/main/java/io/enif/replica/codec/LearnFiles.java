package io.enif.replica.codec;

import java.util.List;

/**
 * The files an {@code LT_LOG} or {@code LT_APP} learn reply names: paths relative to {@code baseDir} on the learnee,
 * with their sizes. The learnee's driver builds it; on the learner it is the {@code transfer} the core hands back in
 * {@link io.enif.replication.ready.Ready.ApplyLearnedState}.
 *
 * @param baseDir the learnee's directory the paths are relative to ({@code learn_response.base_local_dir})
 * @param files the relative paths
 * @param sizes each file's size in bytes, in the same order
 */
public record LearnFiles(String baseDir, List<String> files, List<Long> sizes) {
    public LearnFiles {
        files = List.copyOf(files);
        sizes = List.copyOf(sizes);
        if (files.size() != sizes.size()) {
            throw new IllegalArgumentException(files.size() + " files but " + sizes.size() + " sizes");
        }
    }

    /** No files. */
    public static LearnFiles none() {
        return new LearnFiles("", List.of(), List.of());
    }

    /** The total size in bytes. */
    public long totalBytes() {
        return sizes.stream().mapToLong(Long::longValue).sum();
    }
}
