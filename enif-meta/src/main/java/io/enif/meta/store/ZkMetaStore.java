package io.enif.meta.store;

import io.enif.common.Gpid;
import io.enif.meta.state.ClusterState;
import io.enif.meta.state.PartitionConfig;
import io.enif.meta.state.TableInfo;
import io.enif.meta.state.TableState;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.curator.framework.api.transaction.CuratorTransactionResult;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.OpResult;
import org.apache.zookeeper.data.Stat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link MetaStore} on ZooKeeper, through Curator (layout and fencing: see the package documentation).
 *
 * <p>Calls block the calling thread for at most the Curator client's retry budget. A multi-op that Curator retried
 * after a lost connection may find its own nodes already created; such a write counts as done when every node it
 * wrote holds exactly its bytes.
 */
public final class ZkMetaStore implements MetaStore {
    private static final Logger LOG = LoggerFactory.getLogger(ZkMetaStore.class);
    private static final byte[] EMPTY = new byte[0];
    private static final int FENCE_CHECKS = 2;

    private final CuratorFramework client;
    private final MetaPaths paths;

    public ZkMetaStore(CuratorFramework client, MetaPaths paths) {
        this.client = Objects.requireNonNull(client, "client");
        this.paths = Objects.requireNonNull(paths, "paths");
    }

    public MetaPaths paths() {
        return paths;
    }

    /**
     * Creates every path segment of the layout that is missing: the apps node, the lock node and the epoch node.
     * Unfenced and idempotent; every meta server runs it at start.
     */
    public void ensureLayout() {
        try {
            for (String path : List.of(paths.apps(), paths.leaderLatch(), paths.epoch())) {
                if (client.checkExists().forPath(path) == null) {
                    try {
                        client.create().creatingParentsIfNeeded().forPath(path, EMPTY);
                    } catch (KeeperException.NodeExistsException raced) {
                        // another meta server created it meanwhile
                    }
                }
            }
        } catch (Exception e) {
            throw failure("cannot create the ZooKeeper layout under " + paths.clusterRoot(), e);
        }
    }

    @Override
    public StoredCluster load() {
        try {
            byte[] flag = client.getData().forPath(paths.apps());
            String text = flag == null ? "" : new String(flag, StandardCharsets.UTF_8).trim();
            if (text.equals("lock")) {
                throw new MetaStoreException(
                        MetaStoreException.Kind.CORRUPT,
                        paths.apps() + " is locked: a bulk rewrite of the metadata was interrupted");
            }
            TreeMap<Integer, String> appNodes = new TreeMap<>();
            for (String child : client.getChildren().forPath(paths.apps())) {
                try {
                    appNodes.put(Integer.parseInt(child), child);
                } catch (NumberFormatException e) {
                    LOG.warn("ignoring {}/{}: not an app id", paths.apps(), child);
                }
            }
            ClusterState state = ClusterState.empty();
            Set<Gpid> missing = new HashSet<>();
            for (int appId : appNodes.keySet()) {
                state = state.withTable(loadTable(appId, missing));
            }
            return new StoredCluster(state, missing);
        } catch (MetaStoreException e) {
            throw e;
        } catch (Exception e) {
            throw failure("cannot load the metadata under " + paths.clusterRoot(), e);
        }
    }

    private TableState loadTable(int appId, Set<Gpid> missing) throws Exception {
        String appPath = paths.app(appId);
        TableInfo info = MetaCodec.decodeTable(client.getData().forPath(appPath), appPath);
        if (info.appId() != appId) {
            throw new MetaStoreException(MetaStoreException.Kind.CORRUPT, appPath + " holds app id " + info.appId());
        }
        List<PartitionConfig> pcs = new ArrayList<>(info.partitionCount());
        for (int i = 0; i < info.partitionCount(); i++) {
            String path = paths.partition(appId, i);
            try {
                PartitionConfig pc = MetaCodec.decodePartition(client.getData().forPath(path), path);
                if (!pc.gpid().equals(new Gpid(appId, i))) {
                    throw new MetaStoreException(MetaStoreException.Kind.CORRUPT, path + " holds " + pc.gpid());
                }
                pcs.add(pc);
            } catch (KeeperException.NoNodeException e) {
                LOG.warn("partition node {} is missing; it will be created again", path);
                missing.add(new Gpid(appId, i));
                pcs.add(PartitionConfig.empty(new Gpid(appId, i), info.maxReplicaCount()));
            }
        }
        return new TableState(info, pcs);
    }

