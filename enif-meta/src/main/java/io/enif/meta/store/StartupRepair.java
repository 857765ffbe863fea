package io.enif.meta.store;

import io.enif.common.Gpid;
import io.enif.common.HostPort;
import io.enif.meta.state.AppStatus;
import io.enif.meta.state.ClusterState;
import io.enif.meta.state.ConfigType;
import io.enif.meta.state.PartitionConfig;
import io.enif.meta.state.PartitionConfigChanges;
import io.enif.meta.state.TableState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a new leader fixes in the loaded state before it acts ({@code spec/ops-recovery-and-architecture.md} §6.2,
 * "sync from remote"), as a pure function:
 *
 * <ul>
 *   <li>a partition flagged dropped under an available table finishes an interrupted recall (ballot + 1, flag
 *       cleared);
 *   <li>an unflagged partition under a dropped table finishes an interrupted drop ({@code CT_DROP_PARTITION});
 *   <li>a missing partition node ("half created before") is created again, empty (or dropped, under a dropped
 *       table).
 * </ul>
 *
 * Only {@code AS_AVAILABLE} and {@code AS_DROPPED} are ever persisted; any other stored status is a fatal
 * inconsistency.
 */
public final class StartupRepair {

    /**
     * The repaired state and the write that persists the repairs.
     *
     * @param state the state to act on
     * @param batch the repairs to persist before acting, if any
     */
    public record Plan(ClusterState state, Optional<StoreBatch> batch) {}

    private StartupRepair() {}

    /**
     * Plans the repairs of {@code loaded}.
     *
     * @throws MetaStoreException {@code CORRUPT} when a stored table has a status other than available or dropped
     */
    public static Plan plan(StoredCluster loaded) {
        ClusterState state = loaded.state();
        List<PartitionConfig> rewritten = new ArrayList<>();
        List<PartitionConfig> created = new ArrayList<>();
        for (TableState table : loaded.state().allTables()) {
            AppStatus status = table.info().status();
            if (status != AppStatus.AS_AVAILABLE && status != AppStatus.AS_DROPPED) {
                throw new MetaStoreException(
                        MetaStoreException.Kind.CORRUPT,
                        "table " + table.info().appName() + " (" + table.appId() + ") is stored with status " + status
                                + "; only AS_AVAILABLE and AS_DROPPED are ever persisted");
            }
            for (PartitionConfig pc : table.partitions()) {
                boolean missing = loaded.missingPartitions().contains(pc.gpid());
                PartitionConfig fixed = repaired(pc, status, missing);
                if (missing) {
                    created.add(fixed);
                } else if (!fixed.equals(pc)) {
                    rewritten.add(fixed);
                }
                if (!fixed.equals(pc)) {
                    state = state.withPartition(fixed);
                }
            }
        }
        if (rewritten.isEmpty() && created.isEmpty()) {
            return new Plan(state, Optional.empty());
        }
        StoreBatch batch = new StoreBatch(
                List.of(),
                List.of(),
                created,
                rewritten,
                "start-up repair: " + created.size() + " partition nodes re-created, " + rewritten.size()
                        + " interrupted drops or recalls finished");
        return new Plan(state, Optional.of(batch));
    }

    private static PartitionConfig repaired(PartitionConfig pc, AppStatus status, boolean missing) {
        if (status == AppStatus.AS_AVAILABLE) {
            return pc.isDropped() && !missing ? PartitionConfigChanges.recall(pc) : pc;
        }
        if (pc.isDropped()) {
            return pc;
        }
        Gpid gpid = pc.gpid();
        HostPort anyNode = pc.members().isEmpty()
                ? new HostPort("0.0.0.0", 0)
                : pc.members().get(0);
        PartitionConfig dropped = PartitionConfigChanges.apply(pc, ConfigType.DROP_PARTITION, anyNode);
        return missing
                ? new PartitionConfig(
                        gpid, 0, pc.maxReplicaCount(), null, List.of(), List.of(), 0, dropped.partitionFlags())
                : dropped;
    }
}
