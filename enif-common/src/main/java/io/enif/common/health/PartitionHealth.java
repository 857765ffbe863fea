package io.enif.common.health;

/**
 * The health of one partition ({@code spec/ops-cluster.md} §0.3), from its configuration: P = has a primary, S = its
 * secondaries, R = its max replica count, M = the write threshold ({@code mutation_2pc_min_replica_count}).
 *
 * <pre>
 * HEALTHY       P and P+S >= R           readable, writable ("fully healthy")
 * WRITABLE_ILL  P and M <= P+S < R       readable, writable
 * UNWRITABLE    P and P+S < M            readable only
 * UNREADABLE    no P, S >= 1             neither
 * DEAD          no P, no S ("DDD")       neither
 * </pre>
 *
 * A split child that is not registered yet has no members, so it counts as DEAD. The meta server and the shell
 * ({@code ls -d}, {@code app -d}) both classify with this one rule.
 */
public enum PartitionHealth {
    DEAD,
    UNREADABLE,
    UNWRITABLE,
    WRITABLE_ILL,
    HEALTHY;

    /**
     * The health of a partition.
     *
     * @param hasPrimary whether it has a primary
     * @param secondaries how many secondaries it has
     * @param maxReplicaCount its replica count R
     * @param minWriteMembers the write threshold M ({@code mutation_2pc_min_replica_count}, already derived)
     */
    public static PartitionHealth of(boolean hasPrimary, int secondaries, int maxReplicaCount, int minWriteMembers) {
        if (!hasPrimary) {
            return secondaries == 0 ? DEAD : UNREADABLE;
        }
        int members = 1 + secondaries;
        if (members < minWriteMembers) {
            return UNWRITABLE;
        }
        return members < maxReplicaCount ? WRITABLE_ILL : HEALTHY;
    }

    /** Whether clients can read: there is a primary. */
    public boolean readable() {
        return this == UNWRITABLE || this == WRITABLE_ILL || this == HEALTHY;
    }

    /** Whether clients can write: there is a primary and enough members. */
    public boolean writable() {
        return this == WRITABLE_ILL || this == HEALTHY;
    }

    /** Whether the shell counts it {@code fully_healthy}. */
    public boolean fullyHealthy() {
        return this == HEALTHY;
    }

    /** Whether the shell counts it {@code write_unhealthy}: no primary, or fewer members than the threshold. */
    public boolean writeUnhealthy() {
        return !writable();
    }

    /** Whether the shell counts it {@code read_unhealthy}: no primary. */
    public boolean readUnhealthy() {
        return !readable();
    }
}
