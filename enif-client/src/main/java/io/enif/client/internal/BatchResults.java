package io.enif.client.internal;

import io.enif.client.EnifClientException;
import io.enif.client.ItemResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What every batch call shares: one future per item turned into per-item {@link ItemResult}s (the {@code …2} forms),
 * and those turned into "all values or the first failure" (the plain forms).
 */
final class BatchResults {
    private BatchResults() {}

    /** Each item's outcome in order, once every item has completed; never fails as a whole. */
    static <T> CompletableFuture<List<ItemResult<T>>> collect(List<CompletableFuture<T>> futures) {
        List<CompletableFuture<ItemResult<T>>> items = new ArrayList<>(futures.size());
        for (CompletableFuture<T> future : futures) {
            items.add(future.handle((value, failure) -> failure == null
                    ? new ItemResult<>(value, null)
                    : new ItemResult<>(null, Futures.asClientException(failure))));
        }
        return CompletableFuture.allOf(items.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            List<ItemResult<T>> results = new ArrayList<>(items.size());
            for (CompletableFuture<ItemResult<T>> item : items) {
                results.add(item.join());
            }
            return results;
        });
    }

    /** The items' values in order; fails with the first failing item's exception. */
    static <T> CompletableFuture<List<T>> valuesOrFirstFailure(CompletableFuture<List<ItemResult<T>>> results) {
        return results.thenApply(BatchResults::values);
    }

    /** Waits for every item; the first failing item, if any, fails the whole. */
    static <T> CompletableFuture<Void> allOrFirstFailure(CompletableFuture<List<ItemResult<T>>> results) {
        return results.thenApply(list -> {
            values(list);
            return null;
        });
    }

    private static <T> List<T> values(List<ItemResult<T>> results) {
        List<T> values = new ArrayList<>(results.size());
        for (ItemResult<T> result : results) {
            if (!result.isOk()) {
                throw result.error();
            }
            values.add(result.value());
        }
        return values;
    }

    /**
     * One item's call: a failed future when the item is null or the call's argument checks throw, so a bad item fails
     * only itself.
     */
    static <I, T> CompletableFuture<T> item(String op, I item, Function<I, CompletableFuture<T>> call) {
        if (item == null) {
            return Futures.failed(Checks.invalid(op, "an item of the list is null"));
        }
        return guard(() -> call.apply(item));
    }

    /** A call's future, or a failed one when its argument checks throw. */
    static <T> CompletableFuture<T> guard(Supplier<CompletableFuture<T>> call) {
        try {
            return call.get();
        } catch (EnifClientException e) {
            return Futures.failed(e);
        }
    }

    /** Completes {@code to} as {@code from} completes, failures as client exceptions. */
    static <T> void forward(CompletableFuture<T> from, CompletableFuture<T> to) {
        from.whenComplete((value, failure) -> {
            if (failure != null) {
                to.completeExceptionally(Futures.asClientException(failure));
            } else {
                to.complete(value);
            }
        });
    }
}
