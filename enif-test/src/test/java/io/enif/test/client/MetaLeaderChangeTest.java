package io.enif.test.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.client.ClientConfig;
import io.enif.client.EnifClient;
import io.enif.client.EnifTable;
import io.enif.client.TableInfo;
import io.enif.common.HostPort;
import io.enif.test.minicluster.MetaNodeHandle;
import io.enif.test.minicluster.MiniCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client and a meta leader that changes: with three meta servers, the client is given the standbys first (so it
 * starts by being pointed to the leader), then the leader is killed (its ZooKeeper session abandoned); data calls go
 * on meanwhile, since they never need the meta server, and once a standby leads, admin calls and table opens through
 * the same client find it. The replicas get a lease (8 s) longer than the ZooKeeper session (3 s), as in a production profile, so the
 * tables' primaries stay where they are.
 */
@Timeout(180)
class MetaLeaderChangeTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int TIMEOUT_MS = 30_000;

    @TempDir
    Path dir;

    static byte[] b(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void adminCallsAndTableOpensFollowTheNewMetaLeader() throws Exception {
        try (MiniCluster cluster = MiniCluster.builder(dir)
                .metaServers(3)
                .replicaServers(3)
                .override("replication.fd_lease_seconds=8")
                .override("replication.fd_grace_seconds=9")
                .start()) {
            cluster.createTable("before", 4, 3, WAIT);
            MetaNodeHandle leader = cluster.metas().awaitLeader(WAIT);
            // Standbys first: the client's first meta call is answered ERR_FORWARD_TO_OTHERS.
            String metas = cluster.metas().metas().stream()
                    .sorted((x, y) -> Boolean.compare(x == leader, y == leader))
                    .map(m -> m.address().toString())
                    .collect(Collectors.joining(","));
            ClientConfig config = ClientConfig.builder()
                    .metaServers(metas)
                    .operationTimeout(Duration.ofMillis(TIMEOUT_MS))
                    .build();
            try (EnifClient client = EnifClient.create(config)) {
                EnifTable before = client.openTable("before");
                before.set(b("h"), b("s"), b("v1"), TIMEOUT_MS);
                assertThat(client.listApps()).extracting(TableInfo::name).containsExactly("before");

                HostPort oldLeader = leader.address();
                leader.kill();

                // Data calls go straight to the replica servers.
                assertThat(new String(before.get(b("h"), b("s"), TIMEOUT_MS), StandardCharsets.UTF_8))
                        .isEqualTo("v1");
                before.set(b("h"), b("s"), b("v2"), TIMEOUT_MS);

                // Meta calls make Pegasus's few quick attempts (spec/protocol.md 5.3), so they are made once a standby
                // leads; the client still knows only the dead leader and must find the new one by itself.
                MetaNodeHandle newLeader = cluster.metas().awaitNewLeader(leader, WAIT);
                assertThat(newLeader.address()).isNotEqualTo(oldLeader);
                client.createApp("after", 2, 3, Map.of(), WAIT.toMillis(), false);
                assertThat(client.listApps()).extracting(TableInfo::name).containsExactlyInAnyOrder("before", "after");
                EnifTable after = client.openTable("after");
                after.set(b("h"), b("s"), b("x"), TIMEOUT_MS);
                assertThat(after.exist(b("h"), b("s"), TIMEOUT_MS)).isTrue();
                assertThat(client.isAppHealthy("after", 3)).isTrue();
                client.dropApp("after", 60);
                assertThat(client.listApps()).extracting(TableInfo::name).containsExactly("before");
                assertThat(new String(before.get(b("h"), b("s"), TIMEOUT_MS), StandardCharsets.UTF_8))
                        .isEqualTo("v2");
            }
        }
    }
}