    @Override
    public StoreWrite write(LeaderFence fence, StoreBatch batch) {
        if (fence.lockNodePath().isEmpty()) {
            throw new IllegalArgumentException("a ZooKeeper write needs the leader's latch node: " + fence);
        }
        List<CuratorOp> ops = new ArrayList<>();
        List<NodeWrite> nodes = nodeWrites(batch);
        try {
            ops.add(client.transactionOp().check().forPath(fence.lockNodePath()));
            ops.add(client.transactionOp()
                    .check()
                    .withVersion((int) fence.epoch())
                    .forPath(paths.epoch()));
            for (NodeWrite node : nodes) {
                ops.add(
                        node.create
                                ? client.transactionOp().create().forPath(node.path, node.bytes)
                                : client.transactionOp().setData().forPath(node.path, node.bytes));
            }
            ops.add(client.transactionOp().setData().forPath(paths.apps(), EMPTY));
        } catch (Exception e) {
            throw failure("cannot build the write " + batch, e);
        }
        try {
            List<CuratorTransactionResult> results = client.transaction().forOperations(ops);
            Stat stat = results.get(results.size() - 1).getResultStat();
            return new StoreWrite(fence.epoch(), stat == null ? -1 : stat.getMzxid(), batch.description());
        } catch (KeeperException e) {
            if (fencedBy(e)) {
                throw new MetaStoreException(
                        MetaStoreException.Kind.FENCED, "fenced: " + fence + " no longer leads (" + batch + ")", e);
            }
            if (e.code() == KeeperException.Code.NODEEXISTS && alreadyWritten(fence, nodes)) {
                LOG.info("write {} was committed by an earlier attempt", batch);
                return new StoreWrite(fence.epoch(), -1, batch.description());
            }
            throw failure("metadata write failed: " + batch, e);
        } catch (Exception e) {
            throw failure("metadata write failed: " + batch, e);
        }
    }

    private List<NodeWrite> nodeWrites(StoreBatch batch) {
        List<NodeWrite> nodes = new ArrayList<>();
        for (TableState table : batch.createdTables()) {
            nodes.add(new NodeWrite(paths.app(table.appId()), MetaCodec.encode(table.info()), true));
            for (PartitionConfig pc : table.partitions()) {
                nodes.add(partitionWrite(pc, true));
            }
        }
        for (TableInfo info : batch.tableInfos()) {
            nodes.add(new NodeWrite(paths.app(info.appId()), MetaCodec.encode(info), false));
        }
        batch.createdPartitions().forEach(pc -> nodes.add(partitionWrite(pc, true)));
        batch.partitions().forEach(pc -> nodes.add(partitionWrite(pc, false)));
        return nodes;
    }

    private NodeWrite partitionWrite(PartitionConfig pc, boolean create) {
        return new NodeWrite(
                paths.partition(pc.gpid().appId(), pc.gpid().partitionIndex()), MetaCodec.encode(pc), create);
    }

    /** Whether one of the two fence checks (latch node exists, epoch unchanged) failed, or the session is gone. */
    private static boolean fencedBy(KeeperException e) {
        if (e.code() == KeeperException.Code.SESSIONEXPIRED) {
            return true;
        }
        List<OpResult> results = e.getResults();
        if (results == null) {
            return false;
        }
        for (int i = 0; i < Math.min(FENCE_CHECKS, results.size()); i++) {
            if (results.get(i) instanceof OpResult.ErrorResult error
                    && error.getErr() != KeeperException.Code.OK.intValue()
                    && error.getErr() != KeeperException.Code.RUNTIMEINCONSISTENCY.intValue()) {
                return true;
            }
        }
        return false;
    }

    /** Whether an earlier attempt of this write committed: the fence still holds and every node has our bytes. */
    private boolean alreadyWritten(LeaderFence fence, List<NodeWrite> nodes) {
        try {
            Stat epochStat = client.checkExists().forPath(paths.epoch());
            if (epochStat == null || epochStat.getVersion() != fence.epoch()) {
                return false;
            }
            for (NodeWrite node : nodes) {
                if (!Arrays.equals(client.getData().forPath(node.path), node.bytes)) {
                    return false;
                }
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static MetaStoreException failure(String message, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        if (e instanceof KeeperException.SessionExpiredException) {
            return new MetaStoreException(MetaStoreException.Kind.FENCED, message + ": ZooKeeper session expired", e);
        }
        if (e instanceof KeeperException keeper
                && switch (keeper.code()) {
                    case NONODE, NODEEXISTS, BADVERSION, NOTEMPTY -> true;
                    default -> false;
                }) {
            return new MetaStoreException(MetaStoreException.Kind.CORRUPT, message + ": " + e, e);
        }
        return new MetaStoreException(MetaStoreException.Kind.UNAVAILABLE, message + ": " + e, e);
    }

    private record NodeWrite(String path, byte[] bytes, boolean create) {}
}
