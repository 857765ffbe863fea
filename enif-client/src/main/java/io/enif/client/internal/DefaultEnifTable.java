package io.enif.client.internal;

import io.enif.client.CheckAndMutateOptions;
import io.enif.client.CheckAndMutateResult;
import io.enif.client.CheckAndSetOptions;
import io.enif.client.CheckAndSetResult;
import io.enif.client.CheckType;
import io.enif.client.CompareExchangeResult;
import io.enif.client.DelRangeOptions;
import io.enif.client.EnifScanner;
import io.enif.client.EnifTable;
import io.enif.client.MultiGetOptions;
import io.enif.client.MultiGetResult;
import io.enif.client.MultiGetSortKeysResult;
import io.enif.client.Mutations;
import io.enif.client.ScanOptions;
import io.enif.client.SortKeyValue;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * {@link EnifTable} over {@link TableCalls}: sync forms wait on the internal future; async forms hand it to the
 * table's callback lane, and turn argument errors into a failed future. The batch calls are in {@link
 * TableBatchForms}.
 */
public final class DefaultEnifTable extends TableBatchForms {
    private final TableCalls calls;
    private final Scanners scanners;

    DefaultEnifTable(TableHandler handler, WriteLimits limits, Executor lane) {
        this(new TableCalls(handler, limits), handler, lane);
    }

    private DefaultEnifTable(TableCalls calls, TableHandler handler, Executor lane) {
        super(calls, lane);
        this.calls = calls;
        this.scanners = new Scanners(handler, lane);
    }

    @Override
    public String tableName() {
        return calls.handler().tableName();
    }

    @Override
    public int appId() {
        return calls.handler().routes().current().appId();
    }

    @Override
    public int partitionCount() {
        return calls.handler().routes().current().partitionCount();
    }

    @Override
    public byte[] get(byte[] hashKey, byte[] sortKey, int timeoutMillis) {
        return Futures.await(calls.get(hashKey, sortKey, timeoutMillis));
    }

    @Override
    public CompletableFuture<byte[]> asyncGet(byte[] hashKey, byte[] sortKey, int timeoutMillis) {
        return async(() -> calls.get(hashKey, sortKey, timeoutMillis));
    }

    @Override
    public void set(byte[] hashKey, byte[] sortKey, byte[] value, int ttlSeconds, int timeoutMillis) {
        Futures.await(calls.set(hashKey, sortKey, value, ttlSeconds, timeoutMillis));
    }

    @Override
    public void set(byte[] hashKey, byte[] sortKey, byte[] value, int timeoutMillis) {
        set(hashKey, sortKey, value, 0, timeoutMillis);
    }

    @Override
    public CompletableFuture<Void> asyncSet(
            byte[] hashKey, byte[] sortKey, byte[] value, int ttlSeconds, int timeoutMillis) {
        return async(() -> calls.set(hashKey, sortKey, value, ttlSeconds, timeoutMillis));
    }

    @Override
    public void del(byte[] hashKey, byte[] sortKey, int timeoutMillis) {
        Futures.await(calls.del(hashKey, sortKey, timeoutMillis));
    }

    @Override
    public CompletableFuture<Void> asyncDel(byte[] hashKey, byte[] sortKey, int timeoutMillis) {
        return async(() -> calls.del(hashKey, sortKey, timeoutMillis));
    }

    @Override
    public boolean exist(byte[] hashKey, byte[] sortKey, int timeoutMillis) {
        return Futures.await(calls.exist(hashKey, sortKey, timeoutMillis));
    }

    @Override
    public CompletableFuture<Boolean> asyncExist(byte[] hashKey, byte[] sortKey, int timeoutMillis) {
        return async(() -> calls.exist(hashKey, sortKey, timeoutMillis));
    }

    @Override
    public int ttl(byte[] hashKey, byte[] sortKey, int timeoutMillis) {
        return Futures.await(calls.ttl(hashKey, sortKey, timeoutMillis));
    }

    @Override
    public CompletableFuture<Integer> asyncTtl(byte[] hashKey, byte[] sortKey, int timeoutMillis) {
        return async(() -> calls.ttl(hashKey, sortKey, timeoutMillis));
    }

