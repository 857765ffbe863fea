package io.enif.meta.store;

import io.enif.common.Gpid;
import io.enif.meta.state.ClusterState;
import io.enif.meta.state.PartitionConfig;
import io.enif.meta.state.TableInfo;
import io.enif.meta.state.TableState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An in-memory {@link MetaStore} for unit tests (Pegasus's {@code meta_state_service_simple} plays the same part).
 *
 * <p>It keeps the encoded bytes, as ZooKeeper would, so every write and load goes through {@link MetaCodec}. Fencing
 * is by epoch only: {@link #bumpEpoch()} starts a new leadership term, after which writes fenced with an older epoch
 * fail. {@link #setUnavailable(boolean)} makes every call fail as an unreachable ZooKeeper would. Thread-safe.
 */
public final class MemMetaStore implements MetaStore {

    private final Map<Integer, byte[]> apps = new TreeMap<>();
    private final Map<Gpid, byte[]> partitions = new TreeMap<>();
    private long epoch;
    private long zxid;
    private boolean unavailable;
    private final List<StoreWrite> writes = new ArrayList<>();

    /** Starts a new leadership term and returns its epoch. */
    public synchronized long bumpEpoch() {
        return ++epoch;
    }

    /** The current epoch (0 before the first leader). */
    public synchronized long epoch() {
        return epoch;
    }

    /** Makes every call fail with {@code UNAVAILABLE} (or work again). */
    public synchronized void setUnavailable(boolean value) {
        unavailable = value;
    }

    /** Every successful write, in commit order. */
    public synchronized List<StoreWrite> writes() {
        return List.copyOf(writes);
    }

    /** Stores raw partition bytes, or removes the node with {@code null}: for tests of start-up repairs. */
    public synchronized void putRawPartition(Gpid gpid, PartitionConfig pc) {
        if (pc == null) {
            partitions.remove(gpid);
        } else {
            partitions.put(gpid, MetaCodec.encode(pc));
        }
    }

    /** Stores a raw table info: for tests of start-up repairs. */
    public synchronized void putRawTable(TableInfo info) {
        apps.put(info.appId(), MetaCodec.encode(info));
    }

    @Override
    public synchronized StoredCluster load() {
        checkAvailable();
        ClusterState state = ClusterState.empty();
        Set<Gpid> missing = new HashSet<>();
        for (Map.Entry<Integer, byte[]> app : apps.entrySet()) {
            TableInfo info = MetaCodec.decodeTable(app.getValue(), "/apps/" + app.getKey());
            List<PartitionConfig> pcs = new ArrayList<>();
            for (int i = 0; i < info.partitionCount(); i++) {
                Gpid gpid = new Gpid(info.appId(), i);
                byte[] bytes = partitions.get(gpid);
                if (bytes == null) {
                    missing.add(gpid);
                    pcs.add(PartitionConfig.empty(gpid, info.maxReplicaCount()));
                } else {
                    pcs.add(MetaCodec.decodePartition(bytes, "/apps/" + gpid.appId() + "/" + i));
                }
            }
            state = state.withTable(new TableState(info, pcs));
        }
        return new StoredCluster(state, missing);
    }

    @Override
    public synchronized StoreWrite write(LeaderFence fence, StoreBatch batch) {
        checkAvailable();
        if (fence.epoch() != epoch) {
            throw new MetaStoreException(
                    MetaStoreException.Kind.FENCED,
                    "fenced: " + fence + " is not the current epoch " + epoch + " (" + batch + ")");
        }
        for (TableState table : batch.createdTables()) {
            if (apps.containsKey(table.appId())) {
                throw new MetaStoreException(
                        MetaStoreException.Kind.CORRUPT, "app node " + table.appId() + " exists already");
            }
        }
        for (PartitionConfig pc : batch.createdPartitions()) {
            if (partitions.containsKey(pc.gpid())) {
                throw new MetaStoreException(
                        MetaStoreException.Kind.CORRUPT, "partition node " + pc.gpid() + " exists already");
            }
        }
        for (TableInfo info : batch.tableInfos()) {
            requireApp(info.appId());
        }
        for (PartitionConfig pc : batch.partitions()) {
            if (!partitions.containsKey(pc.gpid())) {
                throw new MetaStoreException(
                        MetaStoreException.Kind.CORRUPT, "partition node " + pc.gpid() + " does not exist");
            }
        }
        for (TableState table : batch.createdTables()) {
            apps.put(table.appId(), MetaCodec.encode(table.info()));
            table.partitions().forEach(pc -> partitions.put(pc.gpid(), MetaCodec.encode(pc)));
        }
        batch.tableInfos().forEach(info -> apps.put(info.appId(), MetaCodec.encode(info)));
        batch.createdPartitions().forEach(pc -> partitions.put(pc.gpid(), MetaCodec.encode(pc)));
        batch.partitions().forEach(pc -> partitions.put(pc.gpid(), MetaCodec.encode(pc)));
        StoreWrite write = new StoreWrite(fence.epoch(), ++zxid, batch.description());
        writes.add(write);
        return write;
    }

    private void requireApp(int appId) {
        if (!apps.containsKey(appId)) {
            throw new MetaStoreException(MetaStoreException.Kind.CORRUPT, "app node " + appId + " does not exist");
        }
    }

    private void checkAvailable() {
        if (unavailable) {
            throw new MetaStoreException(MetaStoreException.Kind.UNAVAILABLE, "the in-memory store is unavailable");
        }
    }
}
