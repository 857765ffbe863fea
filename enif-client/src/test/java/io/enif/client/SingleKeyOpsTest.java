package io.enif.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enif.client.fake.Fault;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** get, set, del, exist, ttl and incr over the wire, sync and async. */
@Timeout(60)
class SingleKeyOpsTest extends ClientTestBase {

    @Test
    void setThenGetDelExist() {
        table.set(b("sk1"), b("a"), b("v1"), TIMEOUT);

        assertThat(s(table.get(b("sk1"), b("a"), TIMEOUT))).isEqualTo("v1");
        assertThat(table.exist(b("sk1"), b("a"), TIMEOUT)).isTrue();
        assertThat(table.get(b("sk1"), b("missing"), TIMEOUT)).isNull();
        assertThat(table.exist(b("sk1"), b("missing"), TIMEOUT)).isFalse();

        table.del(b("sk1"), b("a"), TIMEOUT);
        table.del(b("sk1"), b("never-there"), TIMEOUT);
        assertThat(table.get(b("sk1"), b("a"), TIMEOUT)).isNull();
    }

    @Test
    void emptyValueAndNullKeysAreAllowedForSingleKeys() {
        table.set(null, b("by-sort-key"), new byte[0], TIMEOUT);
        assertThat(table.get(new byte[0], b("by-sort-key"), TIMEOUT)).isEmpty();
        table.set(b("sk2"), null, b("no sort key"), TIMEOUT);
        assertThat(s(table.get(b("sk2"), new byte[0], TIMEOUT))).isEqualTo("no sort key");
    }

    @Test
    void ttlReportsRemainingNoneAndAbsent() {
        table.set(b("sk3"), b("ttl"), b("v"), 100, TIMEOUT);
        table.set(b("sk3"), b("forever"), b("v"), TIMEOUT);

        assertThat(table.ttl(b("sk3"), b("ttl"), TIMEOUT)).isBetween(98, 100);
        assertThat(table.ttl(b("sk3"), b("forever"), TIMEOUT)).isEqualTo(-1);
        assertThat(table.ttl(b("sk3"), b("absent"), TIMEOUT)).isEqualTo(-2);
    }

    @Test
    void incrCountsFromZeroAndHandlesTtl() {
        assertThat(table.incr(b("sk4"), b("n"), 5, TIMEOUT)).isEqualTo(5);
        assertThat(table.incr(b("sk4"), b("n"), -7, TIMEOUT)).isEqualTo(-2);
        assertThat(s(table.get(b("sk4"), b("n"), TIMEOUT))).isEqualTo("-2");

        assertThat(table.incr(b("sk4"), b("n"), 1, 100, TIMEOUT)).isEqualTo(-1);
        assertThat(table.ttl(b("sk4"), b("n"), TIMEOUT)).isBetween(98, 100);
        assertThat(table.incr(b("sk4"), b("n"), 1, -1, TIMEOUT)).isZero();
        assertThat(table.ttl(b("sk4"), b("n"), TIMEOUT)).isEqualTo(-1);
    }

    @Test
    void incrOnANonIntegerIsAnInvalidArgumentFromTheServer() {
        table.set(b("sk5"), b("text"), b("abc"), TIMEOUT);

        assertThatThrownBy(() -> table.incr(b("sk5"), b("text"), 1, TIMEOUT))
                .isInstanceOf(EnifInvalidArgumentException.class)
                .hasMessageContaining("incr refused by the server")
                .hasMessageContaining("kInvalidArgument");
    }

    @Test
    void asyncFormsCompleteOnTheTablesCallbackThread() throws Exception {
        table.asyncSet(b("sk6"), b("a"), b("1"), 0, TIMEOUT).get(5, TimeUnit.SECONDS);

        CompletableFuture<Void> release = new CompletableFuture<>();
        for (var replica : cluster.replicas()) {
            replica.faults().next("RPC_RRDB_RRDB_GET", Fault.hold(release));
        }
        CompletableFuture<String> thread = table.asyncGet(b("sk6"), b("a"), TIMEOUT)
                .thenApply(v -> Thread.currentThread().getName());
        release.complete(null);
        assertThat(thread.get(5, TimeUnit.SECONDS)).startsWith("enif-client-callback-");
        clearFaults();
        assertThat(s(table.asyncGet(b("sk6"), b("a"), TIMEOUT).get(5, TimeUnit.SECONDS)))
                .isEqualTo("1");
        assertThat(table.asyncExist(b("sk6"), b("a"), TIMEOUT).get(5, TimeUnit.SECONDS))
                .isTrue();
        assertThat(table.asyncTtl(b("sk6"), b("a"), TIMEOUT).get(5, TimeUnit.SECONDS))
                .isEqualTo(-1);
        assertThat(table.asyncIncr(b("sk6"), b("a"), 2, 0, TIMEOUT).get(5, TimeUnit.SECONDS))
                .isEqualTo(3);
        table.asyncDel(b("sk6"), b("a"), TIMEOUT).get(5, TimeUnit.SECONDS);
        assertThat(table.asyncGet(b("sk6"), b("a"), TIMEOUT).get(5, TimeUnit.SECONDS))
                .isNull();
    }

    @Test
    void aSyncCallInsideACallbackDoesNotDeadlock() throws Exception {
        table.set(b("sk7"), b("a"), b("x"), TIMEOUT);

        String inner = table.asyncGet(b("sk7"), b("a"), TIMEOUT)
                .thenApply(v -> s(table.get(b("sk7"), b("a"), TIMEOUT)) + s(v))
                .get(5, TimeUnit.SECONDS);

        assertThat(inner).isEqualTo("xx");
    }

    @Test
    void tableReportsItsShape() {
        assertThat(table.tableName()).isEqualTo("temp");
        assertThat(table.partitionCount()).isEqualTo(8);
        assertThat(table.appId()).isEqualTo(cluster.table("temp").appId());
        assertThat(client.openTable("temp")).isSameAs(table);
    }
}
