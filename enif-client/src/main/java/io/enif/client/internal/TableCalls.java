package io.enif.client.internal;

import io.enif.client.CheckAndMutateOptions;
import io.enif.client.CheckAndMutateResult;
import io.enif.client.CheckAndSetOptions;
import io.enif.client.CheckAndSetResult;
import io.enif.client.CheckType;
import io.enif.client.CompareExchangeResult;
import io.enif.client.MultiGetOptions;
import io.enif.client.MultiGetResult;
import io.enif.client.MultiGetSortKeysResult;
import io.enif.client.Mutations;
import io.enif.client.SortKeyValue;
import io.enif.client.ops.CheckAndMutateOp;
import io.enif.client.ops.CheckAndSetOp;
import io.enif.client.ops.GetOp;
import io.enif.client.ops.IncrOp;
import io.enif.client.ops.MultiGetOp;
import io.enif.client.ops.MultiPutOp;
import io.enif.client.ops.MultiRemoveOp;
import io.enif.client.ops.PutOp;
import io.enif.client.ops.RemoveOp;
import io.enif.client.ops.SortKeyCountOp;
import io.enif.client.ops.TtlOp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The data operations of one table as internal futures: checks the arguments (throwing {@link
 * io.enif.client.EnifInvalidArgumentException} at once), builds the op and hands it to the {@link TableHandler}.
 * The public sync and async forms are thin layers over these.
 */
final class TableCalls {
    private final TableHandler handler;
    private final WriteLimits limits;

    TableCalls(TableHandler handler, WriteLimits limits) {
        this.handler = handler;
        this.limits = limits;
    }

    TableHandler handler() {
        return handler;
    }

    CompletableFuture<byte[]> get(byte[] hashKey, byte[] sortKey, int timeoutMillis) {
        return handler.execute(new GetOp(Checks.key("get", hashKey, sortKey)), timeoutMillis);
    }

    CompletableFuture<Void> set(byte[] hashKey, byte[] sortKey, byte[] value, int ttlSeconds, int timeoutMillis) {
        byte[] key = Checks.key("set", hashKey, sortKey);
        Checks.value("set", value);
        Checks.ttl("set", ttlSeconds);
        limits.single("set", hashKey, sortKey, value);
        return handler.execute(new PutOp(key, value, ttlSeconds), timeoutMillis);
    }

    CompletableFuture<Void> del(byte[] hashKey, byte[] sortKey, int timeoutMillis) {
        return handler.execute(new RemoveOp(Checks.key("del", hashKey, sortKey)), timeoutMillis);
    }

    CompletableFuture<Integer> ttl(byte[] hashKey, byte[] sortKey, int timeoutMillis) {
        return handler.execute(new TtlOp(Checks.key("ttl", hashKey, sortKey)), timeoutMillis);
    }

    CompletableFuture<Boolean> exist(byte[] hashKey, byte[] sortKey, int timeoutMillis) {
        return handler.execute(new TtlOp(Checks.key("exist", hashKey, sortKey)), timeoutMillis)
                .thenApply(ttl -> ttl != TtlOp.NOT_FOUND);
    }

    CompletableFuture<Long> incr(byte[] hashKey, byte[] sortKey, long increment, int ttlSeconds, int timeoutMillis) {
        byte[] key = Checks.key("incr", hashKey, sortKey);
        if (ttlSeconds < -1) {
            throw Checks.invalid("incr", "ttl seconds must be >= -1 (-1 removes the TTL), got " + ttlSeconds);
        }
        return handler.execute(new IncrOp(key, increment, ttlSeconds), timeoutMillis);
    }

    CompletableFuture<MultiGetResult> multiGet(
            byte[] hashKey, List<byte[]> sortKeys, int maxFetchCount, int maxFetchSize, int timeoutMillis) {
        byte[] hk = Checks.nonEmptyHashKey("multiGet", hashKey);
        List<byte[]> keys = sortKeys == null ? List.of() : sortKeys;
        for (byte[] sortKey : keys) {
            Checks.notNull("multiGet", "a sort key of the list", sortKey);
        }
        return handler.execute(MultiGetOp.bySortKeys(hk, keys, maxFetchCount, maxFetchSize, false), timeoutMillis);
    }

    CompletableFuture<MultiGetResult> multiGetRange(
            byte[] hashKey,
            byte[] startSortKey,
            byte[] stopSortKey,
            MultiGetOptions options,
            int maxFetchCount,
            int maxFetchSize,
            int timeoutMillis) {
        byte[] hk = Checks.nonEmptyHashKey("multiGet", hashKey);
        MultiGetOptions o = options == null ? MultiGetOptions.defaults() : options;
        return handler.execute(
                MultiGetOp.range(
                        hk, Checks.orEmpty(startSortKey), Checks.orEmpty(stopSortKey), o, maxFetchCount, maxFetchSize),
                timeoutMillis);
    }

    CompletableFuture<MultiGetSortKeysResult> multiGetSortKeys(
            byte[] hashKey, int maxFetchCount, int maxFetchSize, int timeoutMillis) {
        byte[] hk = Checks.nonEmptyHashKey("multiGetSortKeys", hashKey);
        return handler.execute(MultiGetOp.bySortKeys(hk, List.of(), maxFetchCount, maxFetchSize, true), timeoutMillis)
                .thenApply(result -> {
                    List<byte[]> sortKeys = new ArrayList<>(result.values().size());
                    for (SortKeyValue row : result.values()) {
                        sortKeys.add(row.sortKey());
                    }
                    return new MultiGetSortKeysResult(result.allFetched(), sortKeys);
                });
    }

