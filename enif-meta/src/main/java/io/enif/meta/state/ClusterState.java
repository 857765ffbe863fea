package io.enif.meta.state;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every table the meta server knows and its partition configurations: the part of the cluster state stored in
 * ZooKeeper ({@code spec/ops-recovery-and-architecture.md} §6.2).
 *
 * @param tables the tables by app id, in app id order
 */
public record ClusterState(Map<Integer, TableState> tables) {

    public ClusterState {
        tables = Collections.unmodifiableMap(new TreeMap<>(tables));
    }

    /** A cluster without tables. */
    public static ClusterState empty() {
        return new ClusterState(Map.of());
    }

    /** A cluster of the given tables. */
    public static ClusterState of(TableState... tables) {
        Map<Integer, TableState> byId = new TreeMap<>();
        for (TableState table : tables) {
            if (byId.put(table.appId(), table) != null) {
                throw new IllegalArgumentException("app id " + table.appId() + " given twice");
            }
        }
        return new ClusterState(byId);
    }

    /** The table with {@code appId}, if any. */
    public Optional<TableState> table(int appId) {
        return Optional.ofNullable(tables.get(appId));
    }

    /** The configuration of {@code gpid}, if the table and partition exist. */
    public Optional<PartitionConfig> partition(Gpid gpid) {
        TableState table = tables.get(gpid.appId());
        if (table == null
                || gpid.partitionIndex() < 0
                || gpid.partitionIndex() >= table.partitions().size()) {
            return Optional.empty();
        }
        return Optional.of(table.partition(gpid.partitionIndex()));
    }

    /** This state with one table added or replaced. */
    public ClusterState withTable(TableState table) {
        Map<Integer, TableState> updated = new TreeMap<>(tables);
        updated.put(table.appId(), table);
        return new ClusterState(updated);
    }

    /**
     * This state with one partition's configuration replaced.
     *
     * @throws IllegalArgumentException when the partition's table does not exist
     */
    public ClusterState withPartition(PartitionConfig pc) {
        TableState table = tables.get(pc.gpid().appId());
        if (table == null) {
            throw new IllegalArgumentException(
                    "no table with app id " + pc.gpid().appId());
        }
        return withTable(table.withPartition(pc));
    }

    /** Every table, in app id order. */
    public Collection<TableState> allTables() {
        return tables.values();
    }

    /** The configurations in which {@code node} is the primary or a secondary, in gpid order. */
    public List<PartitionConfig> partitionsOf(HostPort node) {
        List<PartitionConfig> result = new ArrayList<>();
        for (TableState table : tables.values()) {
            for (PartitionConfig pc : table.partitions()) {
                if (pc.isMember(node)) {
                    result.add(pc);
                }
            }
        }
        return result;
    }
}
