package io.enif.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enif.client.fake.FakeCluster;
import io.enif.client.fake.Fault;
import io.enif.client.internal.DefaultEnifClient;
import io.enif.common.error.ErrorCode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client follows a moved primary and a changed meta leader. */
@Timeout(60)
class RerouteTest extends ClientTestBase {
    private static final String QUERY_CFG = "RPC_CM_QUERY_PARTITION_CONFIG_BY_INDEX";

    @Override
    int metaCount() {
        return 3;
    }

    private int metaQueries() {
        int total = 0;
        for (int i = 0; i < 3; i++) {
            total += cluster.meta(i).faults().count(QUERY_CFG);
        }
        return total;
    }

    private void movesPrimaryAndTheClientFollows(int partition, ErrorCode refusal) {
        String hashKey = hashKeyIn("moved", partition);
        table.set(b(hashKey), b("s"), b("before"), TIMEOUT);
        int from = cluster.table("temp").primaryOf(partition);
        int to = 1 - from;
        int refusedBefore = cluster.replica(from).faults().count("RPC_RRDB_RRDB_GET");
        int queriesBefore = metaQueries();

        cluster.movePrimary("temp", partition, to, refusal);

        assertThat(s(table.get(b(hashKey), b("s"), TIMEOUT))).isEqualTo("before");
        table.set(b(hashKey), b("s"), b("after"), TIMEOUT);
        assertThat(s(table.get(b(hashKey), b("s"), TIMEOUT))).isEqualTo("after");
        assertThat(cluster.replica(from).faults().count("RPC_RRDB_RRDB_GET") - refusedBefore)
                .as("the old primary was asked once, then the client moved on")
                .isEqualTo(1);
        assertThat(metaQueries() - queriesBefore).isEqualTo(1);
    }

    @Test
    void followsAPrimaryThatMovedWhenTheOldOneSaysInvalidState() {
        movesPrimaryAndTheClientFollows(3, ErrorCode.ERR_INVALID_STATE);
    }

    @Test
    void followsAPrimaryThatMovedWhenTheOldOneNoLongerHasThePartition() {
        movesPrimaryAndTheClientFollows(6, ErrorCode.ERR_OBJECT_NOT_FOUND);
    }

    @Test
    void aStandbyMetaForwardsToTheLeader() {
        cluster.setLeader(2);
        int standbyBefore = cluster.meta(0).faults().count(QUERY_CFG);
        int leaderBefore = cluster.meta(2).faults().count(QUERY_CFG);

        try (EnifClient other = EnifClient.create(config().build())) {
            EnifTable opened = other.openTable("temp");

            assertThat(opened.partitionCount()).isEqualTo(8);
            assertThat(cluster.meta(0).faults().count(QUERY_CFG) - standbyBefore)
                    .isEqualTo(1);
            assertThat(cluster.meta(2).faults().count(QUERY_CFG) - leaderBefore).isEqualTo(1);
            assertThat(((DefaultEnifClient) other).metaSession().currentMeta())
                    .isEqualTo(cluster.meta(2).address());
        }
    }

    @Test
    void anInactiveMetaIsAskedAgainAfterAWait() {
        cluster.meta(0).answerNotActive(2);
        int before = cluster.meta(0).faults().count(QUERY_CFG);

        try (EnifClient other = EnifClient.create(config().build())) {
            assertThat(other.openTable("temp").partitionCount()).isEqualTo(8);
        }
        assertThat(cluster.meta(0).faults().count(QUERY_CFG) - before).isEqualTo(3);
    }

    @Test
    void aSilentMetaIsSkippedAfterTheQueryTimeout() {
        cluster.setLeader(1);
        cluster.meta(0).faults().always(QUERY_CFG, Fault.drop());

        try (EnifClient other = EnifClient.create(
                config().metaQueryTimeout(Duration.ofMillis(200)).build())) {
            assertThat(other.openTable("temp").partitionCount()).isEqualTo(8);
            assertThat(((DefaultEnifClient) other).metaSession().currentMeta())
                    .isEqualTo(cluster.meta(1).address());
        }
    }

    @Test
    void anUnknownTableIsReportedByName() {
        assertThatThrownBy(() -> client.openTable("no_such_table"))
                .isInstanceOf(EnifTableNotFoundException.class)
                .hasMessageContaining("no such table: 'no_such_table'");
    }

    @Test
    void anUnreachableClusterNamesTheAddressesTried() throws Exception {
        String dead = FakeCluster.deadAddress().toString();
        try (EnifClient other =
                EnifClient.create(ClientConfig.builder().metaServers(dead).build())) {
            assertThatThrownBy(() -> other.openTable("temp"))
                    .isInstanceOf(EnifClientException.class)
                    .hasMessageContaining("no meta server answered")
                    .hasMessageContaining(dead)
                    .satisfies(e ->
                            assertThat(((EnifClientException) e).errorName()).hasValue("ERR_SESSION_RESET"));
        }
    }
}
