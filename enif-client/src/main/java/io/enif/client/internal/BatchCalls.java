package io.enif.client.internal;

import io.enif.client.EnifClientException;
import io.enif.client.FullKey;
import io.enif.client.ItemResult;
import io.enif.client.ScanRecord;
import io.enif.client.SetItem;
import io.enif.client.ops.BatchGetOp;
import io.enif.client.ops.Target;
import io.enif.proto.key.KeyCodec;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The batch calls: independent requests sent in parallel, each with its own outcome, never atomic as a whole.
 * batchGet sends one {@code RPC_RRDB_RRDB_BATCH_GET} per partition (keys with an empty hash key, which batch_get
 * cannot route, go as single gets); batchSet and batchDel send one put or remove per item.
 */
final class BatchCalls {
    private final TableCalls calls;

    BatchCalls(TableCalls calls) {
        this.calls = calls;
    }

    /** Each key's value (null when absent) or failure, in the order of {@code keys}; never fails as a whole. */
    CompletableFuture<List<ItemResult<byte[]>>> batchGet2(List<FullKey> keys, int timeoutMillis) {
        List<FullKey> list = Checks.notNull("batchGet", "keys", keys);
        List<CompletableFuture<byte[]>> perKey = new ArrayList<>(list.size());
        Map<Integer, List<Integer>> byPartition = new LinkedHashMap<>();
        int partitionCount = calls.handler().routes().current().partitionCount();
        for (int i = 0; i < list.size(); i++) {
            perKey.add(new CompletableFuture<>());
            FullKey key = list.get(i);
            if (key == null) {
                perKey.get(i).completeExceptionally(Checks.invalid("batchGet", "a key of the list is null"));
                continue;
            }
            try {
                byte[] hashKey = Checks.hashKey("batchGet", key.hashKey());
                if (hashKey.length == 0) {
                    forward(calls.get(hashKey, key.sortKey(), timeoutMillis), perKey.get(i));
                } else {
                    byPartition
                            .computeIfAbsent(
                                    Target.ofHashKey(hashKey).partitionIndex(partitionCount), p -> new ArrayList<>())
                            .add(i);
                }
            } catch (EnifClientException e) {
                perKey.get(i).completeExceptionally(e);
            }
        }
        for (List<Integer> indexes : byPartition.values()) {
            sendBatchGet(list, indexes, perKey, timeoutMillis);
        }
        return collect(perKey);
    }

    private void sendBatchGet(
            List<FullKey> keys, List<Integer> indexes, List<CompletableFuture<byte[]>> perKey, int timeoutMillis) {
        List<FullKey> group = new ArrayList<>(indexes.size());
        for (int i : indexes) {
            FullKey key = keys.get(i);
            group.add(new FullKey(key.hashKey(), Checks.orEmpty(key.sortKey())));
        }
        Target target = Target.ofHashKey(group.get(0).hashKey());
        calls.handler().execute(new BatchGetOp(target, group), timeoutMillis).whenComplete((found, failure) -> {
            Map<ByteBuffer, byte[]> values = new HashMap<>();
            if (found != null) {
                for (ScanRecord record : found) {
                    values.put(ByteBuffer.wrap(KeyCodec.encode(record.hashKey(), record.sortKey())), record.value());
                }
            }
            for (int j = 0; j < indexes.size(); j++) {
                CompletableFuture<byte[]> slot = perKey.get(indexes.get(j));
                if (failure != null) {
                    slot.completeExceptionally(Futures.asClientException(failure));
                } else {
                    FullKey key = group.get(j);
                    slot.complete(values.get(ByteBuffer.wrap(KeyCodec.encode(key.hashKey(), key.sortKey()))));
                }
            }
        });
    }

    /** The values of {@code keys} in order; fails with the first failure. */
    CompletableFuture<List<byte[]>> batchGet(List<FullKey> keys, int timeoutMillis) {
        return batchGet2(keys, timeoutMillis).thenApply(BatchCalls::valuesOrFirstFailure);
    }

    CompletableFuture<List<ItemResult<Void>>> batchSet2(List<SetItem> items, int timeoutMillis) {
        List<SetItem> list = Checks.notNull("batchSet", "items", items);
        List<CompletableFuture<Void>> perItem = new ArrayList<>(list.size());
        for (SetItem item : list) {
            perItem.add(guard(() -> item == null
                    ? Futures.failed(Checks.invalid("batchSet", "an item of the list is null"))
                    : calls.set(item.hashKey(), item.sortKey(), item.value(), item.ttlSeconds(), timeoutMillis)));
        }
        return collect(perItem);
    }

    CompletableFuture<List<ItemResult<Void>>> batchDel2(List<FullKey> keys, int timeoutMillis) {
        List<FullKey> list = Checks.notNull("batchDel", "keys", keys);
        List<CompletableFuture<Void>> perKey = new ArrayList<>(list.size());
        for (FullKey key : list) {
            perKey.add(guard(() -> key == null
                    ? Futures.failed(Checks.invalid("batchDel", "a key of the list is null"))
                    : calls.del(key.hashKey(), key.sortKey(), timeoutMillis)));
        }
        return collect(perKey);
    }

    /** Waits for every item; the first failure, if any, fails the whole. */
    static <T> CompletableFuture<Void> allOrFirstFailure(CompletableFuture<List<ItemResult<T>>> results) {
        return results.thenApply(list -> {
            valuesOrFirstFailure(list);
            return null;
        });
    }

    private static <T> List<T> valuesOrFirstFailure(List<ItemResult<T>> results) {
        List<T> values = new ArrayList<>(results.size());
        for (ItemResult<T> result : results) {
            if (!result.isOk()) {
                throw result.error();
            }
            values.add(result.value());
        }
        return values;
    }

    /** A call's future, or a failed one when its argument checks throw. */
    private static <T> CompletableFuture<T> guard(Supplier<CompletableFuture<T>> call) {
        try {
            return call.get();
        } catch (EnifClientException e) {
            return Futures.failed(e);
        }
    }

    private static <T> void forward(CompletableFuture<T> from, CompletableFuture<T> to) {
        from.whenComplete((value, failure) -> {
            if (failure != null) {
                to.completeExceptionally(Futures.asClientException(failure));
            } else {
                to.complete(value);
            }
        });
    }

    private static <T> CompletableFuture<List<ItemResult<T>>> collect(List<CompletableFuture<T>> futures) {
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
}
