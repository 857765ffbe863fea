package io.enif.meta.state;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One partition's membership as the meta server owns it, Pegasus's {@code partition_configuration} ({@code
 * spec/ops-recovery-and-architecture.md} §6.2, §6.3).
 *
 * <p>Invariants: the secondaries are distinct and never include the primary; {@code lastDrops} holds at most {@link
 * #MAX_LAST_DROPS} nodes, oldest first, none of them a member.
 *
 * @param gpid the partition
 * @param ballot the configuration version; -1 for a split child not registered yet
 * @param maxReplicaCount the wanted number of replicas (primary included)
 * @param primary the primary, or null when there is none
 * @param secondaries the secondaries, in the order they were added
 * @param lastDrops the most recently removed members, oldest first
 * @param lastCommittedDecree the last committed decree the meta server knows of
 * @param partitionFlags bit flags; {@link #FLAG_DROPPED} marks a partition of a dropped table
 */
public record PartitionConfig(
        Gpid gpid,
        long ballot,
        int maxReplicaCount,
        HostPort primary,
        List<HostPort> secondaries,
        List<HostPort> lastDrops,
        long lastCommittedDecree,
        int partitionFlags) {

    /** The flag of a partition whose table was dropped. */
    public static final int FLAG_DROPPED = 1;

    /** How many recent drops {@code last_drops} keeps. */
    public static final int MAX_LAST_DROPS = 3;

    /** The ballot of a split child that is not registered yet. */
    public static final long INVALID_BALLOT = -1;

    public PartitionConfig {
        Objects.requireNonNull(gpid, "gpid");
        secondaries = List.copyOf(secondaries);
        lastDrops = List.copyOf(lastDrops);
        Set<HostPort> seen = new HashSet<>();
        if (primary != null) {
            seen.add(primary);
        }
        for (HostPort secondary : secondaries) {
            if (!seen.add(secondary)) {
                throw new IllegalArgumentException(gpid + ": " + secondary + " is listed twice among the members");
            }
        }
        if (lastDrops.size() > MAX_LAST_DROPS) {
            throw new IllegalArgumentException(gpid + ": last_drops holds more than " + MAX_LAST_DROPS + " nodes");
        }
    }

    /** The configuration of a brand-new partition: ballot 0, no members, committed decree 0 (§6.3). */
    public static PartitionConfig empty(Gpid gpid, int maxReplicaCount) {
        return new PartitionConfig(gpid, 0, maxReplicaCount, null, List.of(), List.of(), 0, 0);
    }

    /** The primary, if there is one. */
    public Optional<HostPort> primaryNode() {
        return Optional.ofNullable(primary);
    }

    public boolean hasPrimary() {
        return primary != null;
    }

    public boolean isPrimary(HostPort node) {
        return primary != null && primary.equals(node);
    }

    public boolean isSecondary(HostPort node) {
        return secondaries.contains(node);
    }

    public boolean isMember(HostPort node) {
        return isPrimary(node) || isSecondary(node);
    }

    /** The number of members, primary included (Pegasus's {@code replica_count}). */
    public int memberCount() {
        return (primary == null ? 0 : 1) + secondaries.size();
    }

    /** The members: the primary first when there is one, then the secondaries. */
    public List<HostPort> members() {
        List<HostPort> members = new ArrayList<>(memberCount());
        if (primary != null) {
            members.add(primary);
        }
        members.addAll(secondaries);
        return List.copyOf(members);
    }

    /** Whether the partition belongs to a dropped table. */
    public boolean isDropped() {
        return (partitionFlags & FLAG_DROPPED) != 0;
    }

    /** Whether this is a split child not registered yet. */
    public boolean isUnregisteredChild() {
        return ballot == INVALID_BALLOT;
    }

    /** This configuration with another last committed decree. */
    public PartitionConfig withLastCommittedDecree(long decree) {
        return new PartitionConfig(
                gpid, ballot, maxReplicaCount, primary, secondaries, lastDrops, decree, partitionFlags);
    }

    /** This configuration with another max replica count. */
    public PartitionConfig withMaxReplicaCount(int count) {
        return new PartitionConfig(
                gpid, ballot, count, primary, secondaries, lastDrops, lastCommittedDecree, partitionFlags);
    }

    @Override
    public String toString() {
        return gpid + "{ballot=" + ballot + ", primary=" + (primary == null ? "-" : primary) + ", secondaries="
                + secondaries + ", last_drops=" + lastDrops + ", lcd=" + lastCommittedDecree + "}";
    }
}
