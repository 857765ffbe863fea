package io.enif.meta.fd;

import io.enif.common.HostPort;
import java.util.HashMap;
import java.util.Map;

/**
 * The unstable-restart guard ({@code spec/ops-cluster.md} §6.3 FD-4): a replica server that keeps restarting within
 * {@code stable_rs_min_running_seconds} of its previous start is kept dead, by no longer answering its beacons, once
 * the streak reaches {@code max_succssive_unstable_restart}. The streak is forgiven when the node restarts after a
 * long enough run, or has been running long enough since its last start.
 *
 * <p>Each beacon carries the process start time of the replica server. Single-threaded; time is a parameter.
 */
final class RestartStability {

    private final long stableMinRunningMs;
    private final int maxUnstableRestarts;
    private final Map<HostPort, Entry> entries = new HashMap<>();

    RestartStability(long stableMinRunningMs, int maxUnstableRestarts) {
        this.stableMinRunningMs = stableMinRunningMs;
        this.maxUnstableRestarts = maxUnstableRestarts;
    }

    /** Records a beacon and says whether the meta server may answer it. */
    boolean onBeacon(HostPort node, long startTimeMs, long nowMs) {
        Entry entry = entries.get(node);
        if (entry == null) {
            entries.put(node, new Entry(startTimeMs));
            return true;
        }
        if (startTimeMs == entry.lastStartMs) {
            if (nowMs - entry.lastStartMs >= stableMinRunningMs) {
                entry.unstableRestarts = 0;
            }
        } else if (startTimeMs > entry.lastStartMs) {
            if (startTimeMs - entry.lastStartMs < stableMinRunningMs) {
                entry.unstableRestarts++;
            } else {
                entry.unstableRestarts = 0;
            }
            entry.lastStartMs = startTimeMs;
        }
        // An older start time is a stale beacon: it changes nothing.
        return entry.unstableRestarts < maxUnstableRestarts;
    }

    /** How many unstable restarts in a row {@code node} has made. */
    int unstableRestarts(HostPort node) {
        Entry entry = entries.get(node);
        return entry == null ? 0 : entry.unstableRestarts;
    }

    private static final class Entry {
        long lastStartMs;
        int unstableRestarts;

        Entry(long lastStartMs) {
            this.lastStartMs = lastStartMs;
        }
    }
}
