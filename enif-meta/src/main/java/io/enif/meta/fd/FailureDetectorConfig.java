package io.enif.meta.fd;

import io.enif.common.HostPort;
import java.util.Objects;
import java.util.Set;

/**
 * The failure detector's tunables, with Pegasus's keys and the defaults of DESIGN §10 (beacon 3 s, check 2 s, lease
 * 20 s, grace 22 s). Durations are in milliseconds; the ini keys are in seconds.
 *
 * @param beaconIntervalMs {@code [replication] fd_beacon_interval_seconds} = 3: replica → meta beacon period
 * @param checkIntervalMs {@code [replication] fd_check_interval_seconds} = 2: how often both sides check
 * @param leaseMs {@code [replication] fd_lease_seconds} = 20: replica side, how long an acked beacon keeps it serving
 * @param graceMs {@code [replication] fd_grace_seconds} = 22: meta side, silence after which a replica server is dead
 * @param disabled {@code [replication] fd_disabled} = false: test switch, the replica's lease never expires
 * @param stableRsMinRunningMs {@code [meta_server] stable_rs_min_running_seconds} = 600: restarts closer together are
 *     unstable
 * @param maxSuccessiveUnstableRestarts {@code [meta_server] max_succssive_unstable_restart} (sic) = 5: after this many
 *     unstable restarts in a row the meta stops answering the node's beacons
 * @param whiteListEnabled {@code [meta_server] enable_white_list} = false
 * @param whiteList {@code [meta_server] replica_white_list} = "": the only replica servers allowed to join when
 *     enabled
 */
public record FailureDetectorConfig(
        long beaconIntervalMs,
        long checkIntervalMs,
        long leaseMs,
        long graceMs,
        boolean disabled,
        long stableRsMinRunningMs,
        int maxSuccessiveUnstableRestarts,
        boolean whiteListEnabled,
        Set<HostPort> whiteList) {

    public FailureDetectorConfig {
        requirePositive("fd_beacon_interval_seconds", beaconIntervalMs);
        requirePositive("fd_check_interval_seconds", checkIntervalMs);
        requirePositive("fd_lease_seconds", leaseMs);
        requirePositive("fd_grace_seconds", graceMs);
        if (stableRsMinRunningMs < 0) {
            throw new IllegalArgumentException("stable_rs_min_running_seconds must not be negative");
        }
        if (maxSuccessiveUnstableRestarts <= 0) {
            throw new IllegalArgumentException("max_succssive_unstable_restart must be positive");
        }
        whiteList = Set.copyOf(Objects.requireNonNull(whiteList, "whiteList"));
    }

    /** Pegasus's defaults (DESIGN §10). */
    public static FailureDetectorConfig defaults() {
        return new FailureDetectorConfig(3_000, 2_000, 20_000, 22_000, false, 600_000, 5, false, Set.of());
    }

    /** These settings with other beacon, check, lease and grace durations (e.g. a test profile). */
    public FailureDetectorConfig withTimers(long beaconMs, long checkMs, long lease, long grace) {
        return new FailureDetectorConfig(
                beaconMs,
                checkMs,
                lease,
                grace,
                disabled,
                stableRsMinRunningMs,
                maxSuccessiveUnstableRestarts,
                whiteListEnabled,
                whiteList);
    }

    /** These settings with the unstable-restart guard's thresholds changed. */
    public FailureDetectorConfig withStability(long minRunningMs, int maxUnstableRestarts) {
        return new FailureDetectorConfig(
                beaconIntervalMs,
                checkIntervalMs,
                leaseMs,
                graceMs,
                disabled,
                minRunningMs,
                maxUnstableRestarts,
                whiteListEnabled,
                whiteList);
    }

    /** These settings with the replica white list switched on for {@code nodes}. */
    public FailureDetectorConfig withWhiteList(Set<HostPort> nodes) {
        return new FailureDetectorConfig(
                beaconIntervalMs,
                checkIntervalMs,
                leaseMs,
                graceMs,
                disabled,
                stableRsMinRunningMs,
                maxSuccessiveUnstableRestarts,
                true,
                nodes);
    }

    /** How long a beacon RPC may take: 2/3 of the beacon interval (2 s by default). */
    public long beaconTimeoutMs() {
        return beaconIntervalMs * 2 / 3;
    }

    /**
     * Refuses timers that could let two primaries serve at once: a replica server must stop serving (its lease
     * expired) before the meta server declares it dead and hands its roles to others, which needs {@code grace > lease
     * > 2 × beacon} (DESIGN §10, {@code spec/ops-cluster.md} FD-3).
     *
     * @return this configuration, when it is safe
     * @throws IllegalArgumentException naming the three values when the order does not hold
     */
    public FailureDetectorConfig validate() {
        if (!(graceMs > leaseMs && leaseMs > 2 * beaconIntervalMs)) {
            throw new IllegalArgumentException(
                    "unsafe failure detector timers: need fd_grace_seconds > fd_lease_seconds"
                            + " > 2 x fd_beacon_interval_seconds, but grace = " + seconds(graceMs) + ", lease = "
                            + seconds(leaseMs) + ", beacon interval = " + seconds(beaconIntervalMs) + " (2 x beacon = "
                            + seconds(2 * beaconIntervalMs) + ")");
        }
        return this;
    }

    private static String seconds(long ms) {
        return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
    }

    private static void requirePositive(String key, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(key + " must be positive, got " + value + " ms");
        }
    }
}
