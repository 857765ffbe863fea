package io.enif.meta.guardian;

import io.enif.common.Gpid;
import io.enif.meta.state.ConfigProposal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The outcome of a cure pass.
 *
 * @param proposals what to send now, in order: every non-add-secondary proposal in partition order, then the
 *     add-secondary proposals that flow control let through (partitions without any secondary first)
 * @param deferredByFlowControl add-secondary proposals held back by flow control; they stay queued and are offered
 *     again next pass
 * @param dddPartitions dead partitions waiting for an operator ({@code ddd_diagnose}), in partition order
 * @param statuses each looked-at partition's status
 * @param bookkeeping the guardian's memory after the pass, to pass to the next call
 */
public record CureResult(
        List<ConfigProposal> proposals,
        List<ConfigProposal> deferredByFlowControl,
        List<DddPartition> dddPartitions,
        Map<Gpid, CureStatus> statuses,
        GuardianBookkeeping bookkeeping) {

    public CureResult {
        proposals = List.copyOf(proposals);
        deferredByFlowControl = List.copyOf(deferredByFlowControl);
        dddPartitions = List.copyOf(dddPartitions);
        statuses = Collections.unmodifiableMap(new TreeMap<>(statuses));
        Objects.requireNonNull(bookkeeping, "bookkeeping");
    }

    /** The status given to {@code gpid}, or {@link CureStatus#SKIPPED} when the pass did not look at it. */
    public CureStatus status(Gpid gpid) {
        return statuses.getOrDefault(gpid, CureStatus.SKIPPED);
    }

    /** How many partitions were healthy. */
    public int healthyPartitions() {
        return (int)
                statuses.values().stream().filter(s -> s == CureStatus.HEALTHY).count();
    }

    /** Whether every partition looked at was healthy: a precondition of balancing ({@code spec/ops-tables.md} §3.4.1). */
    public boolean allHealthy() {
        return healthyPartitions() == statuses.size();
    }
}
