package io.enif.meta.guardian;

import io.enif.common.HostPort;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Roles the guardian proposed to each node and that are not carried out yet (Pegasus's {@code newly_partitions}).
 * Counted on top of the current membership when choosing the least-loaded node, so that one pass spreads new primaries
 * and secondaries instead of piling them onto the same node.
 *
 * @param counts per node, its in-flight counts
 */
public record NewlyAssigned(Map<HostPort, Counts> counts) {

    /** Nothing in flight. */
    public static final NewlyAssigned NONE = new NewlyAssigned(Map.of());

    public NewlyAssigned {
        counts = Collections.unmodifiableMap(new HashMap<>(counts));
    }

    /**
     * One node's in-flight roles.
     *
     * @param primaries per app id, primaries proposed to it
     * @param partitions per app id, replicas (of any role) proposed to it
     */
    public record Counts(Map<Integer, Integer> primaries, Map<Integer, Integer> partitions) {
        static final Counts ZERO = new Counts(Map.of(), Map.of());

        public Counts {
            primaries = Map.copyOf(primaries);
            partitions = Map.copyOf(partitions);
        }

        public int primaries(int appId) {
            return primaries.getOrDefault(appId, 0);
        }

        public int partitions(int appId) {
            return partitions.getOrDefault(appId, 0);
        }

        public int totalPrimaries() {
            return primaries.values().stream().mapToInt(Integer::intValue).sum();
        }

        public int totalPartitions() {
            return partitions.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** The in-flight counts of {@code node}. */
    public Counts of(HostPort node) {
        return counts.getOrDefault(node, Counts.ZERO);
    }

    /** These counts changed by {@code delta} for a primary (and, unless {@code onlyPrimary}, a replica) of the app. */
    public NewlyAssigned withPrimary(HostPort node, int appId, boolean onlyPrimary, int delta) {
        Counts current = of(node);
        Map<Integer, Integer> partitions = current.partitions();
        if (!onlyPrimary) {
            partitions = adjust(partitions, appId, delta);
        }
        return with(node, new Counts(adjust(current.primaries(), appId, delta), partitions));
    }

    /** These counts changed by {@code delta} for a replica of the app. */
    public NewlyAssigned withPartition(HostPort node, int appId, int delta) {
        Counts current = of(node);
        return with(node, new Counts(current.primaries(), adjust(current.partitions(), appId, delta)));
    }

    private NewlyAssigned with(HostPort node, Counts updated) {
        Map<HostPort, Counts> map = new HashMap<>(counts);
        if (updated.primaries().isEmpty() && updated.partitions().isEmpty()) {
            map.remove(node);
        } else {
            map.put(node, updated);
        }
        return new NewlyAssigned(map);
    }

    private static Map<Integer, Integer> adjust(Map<Integer, Integer> map, int appId, int delta) {
        Map<Integer, Integer> updated = new HashMap<>(map);
        int value = Math.max(0, updated.getOrDefault(appId, 0) + delta);
        if (value == 0) {
            updated.remove(appId);
        } else {
            updated.put(appId, value);
        }
        return updated;
    }
}
