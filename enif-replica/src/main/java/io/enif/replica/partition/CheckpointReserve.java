package io.enif.replica.partition;

import io.enif.storage.checkpoint.Checkpoints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which checkpoints a replica keeps ({@code spec/ops-cluster.md} RES-4): the oldest checkpoint is deleted only while
 * more than {@code checkpoint_reserve_min_count} exist <em>and</em> it is older than {@code
 * checkpoint_reserve_time_seconds} (0 = no time check). Both values may change while the server runs ({@code
 * /updateConfig}); every replica of the server reads them at its next checkpoint. A checkpoint's age is the
 * modification time of its directory, which is written when the checkpoint is made. Thread-safe.
 */
public final class CheckpointReserve {
    private volatile int minCount;
    private volatile long timeSeconds;

    /**
     * @param minCount checkpoints always kept, at least 1
     * @param timeSeconds seconds each checkpoint is kept at least, 0 = no time check
     */
    public CheckpointReserve(int minCount, long timeSeconds) {
        setMinCount(minCount);
        setTimeSeconds(timeSeconds);
    }

    /** A reserve by count only (no time check). */
    public static CheckpointReserve ofMinCount(int minCount) {
        return new CheckpointReserve(minCount, 0);
    }

    /** {@code checkpoint_reserve_min_count}. */
    public int minCount() {
        return minCount;
    }

    /** {@code checkpoint_reserve_time_seconds}. */
    public long timeSeconds() {
        return timeSeconds;
    }

    /** Changes {@code checkpoint_reserve_min_count}; at least 1. */
    public void setMinCount(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("checkpoint_reserve_min_count must be at least 1: " + count);
        }
        minCount = count;
    }

    /** Changes {@code checkpoint_reserve_time_seconds}; 0 turns the time check off. */
    public void setTimeSeconds(long seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("checkpoint_reserve_time_seconds must be >= 0: " + seconds);
        }
        timeSeconds = seconds;
    }

    /**
     * Deletes the oldest checkpoints under {@code dataDir} while both rules allow it.
     *
     * @param nowMs the wall-clock time (Unix milliseconds) ages are measured at
     * @return the decrees deleted, oldest first
     */
    public List<Long> prune(Path dataDir, long nowMs) throws IOException {
        int keep = minCount;
        long reserveMs = timeSeconds * 1000;
        List<Long> decrees = new ArrayList<>(Checkpoints.list(dataDir));
        List<Long> deleted = new ArrayList<>();
        while (decrees.size() > keep) {
            Path oldest = Checkpoints.dirFor(dataDir, decrees.get(0));
            if (reserveMs > 0 && nowMs - Files.getLastModifiedTime(oldest).toMillis() < reserveMs) {
                break;
            }
            Checkpoints.deleteRecursively(oldest);
            deleted.add(decrees.remove(0));
        }
        return deleted;
    }
}
