package io.enif.test.chaos;

import java.util.Objects;

/**
 * The settings of one chaos run.
 *
 * @param seed the seed of the fault plan and of the clients' choices
 * @param durationMs how long faults are injected (the last fault starts before it ends; heals may come later)
 * @param threads client threads, each running one operation at a time
 * @param hashKeys hash keys the clients share in each key epoch
 * @param keyEpochMs how long the clients use one set of hash keys before moving to fresh ones
 * @param opTimeoutMs each client call's deadline
 * @param table the table the workload uses (the onebox's {@code temp})
 * @param replicaCount the table's replicas per partition ("fully healthy" means this many)
 * @param healTimeoutMs how long the table may take to become fully healthy after the faults are healed
 * @param minFaults the run fails with fewer faults injected
 * @param minThroughput the run fails below this many acknowledged operations per second of workload
 * @param minOpsPerType the run fails when fewer operations of some type were acknowledged
 * @param timing the fault plan's time constants
 */
public record ChaosConfig(
        long seed,
        long durationMs,
        int threads,
        int hashKeys,
        long keyEpochMs,
        int opTimeoutMs,
        String table,
        int replicaCount,
        long healTimeoutMs,
        int minFaults,
        double minThroughput,
        long minOpsPerType,
        FaultTiming timing) {

    public ChaosConfig {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(timing, "timing");
        if (durationMs <= 0 || threads < 1 || hashKeys < 1 || keyEpochMs <= 0 || opTimeoutMs <= 0) {
            throw new IllegalArgumentException("duration, threads, hash keys, key epoch and timeout must be positive");
        }
    }

    /** The defaults for a onebox with test-profile timers: 6 clients, 8 hash keys per 10-s epoch, 5-s calls. */
    public static ChaosConfig defaults(long seed, long durationMs) {
        return new ChaosConfig(
                seed, durationMs, 6, 8, 10_000, 5_000, "temp", 3, 120_000, 10, 100, 20, FaultTiming.testProfile());
    }
}
