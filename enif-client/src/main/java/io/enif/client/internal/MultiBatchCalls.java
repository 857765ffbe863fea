package io.enif.client.internal;

import io.enif.client.EnifTable;
import io.enif.client.HashKeyData;
import io.enif.client.HashKeySortKeys;
import io.enif.client.ItemResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The batch calls over whole hash keys: one multiGet, multiSet or multiDel per item, sent in parallel through {@link
 * TableCalls} (so each item has that call's checks, routing and retry rules), each with its own outcome. Each item is
 * atomic on its own hash key; the batch as a whole is not. The plain forms are {@link
 * BatchResults#valuesOrFirstFailure} or {@link BatchResults#allOrFirstFailure} over these.
 */
final class MultiBatchCalls {
    private final TableCalls calls;

    MultiBatchCalls(TableCalls calls) {
        this.calls = calls;
    }

    /** Each hash key's rows (multiGet's default limits) or failure, in the order of {@code keys}. */
    CompletableFuture<List<ItemResult<HashKeyData>>> batchMultiGet2(List<HashKeySortKeys> keys, int timeoutMillis) {
        return each(
                "batchMultiGet",
                keys,
                key -> calls.multiGet(
                                key.hashKey(),
                                key.sortKeys(),
                                EnifTable.DEFAULT_MAX_FETCH_COUNT,
                                EnifTable.DEFAULT_MAX_FETCH_SIZE,
                                timeoutMillis)
                        .thenApply(result -> new HashKeyData(key.hashKey(), result.values(), result.allFetched())));
    }

    /** Each item's multiSet outcome, in the order of {@code items}. */
    CompletableFuture<List<ItemResult<Void>>> batchMultiSet2(
            List<HashKeyData> items, int ttlSeconds, int timeoutMillis) {
        return each(
                "batchMultiSet",
                items,
                item -> calls.multiSet(item.hashKey(), item.values(), ttlSeconds, timeoutMillis));
    }

    /** Each item's multiDel outcome, in the order of {@code keys}. */
    CompletableFuture<List<ItemResult<Void>>> batchMultiDel2(List<HashKeySortKeys> keys, int timeoutMillis) {
        return each("batchMultiDel", keys, key -> calls.multiDel(key.hashKey(), key.sortKeys(), timeoutMillis));
    }

    /** {@code call} on every item at once; a null item or one failing its checks fails only itself. */
    private static <I, T> CompletableFuture<List<ItemResult<T>>> each(
            String op, List<I> items, Function<I, CompletableFuture<T>> call) {
        List<I> list = Checks.notNull(op, "items", items);
        List<CompletableFuture<T>> perItem = new ArrayList<>(list.size());
        for (I item : list) {
            perItem.add(BatchResults.item(op, item, call));
        }
        return BatchResults.collect(perItem);
    }
}
