package io.enif.client;

import static io.enif.client.MultiBatchOpsTest.rows;
import static io.enif.client.MultiBatchOpsTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.enif.client.fake.Fault;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The async forms of every batch call: same results as the sync forms, completed on the table's callback thread. */
@Timeout(60)
class AsyncBatchOpsTest extends ClientTestBase {

    static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    @Test
    void singleKeyBatchesRoundTrip() throws Exception {
        List<FullKey> keys = List.of(new FullKey(b("ab1"), b("s")), new FullKey(b("ab2"), b("s")));
        await(table.asyncBatchSet(
                List.of(new SetItem(b("ab1"), b("s"), b("1")), new SetItem(b("ab2"), b("s"), b("2"))), TIMEOUT));
        assertThat(await(table.asyncBatchGet(keys, TIMEOUT)))
                .extracting(ClientTestBase::s)
                .containsExactly("1", "2");

        List<ItemResult<Void>> sets =
                await(table.asyncBatchSet2(List.of(new SetItem(b("ab3"), b("s"), b("3"), 100)), TIMEOUT));
        assertThat(ItemResult.successCount(sets)).isEqualTo(1);
        assertThat(table.ttl(b("ab3"), b("s"), TIMEOUT)).isBetween(90, 100);

        await(table.asyncBatchDel(keys.subList(0, 1), TIMEOUT));
        List<ItemResult<Void>> dels = await(table.asyncBatchDel2(keys.subList(1, 2), TIMEOUT));
        assertThat(ItemResult.successCount(dels)).isEqualTo(1);
        List<ItemResult<byte[]>> gets =
                await(table.asyncBatchGet2(List.of(keys.get(0), keys.get(1), new FullKey(b("ab3"), b("s"))), TIMEOUT));
        assertThat(gets).allMatch(ItemResult::isOk);
        assertThat(gets).extracting(r -> s(r.value())).containsExactly(null, null, "3");
    }

    @Test
    void hashKeyBatchesRoundTrip() throws Exception {
        await(table.asyncBatchMultiSet(
                List.of(
                        new HashKeyData(b("amb1"), rows("a", "1", "b", "2")),
                        new HashKeyData(b("amb2"), rows("a", "3"))),
                0,
                TIMEOUT));
        List<ItemResult<Void>> sets =
                await(table.asyncBatchMultiSet2(List.of(new HashKeyData(b("amb3"), rows("a", "4"))), 0, TIMEOUT));
        assertThat(ItemResult.successCount(sets)).isEqualTo(1);

        List<HashKeyData> read = await(table.asyncBatchMultiGet(
                List.of(HashKeySortKeys.all(b("amb1")), new HashKeySortKeys(b("amb2"), List.of(b("a")))), TIMEOUT));
        assertThat(text(read.get(0).values())).containsExactly("a=1", "b=2");
        assertThat(text(read.get(1).values())).containsExactly("a=3");

        await(table.asyncBatchMultiDel(List.of(new HashKeySortKeys(b("amb1"), List.of(b("a")))), TIMEOUT));
        List<ItemResult<Void>> dels =
                await(table.asyncBatchMultiDel2(List.of(new HashKeySortKeys(b("amb3"), List.of(b("a")))), TIMEOUT));
        assertThat(ItemResult.successCount(dels)).isEqualTo(1);
        List<ItemResult<HashKeyData>> after = await(table.asyncBatchMultiGet2(
                List.of(HashKeySortKeys.all(b("amb1")), HashKeySortKeys.all(b("amb3"))), TIMEOUT));
        assertThat(text(after.get(0).value().values())).containsExactly("b=2");
        assertThat(after.get(1).value().values()).isEmpty();
    }

    @Test
    void plainAsyncFormsFailWithTheFirstFailureAndBadArgumentsNeverThrow() {
        CompletableFuture<Void> bad =
                table.asyncBatchMultiSet(Arrays.asList(new HashKeyData(b("amb-ok"), rows("a", "1")), null), 0, TIMEOUT);
        assertThat(bad)
                .failsWithin(java.time.Duration.ofSeconds(10))
                .withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(EnifInvalidArgumentException.class)
                .withMessageContaining("an item of the list is null");

        CompletableFuture<List<byte[]>> noList = table.asyncBatchGet(null, TIMEOUT);
        assertThat(noList)
                .failsWithin(java.time.Duration.ofSeconds(10))
                .withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(EnifInvalidArgumentException.class);
    }

    @Test
    void callbacksRunOnTheTablesCallbackThread() throws Exception {
        CompletableFuture<Void> release = new CompletableFuture<>();
        for (var replica : cluster.replicas()) {
            replica.faults().next("RPC_RRDB_RRDB_MULTI_GET", Fault.hold(release));
        }
        CompletableFuture<String> thread = table.asyncBatchMultiGet2(List.of(HashKeySortKeys.all(b("amb-t"))), TIMEOUT)
                .thenApply(results -> Thread.currentThread().getName());
        release.complete(null);

        assertThat(await(thread)).startsWith("enif-client-callback-");
    }
}
