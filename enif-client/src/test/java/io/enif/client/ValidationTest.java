package io.enif.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Client-side checks: clear messages, and nothing sent to the server. */
@Timeout(60)
class ValidationTest extends ClientTestBase {
    private static final byte[] HUGE_HASH_KEY = new byte[65535];

    private int allReplicaRequests() {
        int total = 0;
        for (String name : List.of(
                "RPC_RRDB_RRDB_GET",
                "RPC_RRDB_RRDB_PUT",
                "RPC_RRDB_RRDB_MULTI_GET",
                "RPC_RRDB_RRDB_MULTI_PUT",
                "RPC_RRDB_RRDB_MULTI_REMOVE",
                "RPC_RRDB_RRDB_INCR",
                "RPC_RRDB_RRDB_CHECK_AND_SET",
                "RPC_RRDB_RRDB_CHECK_AND_MUTATE",
                "RPC_RRDB_RRDB_SORTKEY_COUNT",
                "RPC_RRDB_RRDB_GET_SCANNER",
                "RPC_RRDB_RRDB_TTL")) {
            total += replicaRequests(name);
        }
        return total;
    }

    private void refused(ThrowingCallable call, String message) {
        int before = allReplicaRequests();
        assertThatThrownBy(call)
                .isInstanceOf(EnifInvalidArgumentException.class)
                .hasMessage(message);
        assertThat(allReplicaRequests()).as("nothing sent").isEqualTo(before);
    }

    @Test
    void keysAreChecked() {
        refused(
                () -> table.get(HUGE_HASH_KEY, b("s"), TIMEOUT),
                "get: hash key must be shorter than 65535 bytes, got 65535");
        refused(() -> table.multiGet(new byte[0], null, TIMEOUT), "multiGet: hash key must not be null or empty");
        refused(
                () -> table.multiGet(null, b("a"), b("b"), null, 0, 0, TIMEOUT),
                "multiGet: hash key must not be null or empty");
        refused(() -> table.sortKeyCount(null, TIMEOUT), "sortKeyCount: hash key must not be null or empty");
        refused(
                () -> table.multiGetSortKeys(null, 0, 0, TIMEOUT),
                "multiGetSortKeys: hash key must not be null or empty");
        refused(
                () -> table.getScanner(new byte[0], null, null, null),
                "getScanner: hash key must not be null or empty");
        refused(() -> table.delRange(null, null, null, null, TIMEOUT), "delRange: hash key must not be null or empty");
        refused(
                () -> table.multiGet(b("h"), java.util.Arrays.asList(b("a"), null), TIMEOUT),
                "multiGet: a sort key of the list must not be null");
    }

    @Test
    void valuesAndTtlsAreChecked() {
        refused(() -> table.set(b("h"), b("s"), null, TIMEOUT), "set: value must not be null");
        refused(() -> table.set(b("h"), b("s"), b("v"), -1, TIMEOUT), "set: ttl seconds must not be negative, got -1");
        refused(
                () -> table.incr(b("h"), b("s"), 1, -2, TIMEOUT),
                "incr: ttl seconds must be >= -1 (-1 removes the TTL), got -2");
        refused(() -> table.multiSet(b("h"), List.of(), 0, TIMEOUT), "multiSet: values must not be null or empty");
        refused(
                () -> table.multiSet(b("h"), List.of(new SortKeyValue(b("s"), null)), 0, TIMEOUT),
                "multiSet: a value must not be null");
        refused(() -> table.multiDel(b("h"), List.of(), TIMEOUT), "multiDel: sort keys must not be null or empty");
        refused(
                () -> table.checkAndSet(b("h"), b("s"), null, null, b("s"), b("v"), null, TIMEOUT),
                "checkAndSet: check type must not be null");
        refused(
                () -> table.checkAndMutate(b("h"), b("s"), CheckType.NO_CHECK, null, new Mutations(), null, TIMEOUT),
                "checkAndMutate: mutations must not be null or empty");
        refused(
                () -> table.compareExchange(b("h"), b("s"), b("x"), b("y"), -5, TIMEOUT),
                "compareExchange: ttl seconds must not be negative, got -5");
        refused(
                () -> table.getUnorderedScanners(0, null),
                "getUnorderedScanners: maxSplitCount must be positive, got 0");
    }

    @Test
    void writeLimitsApplyUnlessTurnedOff() throws Exception {
        byte[] big = new byte[400 * 1024 + 1];
        refused(
                () -> table.set(b("h"), b("s"), big, TIMEOUT),
                "set: value is 409601 bytes, over the write limit of 409600");
        refused(
                () -> table.set(new byte[1025], b("s"), b("v"), TIMEOUT),
                "set: hash key is 1025 bytes, over the write limit of 1024");

        try (EnifClient unlimited =
                EnifClient.create(config().enableWriteLimit(false).build())) {
            EnifTable t = unlimited.openTable("temp");
            t.set(b("big"), b("s"), big, TIMEOUT);
            assertThat(t.get(b("big"), b("s"), TIMEOUT)).hasSize(big.length);
        }
    }

    @Test
    void asyncFormsFailTheirFutureInsteadOfThrowing() {
        var future = table.asyncSet(b("h"), b("s"), null, 0, TIMEOUT);

        assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(EnifInvalidArgumentException.class)
                .hasMessage("set: value must not be null");
    }

    @Test
    void configIsChecked() {
        assertThatThrownBy(() -> ClientConfig.builder().build())
                .isInstanceOf(EnifInvalidArgumentException.class)
                .hasMessageContaining("meta_servers must name at least one meta server");
        assertThatThrownBy(() -> ClientConfig.builder().metaServers("127.0.0.1"))
                .isInstanceOf(EnifInvalidArgumentException.class)
                .hasMessageContaining("bad meta server address '127.0.0.1'");
        assertThatThrownBy(() -> client.openTable(""))
                .isInstanceOf(EnifInvalidArgumentException.class)
                .hasMessage("openTable: the table name must not be empty");
    }
}
