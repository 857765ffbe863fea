package io.enif.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.client.fake.FakeReplica;
import io.enif.client.fake.Fault;
import io.enif.common.error.ErrorCode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A replica server that goes away: a connection that cannot be made proves nothing was sent (every op re-routes and
 * retries), a connection lost under a pending incr makes its outcome unknown.
 */
@Timeout(60)
class ConnectionLossTest extends ClientTestBase {

    @Override
    int replicaCount() {
        return 3;
    }

    @Test
    void aLostConnectionLeavesAnIncrUnknownAndARefusedOneIsRetriedElsewhere() throws Exception {
        // Partitions 2 and 5 are on replica 2.
        FakeReplica doomed = cluster.replica(2);
        String lost = hashKeyIn("lost", 2);
        String refused = hashKeyIn("refused", 5);
        table.set(b(refused), b("s"), b("v"), TIMEOUT);
        doomed.faults().next("RPC_RRDB_RRDB_INCR", Fault.drop());

        CompletableFuture<Long> pending = table.asyncIncr(b(lost), b("n"), 1, 0, 5000);
        assertThat(Eventually.holds(Duration.ofSeconds(5), () -> doomed.faults().count("RPC_RRDB_RRDB_INCR") == 1))
                .isTrue();
        cluster.movePrimary("temp", 2, 0, ErrorCode.ERR_OBJECT_NOT_FOUND);
        cluster.movePrimary("temp", 5, 1, ErrorCode.ERR_OBJECT_NOT_FOUND);
        doomed.close();

        ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(
                ExecutionException.class, () -> pending.get(10, TimeUnit.SECONDS));
        assertThat(failure.getCause())
                .isInstanceOf(EnifUnknownOutcomeException.class)
                .satisfies(
                        e -> assertThat(((EnifClientException) e).errorName()).hasValue("ERR_SESSION_RESET"));

        // The route still names the closed replica for partition 5: the connection is refused, so even incr retries.
        assertThat(table.incr(b(refused), b("n"), 2, TIMEOUT)).isEqualTo(2);
        assertThat(s(table.get(b(refused), b("s"), TIMEOUT))).isEqualTo("v");
        assertThat(table.incr(b(lost), b("n"), 1, TIMEOUT)).isEqualTo(1);
    }
}
