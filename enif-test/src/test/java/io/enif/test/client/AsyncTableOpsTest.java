package io.enif.test.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.client.CheckAndMutateOptions;
import io.enif.client.CheckAndSetOptions;
import io.enif.client.CheckType;
import io.enif.client.DelRangeOptions;
import io.enif.client.EnifInvalidArgumentException;
import io.enif.client.MultiGetOptions;
import io.enif.client.Mutations;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every operation of {@code EnifTable} in its async form, on real servers. */
@Timeout(180)
class AsyncTableOpsTest extends ClientClusterBase {

    static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void singleKeyOps() throws Exception {
        byte[] hk = b("async-basic");
        await(table.asyncSet(hk, b("s"), b("v"), 0, TIMEOUT_MS));
        assertThat(s(await(table.asyncGet(hk, b("s"), TIMEOUT_MS)))).isEqualTo("v");
        assertThat(await(table.asyncExist(hk, b("s"), TIMEOUT_MS))).isTrue();
        assertThat(await(table.asyncTtl(hk, b("s"), TIMEOUT_MS))).isEqualTo(-1);
        await(table.asyncSet(hk, b("t"), b("v"), 70, TIMEOUT_MS));
        assertThat(await(table.asyncTtl(hk, b("t"), TIMEOUT_MS))).isBetween(60, 70);

        await(table.asyncDel(hk, b("s"), TIMEOUT_MS));
        assertThat(await(table.asyncGet(hk, b("s"), TIMEOUT_MS))).isNull();
        assertThat(await(table.asyncExist(hk, b("s"), TIMEOUT_MS))).isFalse();
        assertThat(await(table.asyncTtl(hk, b("s"), TIMEOUT_MS))).isEqualTo(-2);

        assertThat(await(table.asyncIncr(hk, b("n"), 3, 0, TIMEOUT_MS))).isEqualTo(3);
        assertThat(await(table.asyncIncr(hk, b("n"), 4, 0, TIMEOUT_MS))).isEqualTo(7);
        CompletableFuture<Long> bad = table.asyncIncr(hk, b("t"), 1, 0, TIMEOUT_MS);
        assertThat(bad)
                .failsWithin(WAIT)
                .withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(EnifInvalidArgumentException.class);
    }

    @Test
    void manyConcurrentCallsAllComplete() throws Exception {
        byte[] hk = b("async-many");
        List<CompletableFuture<Void>> sets = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            sets.add(table.asyncSet(b("async-many-" + i), b("s"), b("v" + i), 0, TIMEOUT_MS));
        }
        await(CompletableFuture.allOf(sets.toArray(CompletableFuture[]::new)));
        for (int i = 0; i < 200; i += 37) {
            assertThat(s(table.get(b("async-many-" + i), b("s"), TIMEOUT_MS))).isEqualTo("v" + i);
        }
        List<CompletableFuture<Long>> incrs = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            incrs.add(table.asyncIncr(hk, b("n"), 1, 0, TIMEOUT_MS));
        }
        await(CompletableFuture.allOf(incrs.toArray(CompletableFuture[]::new)));
        assertThat(incrs.stream().map(CompletableFuture::join).sorted().toList())
                .as("every increment applied once, in some order")
                .isEqualTo(
                        java.util.stream.LongStream.rangeClosed(1, 50).boxed().toList());
    }

    @Test
    void hashKeyOps() throws Exception {
        byte[] hk = b("async-multi");
        await(table.asyncMultiSet(hk, SyncTableOpsTest.values("k", 6), 0, TIMEOUT_MS));
        assertThat(SyncTableOpsTest.keys(await(table.asyncMultiGet(hk, List.of(b("k2"), b("k4")), 100, 0, TIMEOUT_MS))))
                .containsExactly("k2", "k4");
        assertThat(SyncTableOpsTest.keys(await(table.asyncMultiGet(
                        hk, b("k1"), b("k3"), MultiGetOptions.defaults().withStopInclusive(true), 100, 0, TIMEOUT_MS))))
                .containsExactly("k1", "k2", "k3");
        assertThat(await(table.asyncMultiGetSortKeys(hk, 100, 0, TIMEOUT_MS)).sortKeys())
                .hasSize(6);
        assertThat(await(table.asyncSortKeyCount(hk, TIMEOUT_MS))).isEqualTo(6);

        await(table.asyncMultiDel(hk, List.of(b("k0"), b("k1")), TIMEOUT_MS));
        assertThat(await(table.asyncSortKeyCount(hk, TIMEOUT_MS))).isEqualTo(4);
        await(table.asyncDelRange(hk, b("k2"), b("k4"), new DelRangeOptions(), TIMEOUT_MS));
        assertThat(SyncTableOpsTest.keys(table.multiGet(hk, null, TIMEOUT_MS))).containsExactly("k4", "k5");
    }

    @Test
    void conditionalOps() throws Exception {
        byte[] hk = b("async-cond");
        var set = await(table.asyncCheckAndSet(
                hk,
                b("c"),
                CheckType.VALUE_NOT_EXIST,
                null,
                b("c"),
                b("10"),
                new CheckAndSetOptions(0, true),
                TIMEOUT_MS));
        assertThat(set.setSucceed()).isTrue();
        assertThat(set.checkValueExist()).isFalse();

        var mutated = await(table.asyncCheckAndMutate(
                hk,
                b("c"),
                CheckType.VALUE_INT_GREATER,
                b("5"),
                new Mutations().set(b("d"), b("x")),
                new CheckAndMutateOptions(true),
                TIMEOUT_MS));
        assertThat(mutated.mutateSucceed()).isTrue();
        assertThat(s(mutated.checkValue())).isEqualTo("10");
        assertThat(s(table.get(hk, b("d"), TIMEOUT_MS))).isEqualTo("x");

        var exchanged = await(table.asyncCompareExchange(hk, b("d"), b("x"), b("y"), 0, TIMEOUT_MS));
        assertThat(exchanged.setSucceed()).isTrue();
        var stale = await(table.asyncCompareExchange(hk, b("d"), b("x"), b("z"), 0, TIMEOUT_MS));
        assertThat(stale.setSucceed()).isFalse();
        assertThat(s(stale.actualValue())).isEqualTo("y");
    }
}
