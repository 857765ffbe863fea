package io.enif.meta.guardian;

import io.enif.common.HostPort;
import io.enif.meta.health.HealthConfig;
import java.util.Objects;
import java.util.Set;

/**
 * The guardian's tunables, with Pegasus's keys and defaults (DESIGN §10 for the assign delay).
 *
 * @param replicaAssignDelayMsForDropouts {@code [meta_server] replica_assign_delay_ms_for_dropouts} = 300 000: how
 *     long a partition short of a secondary waits for the dropped node to return before a new secondary is built
 *     elsewhere; runtime knob {@code meta.lb.assign_delay_ms}
 * @param assignSecondaryBlackList runtime knob {@code meta.lb.assign_secondary_black_list} = empty: nodes that never
 *     receive new secondaries
 * @param addSecondaryEnableFlowControl {@code [meta_server] add_secondary_enable_flow_control} = false
 * @param addSecondaryMaxCountForOneNode {@code [meta_server] add_secondary_max_count_for_one_node} = 10: with flow
 *     control, the most add-secondary proposals one node receives per cure pass (0 stops them all)
 * @param maxReservedDroppedReplicas {@code [meta_server] max_reserved_dropped_replicas} = 1: dropped candidates kept
 *     beyond the members, so members + candidates never exceed max_replica_count + this
 * @param health the write threshold ({@code [replication] mutation_2pc_min_replica_count} = 2), which also makes a
 *     missing secondary an emergency
 */
public record GuardianConfig(
        long replicaAssignDelayMsForDropouts,
        Set<HostPort> assignSecondaryBlackList,
        boolean addSecondaryEnableFlowControl,
        int addSecondaryMaxCountForOneNode,
        int maxReservedDroppedReplicas,
        HealthConfig health) {

    public GuardianConfig {
        if (replicaAssignDelayMsForDropouts < 0) {
            throw new IllegalArgumentException("replica_assign_delay_ms_for_dropouts must not be negative");
        }
        if (addSecondaryMaxCountForOneNode < 0) {
            throw new IllegalArgumentException("add_secondary_max_count_for_one_node must not be negative");
        }
        if (maxReservedDroppedReplicas < 0) {
            throw new IllegalArgumentException("max_reserved_dropped_replicas must not be negative");
        }
        assignSecondaryBlackList = Set.copyOf(assignSecondaryBlackList);
        Objects.requireNonNull(health, "health");
    }

    /** Pegasus's defaults, with the 300 000 ms assign delay of DESIGN §10. */
    public static GuardianConfig defaults() {
        return new GuardianConfig(300_000, Set.of(), false, 10, 1, HealthConfig.defaults());
    }

    /** These settings with another assign delay ({@code meta.lb.assign_delay_ms}). */
    public GuardianConfig withAssignDelayMs(long delayMs) {
        return new GuardianConfig(
                delayMs,
                assignSecondaryBlackList,
                addSecondaryEnableFlowControl,
                addSecondaryMaxCountForOneNode,
                maxReservedDroppedReplicas,
                health);
    }

    /** These settings with another black list ({@code meta.lb.assign_secondary_black_list}). */
    public GuardianConfig withBlackList(Set<HostPort> blackList) {
        return new GuardianConfig(
                replicaAssignDelayMsForDropouts,
                blackList,
                addSecondaryEnableFlowControl,
                addSecondaryMaxCountForOneNode,
                maxReservedDroppedReplicas,
                health);
    }

    /** These settings with add-secondary flow control on, capped at {@code maxPerNode} per node and pass. */
    public GuardianConfig withFlowControl(int maxPerNode) {
        return new GuardianConfig(
                replicaAssignDelayMsForDropouts,
                assignSecondaryBlackList,
                true,
                maxPerNode,
                maxReservedDroppedReplicas,
                health);
    }

    /** These settings with another health (write threshold) configuration. */
    public GuardianConfig withHealth(HealthConfig newHealth) {
        return new GuardianConfig(
                replicaAssignDelayMsForDropouts,
                assignSecondaryBlackList,
                addSecondaryEnableFlowControl,
                addSecondaryMaxCountForOneNode,
                maxReservedDroppedReplicas,
                newHealth);
    }
}
