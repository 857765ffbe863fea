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

/**
 * The batch calls: independent requests sent in parallel, each with its own outcome, never atomic as a whole.
 * batchGet sends one {@code RPC_RRDB_RRDB_BATCH_GET} per partition (keys with an empty hash key, which batch_get
 * cannot route, go as single gets); batchSet and batchDel send one put or remove per item. The plain forms are
 * {@link BatchResults#valuesOrFirstFailure} or {@link BatchResults#allOrFirstFailure} over these.
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
                perKey.get(i).completeExceptionally(Checks.invalid("batchGet", "an item of the list is null"));
                continue;
            }
            try {
                byte[] hashKey = Checks.hashKey("batchGet", key.hashKey());
                if (hashKey.length == 0) {
                    BatchResults.forward(calls.get(hashKey, key.sortKey(), timeoutMillis), perKey.get(i));
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
        return BatchResults.collect(perKey);
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

    CompletableFuture<List<ItemResult<Void>>> batchSet2(List<SetItem> items, int timeoutMillis) {
        List<SetItem> list = Checks.notNull("batchSet", "items", items);
        List<CompletableFuture<Void>> perItem = new ArrayList<>(list.size());
        for (SetItem item : list) {
            perItem.add(BatchResults.item(
                    "batchSet",
                    item,
                    i -> calls.set(i.hashKey(), i.sortKey(), i.value(), i.ttlSeconds(), timeoutMillis)));
        }
        return BatchResults.collect(perItem);
    }

    CompletableFuture<List<ItemResult<Void>>> batchDel2(List<FullKey> keys, int timeoutMillis) {
        List<FullKey> list = Checks.notNull("batchDel", "keys", keys);
        List<CompletableFuture<Void>> perKey = new ArrayList<>(list.size());
        for (FullKey key : list) {
            perKey.add(BatchResults.item("batchDel", key, k -> calls.del(k.hashKey(), k.sortKey(), timeoutMillis)));
        }
        return BatchResults.collect(perKey);
    }
}
