package io.enif.replication;

/**
 * The replica core's tunables, with Pegasus's defaults and {@code [replication]} key names. The replica server
 * builds this from its typed configuration keys; the core never reads configuration itself.
 *
 * <p>All durations are in milliseconds of the driver's monotonic clock, as delivered by {@link
 * io.enif.replication.event.Event.Tick}; a timer fires on the first tick at or after its deadline, so timer
 * resolution is the driver's tick interval.
 *
 * @param maxMutationCountInPrepareList {@code max_mutation_count_in_prepare_list}: the prepare list's window
 * @param stalenessForCommit {@code staleness_for_commit}: how far a new decree may run ahead of the commit point
 * @param mutation2pcMinReplicaCount {@code mutation_2pc_min_replica_count}: members (primary included) a write needs;
 *     0 or less derives it from the table's replica count (1 if it is at most 2, else half of it plus 1)
 * @param maxAllowedWriteSize {@code max_allowed_write_size}: largest client write body in bytes
 * @param prepareTimeoutMsForSecondaries {@code prepare_timeout_ms_for_secondaries}
 * @param prepareTimeoutMsForPotentialSecondaries {@code prepare_timeout_ms_for_potential_secondaries}
 * @param prepareRetryDelayMs delay before re-sending a prepare answered with {@code ERR_INACTIVE_STATE} or {@code
 *     ERR_TRY_AGAIN} (Pegasus hard-codes 5 ms)
 * @param groupCheckIntervalMs {@code group_check_interval_ms}
 * @param groupCheckDisabled {@code group_check_disabled}
 * @param emptyWriteDisabled {@code empty_write_disabled}
 * @param configUpdateRetryMs delay before re-sending a configuration update the meta server did not answer
 * @param learnRetryMs delay before a learner asks again after {@code ERR_INCONSISTENT_STATE} or a lost request
 */
public record ReplicaOptions(
        int maxMutationCountInPrepareList,
        int stalenessForCommit,
        int mutation2pcMinReplicaCount,
        int maxAllowedWriteSize,
        long prepareTimeoutMsForSecondaries,
        long prepareTimeoutMsForPotentialSecondaries,
        long prepareRetryDelayMs,
        long groupCheckIntervalMs,
        boolean groupCheckDisabled,
        boolean emptyWriteDisabled,
        long configUpdateRetryMs,
        long learnRetryMs) {

    public ReplicaOptions {
        if (maxMutationCountInPrepareList < 1) {
            throw new IllegalArgumentException("max_mutation_count_in_prepare_list must be positive");
        }
        if (stalenessForCommit < 1 || stalenessForCommit >= maxMutationCountInPrepareList) {
            throw new IllegalArgumentException(
                    "staleness_for_commit must be in [1, max_mutation_count_in_prepare_list)");
        }
        if (maxAllowedWriteSize < 1) {
            throw new IllegalArgumentException("max_allowed_write_size must be positive");
        }
        if (prepareTimeoutMsForSecondaries < 1
                || prepareTimeoutMsForPotentialSecondaries < 1
                || groupCheckIntervalMs < 1
                || configUpdateRetryMs < 1
                || learnRetryMs < 1
                || prepareRetryDelayMs < 0) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    /** Pegasus's defaults. */
    public static ReplicaOptions defaults() {
        return new ReplicaOptions(110, 20, 2, 1 << 20, 3000, 5000, 5, 100_000, false, false, 1000, 1000);
    }

    /** The members (primary included) a write needs for a table of {@code maxReplicaCount} replicas. */
    public int minReplicaCount(int maxReplicaCount) {
        if (mutation2pcMinReplicaCount > 0) {
            return mutation2pcMinReplicaCount;
        }
        return maxReplicaCount <= 2 ? 1 : maxReplicaCount / 2 + 1;
    }

    /** A copy with another {@code mutation_2pc_min_replica_count}. */
    public ReplicaOptions withMinReplicaCount(int count) {
        return new ReplicaOptions(
                maxMutationCountInPrepareList,
                stalenessForCommit,
                count,
                maxAllowedWriteSize,
                prepareTimeoutMsForSecondaries,
                prepareTimeoutMsForPotentialSecondaries,
                prepareRetryDelayMs,
                groupCheckIntervalMs,
                groupCheckDisabled,
                emptyWriteDisabled,
                configUpdateRetryMs,
                learnRetryMs);
    }

    /** A copy with another {@code group_check_interval_ms} and {@code empty_write_disabled}. */
    public ReplicaOptions withGroupCheck(long intervalMs, boolean emptyWritesDisabled) {
        return new ReplicaOptions(
                maxMutationCountInPrepareList,
                stalenessForCommit,
                mutation2pcMinReplicaCount,
                maxAllowedWriteSize,
                prepareTimeoutMsForSecondaries,
                prepareTimeoutMsForPotentialSecondaries,
                prepareRetryDelayMs,
                intervalMs,
                groupCheckDisabled,
                emptyWritesDisabled,
                configUpdateRetryMs,
                learnRetryMs);
    }
}
