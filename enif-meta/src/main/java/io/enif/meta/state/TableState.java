package io.enif.meta.state;

import io.enif.common.Gpid;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A table and the configuration of each of its partitions.
 *
 * @param info the table's metadata
 * @param partitions the partition configurations, indexed by partition index
 */
public record TableState(TableInfo info, List<PartitionConfig> partitions) {

    public TableState {
        Objects.requireNonNull(info, "info");
        partitions = List.copyOf(partitions);
        if (partitions.size() != info.partitionCount()) {
            throw new IllegalArgumentException("table " + info.appName() + " has " + info.partitionCount()
                    + " partitions but " + partitions.size() + " configurations");
        }
        for (int i = 0; i < partitions.size(); i++) {
            PartitionConfig pc = partitions.get(i);
            if (pc.gpid().appId() != info.appId() || pc.gpid().partitionIndex() != i) {
                throw new IllegalArgumentException(
                        "configuration " + pc.gpid() + " is not partition " + info.appId() + "." + i);
            }
        }
    }

    /** A new table whose partitions have no members yet. */
    public static TableState created(TableInfo info) {
        List<PartitionConfig> partitions = new ArrayList<>(info.partitionCount());
        for (int i = 0; i < info.partitionCount(); i++) {
            partitions.add(PartitionConfig.empty(new Gpid(info.appId(), i), info.maxReplicaCount()));
        }
        return new TableState(info, partitions);
    }

    public int appId() {
        return info.appId();
    }

    /** The configuration of partition {@code index}. */
    public PartitionConfig partition(int index) {
        return partitions.get(index);
    }

    /** This table with one partition's configuration replaced. */
    public TableState withPartition(PartitionConfig pc) {
        List<PartitionConfig> updated = new ArrayList<>(partitions);
        updated.set(pc.gpid().partitionIndex(), pc);
        return new TableState(info, updated);
    }
}
