package io.enif.meta.store;

import static io.enif.meta.MetaFixtures.r;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enif.common.Gpid;
import io.enif.meta.ZkTestServer;
import io.enif.meta.state.ConfigType;
import io.enif.meta.state.PartitionConfig;
import io.enif.meta.state.PartitionConfigChanges;
import io.enif.meta.state.TableInfo;
import io.enif.meta.state.TableState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ZkMetaStoreTest {

    @TempDir
    Path dir;

    private ZkTestServer zk;
    private CuratorFramework client;
    private ZkMetaStore store;
    private MetaPaths paths;

    @BeforeEach
    void setUp() throws Exception {
        zk = new ZkTestServer(dir.toFile());
        client = zk.client(3000);
        paths = MetaPaths.of("/pegasus/test", "");
        store = new ZkMetaStore(client, paths);
        store.ensureLayout();
    }

    @AfterEach
    void tearDown() throws Exception {
        zk.close();
    }

    /** A fence as a leader would hold it: an ephemeral latch node and a bumped epoch. */
    private LeaderFence takeOffice() throws Exception {
        String lock = client.create()
                .withMode(CreateMode.EPHEMERAL_SEQUENTIAL)
                .forPath(paths.leaderLatch() + "/n-", new byte[0]);
        Stat stat = client.setData().forPath(paths.epoch(), "x".getBytes(StandardCharsets.UTF_8));
        return new LeaderFence(
                stat.getVersion(),
                lock,
                client.getZookeeperClient().getZooKeeper().getSessionId());
    }

    private static TableState table(int appId, String name, int partitions) {
        return TableState.created(TableInfo.available(appId, name, partitions, 3, 1_700_000_000L));
    }

    @Test
    void layoutUsesPegasusPaths() throws Exception {
        assertThat(paths.apps()).isEqualTo("/pegasus/test/apps");
        assertThat(paths.partition(2, 5)).isEqualTo("/pegasus/test/apps/2/5");
        assertThat(paths.leaderLatch()).isEqualTo("/pegasus/test/lock/dsn.meta.server.leader");
        assertThat(client.checkExists().forPath(paths.epoch())).isNotNull();
        assertThat(MetaPaths.of("/", "/locks").apps()).isEqualTo("/apps");
        assertThat(MetaPaths.of("/", "").lockRoot()).isEqualTo("/lock");
    }

    @Test
    void writtenTablesLoadBack() throws Exception {
        LeaderFence fence = takeOffice();
        TableState temp = table(1, "temp", 4);
        StoreWrite first = store.write(fence, StoreBatch.createTable(temp));
        PartitionConfig p0 = PartitionConfigChanges.apply(temp.partition(0), ConfigType.ASSIGN_PRIMARY, r(1));
        TableInfo withEnvs = temp.info().withEnvs(Map.of("default_ttl", "86400"));
        StoreWrite second = store.write(fence, StoreBatch.table(withEnvs, List.of(p0), "assign and envs"));

        StoredCluster loaded = store.load();

        assertThat(loaded.missingPartitions()).isEmpty();
        assertThat(loaded.state().table(1).orElseThrow().info()).isEqualTo(withEnvs);
        assertThat(loaded.state().partition(new Gpid(1, 0))).contains(p0);
        assertThat(loaded.state().partition(new Gpid(1, 3))).contains(temp.partition(3));
        assertThat(second.zxid()).isGreaterThan(first.zxid());
        assertThat(second.epoch()).isEqualTo(fence.epoch());
        assertThat(client.getChildren().forPath(paths.app(1))).hasSize(4);
    }

    @Test
    void aNewerEpochFencesTheOldLeader() throws Exception {
        LeaderFence old = takeOffice();
        store.write(old, StoreBatch.createTable(table(1, "a", 2)));
        LeaderFence current = takeOffice();

        assertThatThrownBy(() -> store.write(old, StoreBatch.createTable(table(2, "b", 2))))
                .isInstanceOfSatisfying(
                        MetaStoreException.class, e -> assertThat(e.fenced()).isTrue());
        assertThat(store.load().state().table(2)).isEmpty();
        store.write(current, StoreBatch.createTable(table(2, "b", 2)));
        assertThat(store.load().state().table(2)).isPresent();
    }

    @Test
    void aLostLatchNodeFencesTheLeader() throws Exception {
        LeaderFence fence = takeOffice();
        client.delete().forPath(fence.lockNodePath());

        assertThatThrownBy(() -> store.write(fence, StoreBatch.createTable(table(1, "a", 2))))
                .isInstanceOfSatisfying(
                        MetaStoreException.class, e -> assertThat(e.fenced()).isTrue());
        assertThat(store.load().state().allTables()).isEmpty();
    }

    @Test
    void creatingAnExistingTableFailsAndChangesNothing() throws Exception {
        LeaderFence fence = takeOffice();
        store.write(fence, StoreBatch.createTable(table(1, "a", 2)));

        assertThatThrownBy(() -> store.write(fence, StoreBatch.createTable(table(1, "other", 4))))
                .isInstanceOfSatisfying(
                        MetaStoreException.class, e -> assertThat(e.kind()).isEqualTo(MetaStoreException.Kind.CORRUPT));
        assertThat(store.load().state().table(1).orElseThrow().info().appName()).isEqualTo("a");
    }

    @Test
    void missingPartitionNodesAreReported() throws Exception {
        LeaderFence fence = takeOffice();
        store.write(fence, StoreBatch.createTable(table(3, "half", 4)));
        client.delete().forPath(paths.partition(3, 2));

        StoredCluster loaded = store.load();

        assertThat(loaded.missingPartitions()).containsExactly(new Gpid(3, 2));
        StartupRepair.Plan plan = StartupRepair.plan(loaded);
        store.write(fence, plan.batch().orElseThrow());
        assertThat(store.load().missingPartitions()).isEmpty();
    }

    @Test
    void aLockedAppsNodeStopsTheLoad() throws Exception {
        client.setData().forPath(paths.apps(), "lock".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> store.load())
                .isInstanceOfSatisfying(
                        MetaStoreException.class, e -> assertThat(e.kind()).isEqualTo(MetaStoreException.Kind.CORRUPT))
                .hasMessageContaining("locked");
    }

    @Test
    void undecodableNodesAreCorrupt() throws Exception {
        client.create().forPath(paths.app(7), "garbage".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> store.load())
                .isInstanceOfSatisfying(
                        MetaStoreException.class, e -> assertThat(e.kind()).isEqualTo(MetaStoreException.Kind.CORRUPT))
                .hasMessageContaining(paths.app(7));
    }
}