    @Override
    public long incr(byte[] hashKey, byte[] sortKey, long increment, int ttlSeconds, int timeoutMillis) {
        return Futures.await(calls.incr(hashKey, sortKey, increment, ttlSeconds, timeoutMillis));
    }

    @Override
    public long incr(byte[] hashKey, byte[] sortKey, long increment, int timeoutMillis) {
        return incr(hashKey, sortKey, increment, 0, timeoutMillis);
    }

    @Override
    public CompletableFuture<Long> asyncIncr(
            byte[] hashKey, byte[] sortKey, long increment, int ttlSeconds, int timeoutMillis) {
        return async(() -> calls.incr(hashKey, sortKey, increment, ttlSeconds, timeoutMillis));
    }

    @Override
    public MultiGetResult multiGet(
            byte[] hashKey, List<byte[]> sortKeys, int maxFetchCount, int maxFetchSize, int timeoutMillis) {
        return Futures.await(calls.multiGet(hashKey, sortKeys, maxFetchCount, maxFetchSize, timeoutMillis));
    }

    @Override
    public MultiGetResult multiGet(byte[] hashKey, List<byte[]> sortKeys, int timeoutMillis) {
        return multiGet(hashKey, sortKeys, DEFAULT_MAX_FETCH_COUNT, DEFAULT_MAX_FETCH_SIZE, timeoutMillis);
    }

    @Override
    public CompletableFuture<MultiGetResult> asyncMultiGet(
            byte[] hashKey, List<byte[]> sortKeys, int maxFetchCount, int maxFetchSize, int timeoutMillis) {
        return async(() -> calls.multiGet(hashKey, sortKeys, maxFetchCount, maxFetchSize, timeoutMillis));
    }

    @Override
    public MultiGetResult multiGet(
            byte[] hashKey,
            byte[] startSortKey,
            byte[] stopSortKey,
            MultiGetOptions options,
            int maxFetchCount,
            int maxFetchSize,
            int timeoutMillis) {
        return Futures.await(calls.multiGetRange(
                hashKey, startSortKey, stopSortKey, options, maxFetchCount, maxFetchSize, timeoutMillis));
    }

    @Override
    public CompletableFuture<MultiGetResult> asyncMultiGet(
            byte[] hashKey,
            byte[] startSortKey,
            byte[] stopSortKey,
            MultiGetOptions options,
            int maxFetchCount,
            int maxFetchSize,
            int timeoutMillis) {
        return async(() -> calls.multiGetRange(
                hashKey, startSortKey, stopSortKey, options, maxFetchCount, maxFetchSize, timeoutMillis));
    }

    @Override
    public MultiGetSortKeysResult multiGetSortKeys(
            byte[] hashKey, int maxFetchCount, int maxFetchSize, int timeoutMillis) {
        return Futures.await(calls.multiGetSortKeys(hashKey, maxFetchCount, maxFetchSize, timeoutMillis));
    }

    @Override
    public CompletableFuture<MultiGetSortKeysResult> asyncMultiGetSortKeys(
            byte[] hashKey, int maxFetchCount, int maxFetchSize, int timeoutMillis) {
        return async(() -> calls.multiGetSortKeys(hashKey, maxFetchCount, maxFetchSize, timeoutMillis));
    }

    @Override
    public void multiSet(byte[] hashKey, List<SortKeyValue> values, int ttlSeconds, int timeoutMillis) {
        Futures.await(calls.multiSet(hashKey, values, ttlSeconds, timeoutMillis));
    }

    @Override
    public CompletableFuture<Void> asyncMultiSet(
            byte[] hashKey, List<SortKeyValue> values, int ttlSeconds, int timeoutMillis) {
        return async(() -> calls.multiSet(hashKey, values, ttlSeconds, timeoutMillis));
    }

    @Override
    public void multiDel(byte[] hashKey, List<byte[]> sortKeys, int timeoutMillis) {
        Futures.await(calls.multiDel(hashKey, sortKeys, timeoutMillis));
    }

