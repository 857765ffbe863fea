package io.enif.meta.server;

import io.enif.common.HostPort;
import io.enif.meta.state.PartitionConfig;
import io.enif.meta.state.TableState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How evenly primaries and replicas are spread over the alive replica servers: the population standard deviations
 * {@code cluster_info} prints as {@code primary_replica_count_stddev} and {@code total_replica_count_stddev}.
 *
 * @param primaryStddev of the primary counts per alive node
 * @param totalStddev of the replica counts per alive node
 */
record ReplicaCounts(double primaryStddev, double totalStddev) {

    static ReplicaCounts of(LeaderState state) {
        List<HostPort> alive = state.fd.aliveNodes();
        Map<HostPort, Integer> primaries = new HashMap<>();
        Map<HostPort, Integer> totals = new HashMap<>();
        alive.forEach(node -> {
            primaries.put(node, 0);
            totals.put(node, 0);
        });
        for (TableState table : state.cluster.allTables()) {
            for (PartitionConfig pc : table.partitions()) {
                if (pc.hasPrimary()) {
                    primaries.computeIfPresent(pc.primary(), (n, c) -> c + 1);
                }
                pc.members().forEach(node -> totals.computeIfPresent(node, (n, c) -> c + 1));
            }
        }
        return new ReplicaCounts(stddev(primaries), stddev(totals));
    }

    private static double stddev(Map<HostPort, Integer> counts) {
        if (counts.isEmpty()) {
            return 0;
        }
        double mean =
                counts.values().stream().mapToInt(Integer::intValue).average().orElse(0);
        double variance = counts.values().stream()
                .mapToDouble(c -> (c - mean) * (c - mean))
                .average()
                .orElse(0);
        return Math.sqrt(variance);
    }
}
