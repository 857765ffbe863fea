package io.enif.meta.store;

import io.enif.meta.state.PartitionConfig;
import io.enif.meta.state.TableInfo;
import io.enif.meta.state.TableState;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One atomic metadata write: tables to create (app node and every partition node), table infos to rewrite, partition
 * nodes to create (repairs of missing ones) and partition configurations to rewrite.
 *
 * @param createdTables tables whose nodes must not exist yet
 * @param tableInfos app nodes to rewrite
 * @param createdPartitions partition nodes that must not exist yet
 * @param partitions partition nodes to rewrite
 * @param description what the write does, for logs
 */
public record StoreBatch(
        List<TableState> createdTables,
        List<TableInfo> tableInfos,
        List<PartitionConfig> createdPartitions,
        List<PartitionConfig> partitions,
        String description) {

    public StoreBatch {
        createdTables = List.copyOf(createdTables);
        tableInfos = List.copyOf(tableInfos);
        createdPartitions = List.copyOf(createdPartitions);
        partitions = List.copyOf(partitions);
        Objects.requireNonNull(description, "description");
        if (createdTables.isEmpty() && tableInfos.isEmpty() && createdPartitions.isEmpty() && partitions.isEmpty()) {
            throw new IllegalArgumentException("empty metadata write: " + description);
        }
    }

    /** Creates {@code table}: its app node and all its partition nodes. */
    public static StoreBatch createTable(TableState table) {
        return new StoreBatch(
                List.of(table),
                List.of(),
                List.of(),
                List.of(),
                "create table " + table.info().appName());
    }

    /** Rewrites one table's info. */
    public static StoreBatch tableInfo(TableInfo info, String description) {
        return new StoreBatch(List.of(), List.of(info), List.of(), List.of(), description);
    }

    /** Rewrites a table's info together with some of its partitions (drop, recall). */
    public static StoreBatch table(TableInfo info, List<PartitionConfig> partitions, String description) {
        return new StoreBatch(List.of(), List.of(info), List.of(), partitions, description);
    }

    /** Rewrites partition configurations. */
    public static StoreBatch partitions(List<PartitionConfig> partitions, String description) {
        return new StoreBatch(List.of(), List.of(), List.of(), partitions, description);
    }

    /** Rewrites one partition configuration. */
    public static StoreBatch partition(PartitionConfig pc, String description) {
        return partitions(List.of(pc), description);
    }

    /** Every partition configuration this batch writes (created or rewritten, including created tables'). */
    public List<PartitionConfig> allPartitions() {
        List<PartitionConfig> all = new ArrayList<>();
        createdTables.forEach(t -> all.addAll(t.partitions()));
        all.addAll(createdPartitions);
        all.addAll(partitions);
        return all;
    }

    @Override
    public String toString() {
        return description;
    }
}