    @Override
    public CompletableFuture<Void> asyncMultiDel(byte[] hashKey, List<byte[]> sortKeys, int timeoutMillis) {
        return async(() -> calls.multiDel(hashKey, sortKeys, timeoutMillis));
    }

    @Override
    public void delRange(
            byte[] hashKey, byte[] startSortKey, byte[] stopSortKey, DelRangeOptions options, int timeoutMillis) {
        Futures.await(DelRangeCall.run(calls, scanners, hashKey, startSortKey, stopSortKey, options, timeoutMillis));
    }

    @Override
    public CompletableFuture<Void> asyncDelRange(
            byte[] hashKey, byte[] startSortKey, byte[] stopSortKey, DelRangeOptions options, int timeoutMillis) {
        return async(
                () -> DelRangeCall.run(calls, scanners, hashKey, startSortKey, stopSortKey, options, timeoutMillis));
    }

    @Override
    public long sortKeyCount(byte[] hashKey, int timeoutMillis) {
        return Futures.await(calls.sortKeyCount(hashKey, timeoutMillis));
    }

    @Override
    public CompletableFuture<Long> asyncSortKeyCount(byte[] hashKey, int timeoutMillis) {
        return async(() -> calls.sortKeyCount(hashKey, timeoutMillis));
    }

    @Override
    public CheckAndSetResult checkAndSet(
            byte[] hashKey,
            byte[] checkSortKey,
            CheckType checkType,
            byte[] checkOperand,
            byte[] setSortKey,
            byte[] setValue,
            CheckAndSetOptions options,
            int timeoutMillis) {
        return Futures.await(calls.checkAndSet(
                hashKey, checkSortKey, checkType, checkOperand, setSortKey, setValue, options, timeoutMillis));
    }

    @Override
    public CompletableFuture<CheckAndSetResult> asyncCheckAndSet(
            byte[] hashKey,
            byte[] checkSortKey,
            CheckType checkType,
            byte[] checkOperand,
            byte[] setSortKey,
            byte[] setValue,
            CheckAndSetOptions options,
            int timeoutMillis) {
        return async(() -> calls.checkAndSet(
                hashKey, checkSortKey, checkType, checkOperand, setSortKey, setValue, options, timeoutMillis));
    }

    @Override
    public CheckAndMutateResult checkAndMutate(
            byte[] hashKey,
            byte[] checkSortKey,
            CheckType checkType,
            byte[] checkOperand,
            Mutations mutations,
            CheckAndMutateOptions options,
            int timeoutMillis) {
        return Futures.await(calls.checkAndMutate(
                hashKey, checkSortKey, checkType, checkOperand, mutations, options, timeoutMillis));
    }

    @Override
    public CompletableFuture<CheckAndMutateResult> asyncCheckAndMutate(
            byte[] hashKey,
            byte[] checkSortKey,
            CheckType checkType,
            byte[] checkOperand,
            Mutations mutations,
            CheckAndMutateOptions options,
            int timeoutMillis) {
        return async(() -> calls.checkAndMutate(
                hashKey, checkSortKey, checkType, checkOperand, mutations, options, timeoutMillis));
    }

    @Override
    public CompareExchangeResult compareExchange(
            byte[] hashKey, byte[] sortKey, byte[] expected, byte[] desired, int ttlSeconds, int timeoutMillis) {
        return Futures.await(calls.compareExchange(hashKey, sortKey, expected, desired, ttlSeconds, timeoutMillis));
    }

    @Override
    public CompletableFuture<CompareExchangeResult> asyncCompareExchange(
            byte[] hashKey, byte[] sortKey, byte[] expected, byte[] desired, int ttlSeconds, int timeoutMillis) {
        return async(() -> calls.compareExchange(hashKey, sortKey, expected, desired, ttlSeconds, timeoutMillis));
    }

    @Override
    public EnifScanner getScanner(byte[] hashKey, byte[] startSortKey, byte[] stopSortKey, ScanOptions options) {
        return scanners.ordered(hashKey, startSortKey, stopSortKey, options);
    }

    @Override
    public List<EnifScanner> getUnorderedScanners(int maxSplitCount, ScanOptions options) {
        return List.copyOf(scanners.unordered(maxSplitCount, options));
    }
}