    CompletableFuture<Void> multiSet(byte[] hashKey, List<SortKeyValue> values, int ttlSeconds, int timeoutMillis) {
        byte[] hk = Checks.nonEmptyHashKey("multiSet", hashKey);
        Checks.nonEmpty("multiSet", "values", values);
        for (SortKeyValue value : values) {
            Checks.notNull("multiSet", "an entry", value);
            Checks.notNull("multiSet", "a sort key", value.sortKey());
            Checks.notNull("multiSet", "a value", value.value());
        }
        Checks.ttl("multiSet", ttlSeconds);
        limits.multi("multiSet", hk, values);
        return handler.execute(new MultiPutOp(hk, values, ttlSeconds), timeoutMillis);
    }

    CompletableFuture<Void> multiDel(byte[] hashKey, List<byte[]> sortKeys, int timeoutMillis) {
        byte[] hk = Checks.nonEmptyHashKey("multiDel", hashKey);
        Checks.nonEmpty("multiDel", "sort keys", sortKeys);
        for (byte[] sortKey : sortKeys) {
            Checks.notNull("multiDel", "a sort key of the list", sortKey);
        }
        return handler.execute(new MultiRemoveOp(hk, sortKeys), timeoutMillis).thenApply(count -> null);
    }

    CompletableFuture<Long> sortKeyCount(byte[] hashKey, int timeoutMillis) {
        return handler.execute(new SortKeyCountOp(Checks.nonEmptyHashKey("sortKeyCount", hashKey)), timeoutMillis);
    }

    CompletableFuture<CheckAndSetResult> checkAndSet(
            byte[] hashKey,
            byte[] checkSortKey,
            CheckType checkType,
            byte[] checkOperand,
            byte[] setSortKey,
            byte[] setValue,
            CheckAndSetOptions options,
            int timeoutMillis) {
        String op = "checkAndSet";
        byte[] hk = Checks.nonEmptyHashKey(op, hashKey);
        Checks.notNull(op, "check type", checkType);
        Checks.value(op, setValue);
        CheckAndSetOptions o = options == null ? CheckAndSetOptions.defaults() : options;
        Checks.ttl(op, o.setValueTtlSeconds());
        limits.single(op, hk, setSortKey, setValue);
        return handler.execute(
                new CheckAndSetOp(
                        hk,
                        Checks.orEmpty(checkSortKey),
                        checkType,
                        Checks.orEmpty(checkOperand),
                        Checks.orEmpty(setSortKey),
                        setValue,
                        o.setValueTtlSeconds(),
                        o.returnCheckValue()),
                timeoutMillis);
    }

    CompletableFuture<CheckAndMutateResult> checkAndMutate(
            byte[] hashKey,
            byte[] checkSortKey,
            CheckType checkType,
            byte[] checkOperand,
            Mutations mutations,
            CheckAndMutateOptions options,
            int timeoutMillis) {
        String op = "checkAndMutate";
        byte[] hk = Checks.nonEmptyHashKey(op, hashKey);
        Checks.notNull(op, "check type", checkType);
        if (mutations == null || mutations.isEmpty()) {
            throw Checks.invalid(op, "mutations must not be null or empty");
        }
        List<SortKeyValue> puts = new ArrayList<>();
        for (Mutations.Mutation m : mutations.list()) {
            Checks.notNull(op, "a mutation's sort key", m.sortKey());
            if (m.kind() == Mutations.Kind.PUT) {
                Checks.value(op, m.value());
                Checks.ttl(op, m.ttlSeconds());
                puts.add(new SortKeyValue(m.sortKey(), m.value()));
            }
        }
        limits.multi(op, hk, puts);
        CheckAndMutateOptions o = options == null ? CheckAndMutateOptions.defaults() : options;
        return handler.execute(
                new CheckAndMutateOp(
                        hk,
                        Checks.orEmpty(checkSortKey),
                        checkType,
                        Checks.orEmpty(checkOperand),
                        mutations,
                        o.returnCheckValue()),
                timeoutMillis);
    }

    CompletableFuture<CompareExchangeResult> compareExchange(
            byte[] hashKey, byte[] sortKey, byte[] expected, byte[] desired, int ttlSeconds, int timeoutMillis) {
        String op = "compareExchange";
        byte[] hk = Checks.nonEmptyHashKey(op, hashKey);
        byte[] sk = Checks.orEmpty(sortKey);
        Checks.value(op, desired);
        Checks.ttl(op, ttlSeconds);
        limits.single(op, hk, sk, desired);
        CheckAndSetOp cas = new CheckAndSetOp(
                hk, sk, CheckType.VALUE_BYTES_EQUAL, Checks.orEmpty(expected), sk, desired, ttlSeconds, true);
        return handler.execute(cas, timeoutMillis)
                .thenApply(r -> new CompareExchangeResult(
                        r.setSucceed(), r.setSucceed() || !r.checkValueExist() ? null : r.checkValue()));
    }
}
