package io.enif.meta.store;

import io.enif.common.Gpid;
import io.enif.meta.state.ClusterState;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a {@link MetaStore#load()} found.
 *
 * @param state every table (dropped ones included) with its partitions; a partition whose node is missing appears as
 *     a brand-new empty configuration
 * @param missingPartitions the partitions whose nodes are missing ("half created before"), to be created again
 */
public record StoredCluster(ClusterState state, Set<Gpid> missingPartitions) {

    public StoredCluster {
        Objects.requireNonNull(state, "state");
        missingPartitions = Collections.unmodifiableSet(new TreeSet<>(missingPartitions));
    }

    /** A load that found nothing missing. */
    public static StoredCluster of(ClusterState state) {
        return new StoredCluster(state, Set.of());
    }
}
