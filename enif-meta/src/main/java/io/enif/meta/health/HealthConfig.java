package io.enif.meta.health;

import io.enif.common.health.PartitionHealth;
import io.enif.meta.state.PartitionConfig;

/**
 * The setting health depends on.
 *
 * @param mutation2pcMinReplicaCount {@code [replication] mutation_2pc_min_replica_count} = 2: the fewest members
 *     (primary included) with which a partition accepts writes; 0 or less derives it from the table's replica count
 *     as Pegasus does (1 for up to 2 replicas, else a majority)
 */
public record HealthConfig(int mutation2pcMinReplicaCount) {

    /** Pegasus's default, 2. */
    public static HealthConfig defaults() {
        return new HealthConfig(2);
    }

    /** The write threshold of a partition whose wanted replica count is {@code maxReplicaCount}. */
    public int minReplicaCountFor(int maxReplicaCount) {
        if (mutation2pcMinReplicaCount > 0) {
            return mutation2pcMinReplicaCount;
        }
        return maxReplicaCount <= 2 ? 1 : maxReplicaCount / 2 + 1;
    }

    /** The health of {@code pc} under this write threshold. */
    public PartitionHealth healthOf(PartitionConfig pc) {
        return PartitionHealth.of(
                pc.hasPrimary(),
                pc.secondaries().size(),
                pc.maxReplicaCount(),
                minReplicaCountFor(pc.maxReplicaCount()));
    }
}
