package io.enif.shell;

import io.enif.common.health.PartitionHealth;
import io.enif.shell.ShellBackend.AppConfig;
import io.enif.shell.ShellBackend.PartitionInfo;

/**
 * A table's partition health from its query_cfg, as {@code ls -d} and {@code app -d} print it: fully healthy = a
 * primary and all {@code max_replica_count} members; write unhealthy = no primary or fewer than
 * {@code mutation_2pc_min_replica_count} (2, or the replica count when smaller) members; read unhealthy = no primary.
 */
record Health(int partitionCount, int fullyHealthy, int unhealthy, int writeUnhealthy, int readUnhealthy) {
    /** Pegasus's {@code mutation_2pc_min_replica_count}. */
    static final int MIN_WRITE_MEMBERS = 2;

    static Health of(AppConfig config) {
        int fully = 0;
        int write = 0;
        int read = 0;
        for (PartitionInfo p : config.partitions()) {
            // As Pegasus's shell counts: a partition with all its replicas is fully healthy even when the table has
            // fewer replicas than the write threshold (a 1-replica table).
            int threshold = Math.min(MIN_WRITE_MEMBERS, Math.max(1, p.maxReplicaCount()));
            PartitionHealth health =
                    PartitionHealth.of(p.primary() != null, p.secondaries().size(), p.maxReplicaCount(), threshold);
            fully += health.fullyHealthy() ? 1 : 0;
            write += health.writeUnhealthy() ? 1 : 0;
            read += health.readUnhealthy() ? 1 : 0;
        }
        int total = config.partitions().size();
        return new Health(total, fully, total - fully, write, read);
    }

    /** Whether every partition is fully healthy. */
    boolean isFullyHealthy() {
        return partitionCount > 0 && unhealthy == 0;
    }
}
