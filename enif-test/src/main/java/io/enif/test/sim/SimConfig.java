package io.enif.test.sim;

import io.enif.replication.BrokenRule;
import java.util.EnumSet;
import java.util.Set;

/**
 * The shape of one simulated run: cluster size, timers (DESIGN §10's test profile: beacon 1 s, lease 6 s, grace 8 s),
 * workload, fault rates, and (for the tests that prove the checkers work) the core rules to break.
 *
 * @param nodes replica servers
 * @param partitions partitions of the one table
 * @param replicaCount replicas per partition
 * @param clients concurrent clients, one operation at a time each
 * @param hashKeys distinct hash keys the clients use
 * @param durationMs simulated time with workload and faults
 * @param settleMs simulated time after healing every fault, for the cluster to converge
 * @param calmMs the first part of {@code settleMs} during which the clients keep working (writes after the faults
 *     must survive too, and every seed gets acknowledged operations even when its faults left no partition writable)
 * @param tickMs how often a replica server ticks its replicas
 * @param beaconMs failure-detector beacon interval
 * @param checkMs failure-detector check interval (both sides)
 * @param leaseMs the replica's lease
 * @param graceMs the meta server's grace
 * @param lbIntervalMs the meta server's cure interval
 * @param assignDelayMs {@code replica_assign_delay_ms_for_dropouts}
 * @param faultEveryMs mean time between injected faults (0: no faults)
 * @param maxClockSkew the largest clock-rate deviation from 1 (DESIGN §10: rates of two processes differ ≤ 10%)
 * @param brokenRules core rules broken on purpose (test only)
 */
public record SimConfig(
        int nodes,
        int partitions,
        int replicaCount,
        int clients,
        int hashKeys,
        long durationMs,
        long settleMs,
        long calmMs,
        long tickMs,
        long beaconMs,
        long checkMs,
        long leaseMs,
        long graceMs,
        long lbIntervalMs,
        long assignDelayMs,
        long faultEveryMs,
        double maxClockSkew,
        Set<BrokenRule> brokenRules) {

    public SimConfig {
        brokenRules = brokenRules.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(brokenRules));
        if (calmMs < 0 || calmMs >= settleMs) {
            throw new IllegalArgumentException("the calm workload must end before the settle time does");
        }
        if (graceMs <= leaseMs * (1 + maxClockSkew) / (1 - maxClockSkew) || leaseMs <= 2 * beaconMs) {
            throw new IllegalArgumentException("timers break grace > lease > 2 x beacon under the clock skew");
        }
    }

    /**
     * The pinned CI profile: 4 replica servers, 4 partitions × 3, 6 clients on 8 hash keys, 30 s of faults, then 20 s
     * to settle of which the clients work for the first 8 s.
     */
    public static SimConfig ci() {
        return new SimConfig(
                4, 4, 3, 6, 8, 30_000, 20_000, 8_000, 10, 1000, 1000, 6000, 8000, 2000, 10_000, 1500, 0.045, Set.of());
    }

    /** This profile with core rules broken on purpose. */
    public SimConfig breaking(Set<BrokenRule> rules) {
        return new SimConfig(
                nodes,
                partitions,
                replicaCount,
                clients,
                hashKeys,
                durationMs,
                settleMs,
                calmMs,
                tickMs,
                beaconMs,
                checkMs,
                leaseMs,
                graceMs,
                lbIntervalMs,
                assignDelayMs,
                faultEveryMs,
                maxClockSkew,
                rules);
    }

    /** The minimums every seed of the CI profile must reach. */
    public static SimProfile.Minimums ciMinimums() {
        return new SimProfile.Minimums(5, 1, 1, 10, 1);
    }
}
