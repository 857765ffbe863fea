package io.enif.meta.guardian;

import io.enif.common.HostPort;
import io.enif.meta.state.ClusterState;
import io.enif.meta.state.ConfigProposal;
import io.enif.meta.state.PartitionConfig;
import io.enif.meta.state.TableState;
import java.util.HashMap;
import java.util.Map;

/**
 * How loaded each node is during one cure pass: its current roles (from the partition configurations) plus the roles
 * proposed to it and not carried out yet. Ties are broken the way Pegasus's {@code newly_partitions} does.
 */
final class NodeLoad {

    private final Map<HostPort, Map<Integer, Integer>> primaries = new HashMap<>();
    private final Map<HostPort, Map<Integer, Integer>> partitions = new HashMap<>();
    private NewlyAssigned newly;

    NodeLoad(ClusterState state, NewlyAssigned newly) {
        this.newly = newly;
        for (TableState table : state.allTables()) {
            for (PartitionConfig pc : table.partitions()) {
                if (pc.hasPrimary()) {
                    increment(primaries, pc.primary(), table.appId());
                }
                for (HostPort member : pc.members()) {
                    increment(partitions, member, table.appId());
                }
            }
        }
    }

    NewlyAssigned newly() {
        return newly;
    }

    /** Primaries of {@code appId} on {@code node}, proposed ones included. */
    int primaryCount(HostPort node, int appId) {
        return count(primaries, node, appId) + newly.of(node).primaries(appId);
    }

    /** Replicas of {@code appId} on {@code node}, proposed ones included. */
    int partitionCount(HostPort node, int appId) {
        return count(partitions, node, appId) + newly.of(node).partitions(appId);
    }

    int totalPrimaries(HostPort node) {
        return total(primaries, node) + newly.of(node).totalPrimaries();
    }

    int totalPartitions(HostPort node) {
        return total(partitions, node) + newly.of(node).totalPartitions();
    }

    /** Replicas of all tables on {@code node} by the current configurations only. */
    int currentTotalPartitions(HostPort node) {
        return total(partitions, node);
    }

    /** Fewer primaries of the app, then fewer replicas of the app, then fewer primaries, then fewer replicas. */
    boolean lessPrimaries(HostPort a, HostPort b, int appId) {
        int[] left = {primaryCount(a, appId), partitionCount(a, appId), totalPrimaries(a), totalPartitions(a)};
        int[] right = {primaryCount(b, appId), partitionCount(b, appId), totalPrimaries(b), totalPartitions(b)};
        return lexicographicallyLess(left, right);
    }

    /** Fewer replicas of the app, then fewer replicas overall. */
    boolean lessPartitions(HostPort a, HostPort b, int appId) {
        int[] left = {partitionCount(a, appId), totalPartitions(a)};
        int[] right = {partitionCount(b, appId), totalPartitions(b)};
        return lexicographicallyLess(left, right);
    }

    void proposePrimary(HostPort node, int appId, boolean onlyPrimary) {
        newly = newly.withPrimary(node, appId, onlyPrimary, 1);
    }

    void proposePartition(HostPort node, int appId) {
        newly = newly.withPartition(node, appId, 1);
    }

    void finish(ConfigProposal proposal) {
        newly = GuardianBookkeeping.finished(newly, proposal);
    }

    private static boolean lexicographicallyLess(int[] left, int[] right) {
        for (int i = 0; i < left.length; i++) {
            if (left[i] != right[i]) {
                return left[i] < right[i];
            }
        }
        return false;
    }

    private static void increment(Map<HostPort, Map<Integer, Integer>> map, HostPort node, int appId) {
        map.computeIfAbsent(node, n -> new HashMap<>()).merge(appId, 1, Integer::sum);
    }

    private static int count(Map<HostPort, Map<Integer, Integer>> map, HostPort node, int appId) {
        return map.getOrDefault(node, Map.of()).getOrDefault(appId, 0);
    }

    private static int total(Map<HostPort, Map<Integer, Integer>> map, HostPort node) {
        return map.getOrDefault(node, Map.of()).values().stream()
                .mapToInt(Integer::intValue)
                .sum();
    }
}
