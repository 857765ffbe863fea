package io.enif.client.internal;

import io.enif.client.EnifClientException;
import io.enif.client.EnifTable;
import io.enif.client.FullKey;
import io.enif.client.HashKeyData;
import io.enif.client.HashKeySortKeys;
import io.enif.client.ItemResult;
import io.enif.client.SetItem;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The batch calls of {@link EnifTable} in their public forms, over {@link BatchCalls} and {@link MultiBatchCalls}:
 * sync forms wait on the internal future, async forms complete on the table's callback lane. Kept apart from {@link
 * DefaultEnifTable} only to keep each file small.
 */
abstract class TableBatchForms implements EnifTable {
    private final Executor lane;
    private final BatchCalls batches;
    private final MultiBatchCalls multiBatches;

    TableBatchForms(TableCalls calls, Executor lane) {
        this.lane = lane;
        this.batches = new BatchCalls(calls);
        this.multiBatches = new MultiBatchCalls(calls);
    }

    /** An internal future handed to the callback lane; argument errors become a failed future. */
    final <T> CompletableFuture<T> async(Supplier<CompletableFuture<T>> call) {
        try {
            return CallbackLanes.on(lane, call.get());
        } catch (EnifClientException e) {
            return CallbackLanes.on(lane, Futures.failed(e));
        }
    }

    // ---- single keys ----

    @Override
    public final List<byte[]> batchGet(List<FullKey> keys, int timeoutMillis) {
        return Futures.await(BatchResults.valuesOrFirstFailure(batches.batchGet2(keys, timeoutMillis)));
    }

    @Override
    public final CompletableFuture<List<byte[]>> asyncBatchGet(List<FullKey> keys, int timeoutMillis) {
        return async(() -> BatchResults.valuesOrFirstFailure(batches.batchGet2(keys, timeoutMillis)));
    }

    @Override
    public final List<ItemResult<byte[]>> batchGet2(List<FullKey> keys, int timeoutMillis) {
        return Futures.await(batches.batchGet2(keys, timeoutMillis));
    }

    @Override
    public final CompletableFuture<List<ItemResult<byte[]>>> asyncBatchGet2(List<FullKey> keys, int timeoutMillis) {
        return async(() -> batches.batchGet2(keys, timeoutMillis));
    }

    @Override
    public final void batchSet(List<SetItem> items, int timeoutMillis) {
        Futures.await(BatchResults.allOrFirstFailure(batches.batchSet2(items, timeoutMillis)));
    }

    @Override
    public final CompletableFuture<Void> asyncBatchSet(List<SetItem> items, int timeoutMillis) {
        return async(() -> BatchResults.allOrFirstFailure(batches.batchSet2(items, timeoutMillis)));
    }

    @Override
    public final List<ItemResult<Void>> batchSet2(List<SetItem> items, int timeoutMillis) {
        return Futures.await(batches.batchSet2(items, timeoutMillis));
    }

    @Override
    public final CompletableFuture<List<ItemResult<Void>>> asyncBatchSet2(List<SetItem> items, int timeoutMillis) {
        return async(() -> batches.batchSet2(items, timeoutMillis));
    }

    @Override
    public final void batchDel(List<FullKey> keys, int timeoutMillis) {
        Futures.await(BatchResults.allOrFirstFailure(batches.batchDel2(keys, timeoutMillis)));
    }

    @Override
    public final CompletableFuture<Void> asyncBatchDel(List<FullKey> keys, int timeoutMillis) {
        return async(() -> BatchResults.allOrFirstFailure(batches.batchDel2(keys, timeoutMillis)));
    }

    @Override
    public final List<ItemResult<Void>> batchDel2(List<FullKey> keys, int timeoutMillis) {
        return Futures.await(batches.batchDel2(keys, timeoutMillis));
    }

    @Override
    public final CompletableFuture<List<ItemResult<Void>>> asyncBatchDel2(List<FullKey> keys, int timeoutMillis) {
        return async(() -> batches.batchDel2(keys, timeoutMillis));
    }

    // ---- whole hash keys ----

    @Override
    public final List<HashKeyData> batchMultiGet(List<HashKeySortKeys> keys, int timeoutMillis) {
        return Futures.await(BatchResults.valuesOrFirstFailure(multiBatches.batchMultiGet2(keys, timeoutMillis)));
    }

    @Override
    public final CompletableFuture<List<HashKeyData>> asyncBatchMultiGet(
            List<HashKeySortKeys> keys, int timeoutMillis) {
        return async(() -> BatchResults.valuesOrFirstFailure(multiBatches.batchMultiGet2(keys, timeoutMillis)));
    }

    @Override
    public final List<ItemResult<HashKeyData>> batchMultiGet2(List<HashKeySortKeys> keys, int timeoutMillis) {
        return Futures.await(multiBatches.batchMultiGet2(keys, timeoutMillis));
    }

    @Override
    public final CompletableFuture<List<ItemResult<HashKeyData>>> asyncBatchMultiGet2(
            List<HashKeySortKeys> keys, int timeoutMillis) {
        return async(() -> multiBatches.batchMultiGet2(keys, timeoutMillis));
    }

    @Override
    public final void batchMultiSet(List<HashKeyData> items, int ttlSeconds, int timeoutMillis) {
        Futures.await(BatchResults.allOrFirstFailure(multiBatches.batchMultiSet2(items, ttlSeconds, timeoutMillis)));
    }

    @Override
    public final CompletableFuture<Void> asyncBatchMultiSet(
            List<HashKeyData> items, int ttlSeconds, int timeoutMillis) {
        return async(
                () -> BatchResults.allOrFirstFailure(multiBatches.batchMultiSet2(items, ttlSeconds, timeoutMillis)));
    }

    @Override
    public final List<ItemResult<Void>> batchMultiSet2(List<HashKeyData> items, int ttlSeconds, int timeoutMillis) {
        return Futures.await(multiBatches.batchMultiSet2(items, ttlSeconds, timeoutMillis));
    }

    @Override
    public final CompletableFuture<List<ItemResult<Void>>> asyncBatchMultiSet2(
            List<HashKeyData> items, int ttlSeconds, int timeoutMillis) {
        return async(() -> multiBatches.batchMultiSet2(items, ttlSeconds, timeoutMillis));
    }

    @Override
    public final void batchMultiDel(List<HashKeySortKeys> keys, int timeoutMillis) {
        Futures.await(BatchResults.allOrFirstFailure(multiBatches.batchMultiDel2(keys, timeoutMillis)));
    }

    @Override
    public final CompletableFuture<Void> asyncBatchMultiDel(List<HashKeySortKeys> keys, int timeoutMillis) {
        return async(() -> BatchResults.allOrFirstFailure(multiBatches.batchMultiDel2(keys, timeoutMillis)));
    }

    @Override
    public final List<ItemResult<Void>> batchMultiDel2(List<HashKeySortKeys> keys, int timeoutMillis) {
        return Futures.await(multiBatches.batchMultiDel2(keys, timeoutMillis));
    }

    @Override
    public final CompletableFuture<List<ItemResult<Void>>> asyncBatchMultiDel2(
            List<HashKeySortKeys> keys, int timeoutMillis) {
        return async(() -> multiBatches.batchMultiDel2(keys, timeoutMillis));
    }
}
