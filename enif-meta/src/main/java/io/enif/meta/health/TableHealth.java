package io.enif.meta.health;

import io.enif.common.health.PartitionHealth;
import io.enif.meta.state.PartitionConfig;
import io.enif.meta.state.TableState;

/**
 * One table's health counters: the {@code ls -d} / {@code app -d} columns and the per-state counts the meta metrics
 * export ({@code healthy_partitions}, {@code writable_ill_partitions}, {@code unwritable_partitions}, {@code
 * unreadable_partitions}, {@code dead_partitions}).
 *
 * @param appId the table id
 * @param appName the table name
 * @param partitionCount the number of partitions
 * @param fullyHealthy partitions with a primary and at least max_replica_count members
 * @param writeUnhealthy partitions without a primary or with fewer members than the write threshold
 * @param readUnhealthy partitions without a primary
 * @param writableIll partitions that are writable but short of members
 * @param unwritable partitions with only a primary below the write threshold
 * @param unreadable partitions with secondaries but no primary
 * @param dead partitions with no members
 */
public record TableHealth(
        int appId,
        String appName,
        int partitionCount,
        int fullyHealthy,
        int writeUnhealthy,
        int readUnhealthy,
        int writableIll,
        int unwritable,
        int unreadable,
        int dead) {

    /** The counters of {@code table}. */
    public static TableHealth of(TableState table, HealthConfig config) {
        int[] byState = new int[PartitionHealth.values().length];
        int writeUnhealthy = 0;
        int readUnhealthy = 0;
        for (PartitionConfig pc : table.partitions()) {
            PartitionHealth health = config.healthOf(pc);
            byState[health.ordinal()]++;
            if (health.writeUnhealthy()) {
                writeUnhealthy++;
            }
            if (health.readUnhealthy()) {
                readUnhealthy++;
            }
        }
        return new TableHealth(
                table.appId(),
                table.info().appName(),
                table.partitions().size(),
                byState[PartitionHealth.HEALTHY.ordinal()],
                writeUnhealthy,
                readUnhealthy,
                byState[PartitionHealth.WRITABLE_ILL.ordinal()],
                byState[PartitionHealth.UNWRITABLE.ordinal()],
                byState[PartitionHealth.UNREADABLE.ordinal()],
                byState[PartitionHealth.DEAD.ordinal()]);
    }

    /** The {@code unhealthy} column: partitions that are not fully healthy. */
    public int unhealthy() {
        return partitionCount - fullyHealthy;
    }

    /** Whether every partition is fully healthy (the runbooks' gate). */
    public boolean isHealthy() {
        return unhealthy() == 0;
    }
}
