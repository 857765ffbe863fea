package io.enif.replication;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A partition's membership as the meta server persists it (the core's view of Pegasus's {@code
 * partition_configuration}): the ballot, the primary (if any), the secondaries, the table's replica count and the
 * commit point recorded with the change. Learners are never part of it: the primary keeps them.
 *
 * <p>Every persisted change increments the ballot by exactly one.
 *
 * @param gpid the partition
 * @param ballot the configuration epoch; 0 for a partition that never had a member
 * @param primary the primary, or {@code null} when there is none
 * @param secondaries the secondaries, without the primary
 * @param maxReplicaCount the table's replica count (primary included)
 * @param lastCommittedDecree the commit point the requester reported with the change
 */
public record PartitionConfiguration(
        Gpid gpid,
        long ballot,
        HostPort primary,
        List<HostPort> secondaries,
        int maxReplicaCount,
        long lastCommittedDecree) {

    public PartitionConfiguration {
        Objects.requireNonNull(gpid, "gpid");
        secondaries = List.copyOf(secondaries);
        if (primary != null && secondaries.contains(primary)) {
            throw new IllegalArgumentException("primary " + primary + " is also listed as a secondary");
        }
        if (maxReplicaCount < 1) {
            throw new IllegalArgumentException("max replica count must be positive: " + maxReplicaCount);
        }
    }

    /** A partition nobody hosts yet (ballot 0). */
    public static PartitionConfiguration initial(Gpid gpid, int maxReplicaCount) {
        return new PartitionConfiguration(gpid, 0, null, List.of(), maxReplicaCount, 0);
    }

    /** The primary, if there is one. */
    public Optional<HostPort> primaryNode() {
        return Optional.ofNullable(primary);
    }

    /** Whether {@code node} is the primary or a secondary. */
    public boolean isMember(HostPort node) {
        return node.equals(primary) || secondaries.contains(node);
    }

    /** The primary (if any) followed by the secondaries. */
    public List<HostPort> members() {
        List<HostPort> all = new ArrayList<>(secondaries.size() + 1);
        if (primary != null) {
            all.add(primary);
        }
        all.addAll(secondaries);
        return all;
    }

    /** The role this configuration gives {@code node}: primary, secondary or (not a member) inactive. */
    public PartitionStatus statusOf(HostPort node) {
        if (node.equals(primary)) {
            return PartitionStatus.PRIMARY;
        }
        return secondaries.contains(node) ? PartitionStatus.SECONDARY : PartitionStatus.INACTIVE;
    }

    /** The next configuration: ballot + 1 with the given members and commit point. */
    public PartitionConfiguration next(HostPort newPrimary, List<HostPort> newSecondaries, long committed) {
        return new PartitionConfiguration(gpid, ballot + 1, newPrimary, newSecondaries, maxReplicaCount, committed);
    }
}
