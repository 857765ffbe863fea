package io.enif.client;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One table's data operations ({@code spec/client-and-shell.md} A.4), each in a sync form and an async form. Every
 * call takes {@code timeoutMillis}, the time the whole call may take including retries; {@code <= 0} means the
 * client's {@code operation_timeout}. Thread-safe.
 *
 * <p>Keys and values are raw bytes. Single-key operations treat a null hash or sort key as empty (records with an
 * empty hash key are placed by their sort key); operations on a whole hash key need a non-empty one. Checks made
 * before sending fail with {@link EnifInvalidArgumentException}. Sync forms throw {@link EnifClientException}s; async
 * forms complete exceptionally with the same exceptions, on a callback thread that is the same for every call of
 * this table (callbacks must not block).
 *
 * <p>Routing, route refresh and retries are the client's: idempotent calls are retried until their deadline when a
 * primary moved or a replica was briefly short of members. incr, checkAndSet, checkAndMutate and compareExchange are
 * retried only after errors that prove they were not applied; after a timeout or a lost connection they fail with
 * {@link EnifUnknownOutcomeException}.
 */
public interface EnifTable {
    /** multiGet's default {@code maxFetchCount}. */
    int DEFAULT_MAX_FETCH_COUNT = 100;

    /** multiGet's default {@code maxFetchSize}, bytes of keys and values. */
    int DEFAULT_MAX_FETCH_SIZE = 1_000_000;

    /** The table's name. */
    String tableName();

    /** The table's id. */
    int appId();

    /** The number of partitions. */
    int partitionCount();

    // ---- single key ----

    /** The value, or null when the record is absent or expired. */
    byte[] get(byte[] hashKey, byte[] sortKey, int timeoutMillis);

    CompletableFuture<byte[]> asyncGet(byte[] hashKey, byte[] sortKey, int timeoutMillis);

    /** Stores a value (not null) with a TTL in seconds (0 = none, never negative). */
    void set(byte[] hashKey, byte[] sortKey, byte[] value, int ttlSeconds, int timeoutMillis);

    /** Stores a value with no TTL. */
    void set(byte[] hashKey, byte[] sortKey, byte[] value, int timeoutMillis);

    CompletableFuture<Void> asyncSet(byte[] hashKey, byte[] sortKey, byte[] value, int ttlSeconds, int timeoutMillis);

    /** Deletes a record; deleting an absent one succeeds. */
    void del(byte[] hashKey, byte[] sortKey, int timeoutMillis);

    CompletableFuture<Void> asyncDel(byte[] hashKey, byte[] sortKey, int timeoutMillis);

    /** Whether a live record exists. */
    boolean exist(byte[] hashKey, byte[] sortKey, int timeoutMillis);

    CompletableFuture<Boolean> asyncExist(byte[] hashKey, byte[] sortKey, int timeoutMillis);

    /** The remaining TTL in seconds, -1 when the record has none, -2 when it does not exist. */
    int ttl(byte[] hashKey, byte[] sortKey, int timeoutMillis);

    CompletableFuture<Integer> asyncTtl(byte[] hashKey, byte[] sortKey, int timeoutMillis);

    /**
     * Adds {@code increment} to the decimal int64 stored under the key (an absent, expired or empty value counts as 0)
     * and returns the new value. {@code ttlSeconds}: 0 keeps the record's TTL, &gt; 0 sets one, -1 removes it.
     *
     * @throws EnifInvalidArgumentException when the stored value is not an int64 or the sum overflows
     * @throws EnifUnknownOutcomeException when the call may or may not have been applied
     */
    long incr(byte[] hashKey, byte[] sortKey, long increment, int ttlSeconds, int timeoutMillis);

    /** incr that keeps the record's TTL. */
    long incr(byte[] hashKey, byte[] sortKey, long increment, int timeoutMillis);

    CompletableFuture<Long> asyncIncr(
            byte[] hashKey, byte[] sortKey, long increment, int ttlSeconds, int timeoutMillis);

    // ---- one hash key ----

    /**
     * Reads the given sort keys of a hash key (all of them when {@code sortKeys} is null or empty), up to {@code
     * maxFetchCount} rows and {@code maxFetchSize} bytes ({@code <= 0}: only the server's caps apply). Absent keys are
     * left out.
     */
    MultiGetResult multiGet(
            byte[] hashKey, List<byte[]> sortKeys, int maxFetchCount, int maxFetchSize, int timeoutMillis);

    /** multiGet with the default limits (100 rows, 1,000,000 bytes). */
    MultiGetResult multiGet(byte[] hashKey, List<byte[]> sortKeys, int timeoutMillis);

    CompletableFuture<MultiGetResult> asyncMultiGet(
            byte[] hashKey, List<byte[]> sortKeys, int maxFetchCount, int maxFetchSize, int timeoutMillis);

    /**
     * Reads a sort-key range of a hash key: from {@code startSortKey} (null or empty: the first) to {@code
     * stopSortKey} (null or empty: the last), with the options' bounds, filter, order and value choice. An empty or
     * inverted range returns no rows.
     */
    MultiGetResult multiGet(
            byte[] hashKey,
            byte[] startSortKey,
            byte[] stopSortKey,
            MultiGetOptions options,
            int maxFetchCount,
            int maxFetchSize,
            int timeoutMillis);

    CompletableFuture<MultiGetResult> asyncMultiGet(
            byte[] hashKey,
            byte[] startSortKey,
            byte[] stopSortKey,
            MultiGetOptions options,
            int maxFetchCount,
            int maxFetchSize,
            int timeoutMillis);

    /** The sort keys of a hash key (multiGet without values). */
    MultiGetSortKeysResult multiGetSortKeys(byte[] hashKey, int maxFetchCount, int maxFetchSize, int timeoutMillis);

    CompletableFuture<MultiGetSortKeysResult> asyncMultiGetSortKeys(
            byte[] hashKey, int maxFetchCount, int maxFetchSize, int timeoutMillis);

    /** Stores several sort keys of one hash key atomically, all with the same TTL. */
    void multiSet(byte[] hashKey, List<SortKeyValue> values, int ttlSeconds, int timeoutMillis);

    CompletableFuture<Void> asyncMultiSet(byte[] hashKey, List<SortKeyValue> values, int ttlSeconds, int timeoutMillis);

    /** Deletes several sort keys (a non-empty list) of one hash key atomically. */
    void multiDel(byte[] hashKey, List<byte[]> sortKeys, int timeoutMillis);

    CompletableFuture<Void> asyncMultiDel(byte[] hashKey, List<byte[]> sortKeys, int timeoutMillis);

    /**
     * Deletes a sort-key range of a hash key (start inclusive and stop exclusive by default; null or empty stop: to
     * the end), in batches: not atomic. On failure {@link DelRangeOptions#nextSortKey()} is the first key not deleted.
     */
    void delRange(byte[] hashKey, byte[] startSortKey, byte[] stopSortKey, DelRangeOptions options, int timeoutMillis);

    CompletableFuture<Void> asyncDelRange(
            byte[] hashKey, byte[] startSortKey, byte[] stopSortKey, DelRangeOptions options, int timeoutMillis);

    /** The number of live sort keys of a hash key; -1 when the server gave up counting in time. */
    long sortKeyCount(byte[] hashKey, int timeoutMillis);

    CompletableFuture<Long> asyncSortKeyCount(byte[] hashKey, int timeoutMillis);

    // ---- conditional writes (not idempotent) ----

    /**
     * Sets {@code setSortKey} to {@code setValue} if the check on {@code checkSortKey} passes (the two may be the
     * same), atomically.
     */
    CheckAndSetResult checkAndSet(
            byte[] hashKey,
            byte[] checkSortKey,
            CheckType checkType,
            byte[] checkOperand,
            byte[] setSortKey,
            byte[] setValue,
            CheckAndSetOptions options,
            int timeoutMillis);

    CompletableFuture<CheckAndSetResult> asyncCheckAndSet(
            byte[] hashKey,
            byte[] checkSortKey,
            CheckType checkType,
            byte[] checkOperand,
            byte[] setSortKey,
            byte[] setValue,
            CheckAndSetOptions options,
            int timeoutMillis);

    /** Applies {@code mutations} (not empty) if the check on {@code checkSortKey} passes, atomically. */
    CheckAndMutateResult checkAndMutate(
            byte[] hashKey,
            byte[] checkSortKey,
            CheckType checkType,
            byte[] checkOperand,
            Mutations mutations,
            CheckAndMutateOptions options,
            int timeoutMillis);

    CompletableFuture<CheckAndMutateResult> asyncCheckAndMutate(
            byte[] hashKey,
            byte[] checkSortKey,
            CheckType checkType,
            byte[] checkOperand,
            Mutations mutations,
            CheckAndMutateOptions options,
            int timeoutMillis);

    /** Replaces the value with {@code desired} if it equals {@code expected}; an absent key never matches. */
    CompareExchangeResult compareExchange(
            byte[] hashKey, byte[] sortKey, byte[] expected, byte[] desired, int ttlSeconds, int timeoutMillis);

    CompletableFuture<CompareExchangeResult> asyncCompareExchange(
            byte[] hashKey, byte[] sortKey, byte[] expected, byte[] desired, int ttlSeconds, int timeoutMillis);

    // ---- batches: independent calls sent in parallel, never atomic as a whole ----
    //
    // The plain forms wait for every item and then fail with the first failing item's exception (in list order);
    // some items may have been applied. The ...2 forms never fail as a whole: each item gets its own ItemResult, in
    // the order of the input, and ItemResult.successCount counts the successes. A null item fails only that item.
    // Each item is the matching single call (batchGet groups keys into one batch_get per partition), with that
    // call's checks, routing and retries, and the whole timeout each.

    /** The values of {@code keys}, in order (null for an absent key); fails on the first failure. */
    List<byte[]> batchGet(List<FullKey> keys, int timeoutMillis);

    CompletableFuture<List<byte[]>> asyncBatchGet(List<FullKey> keys, int timeoutMillis);

    /** As batchGet, with each key's own outcome. */
    List<ItemResult<byte[]>> batchGet2(List<FullKey> keys, int timeoutMillis);

    CompletableFuture<List<ItemResult<byte[]>>> asyncBatchGet2(List<FullKey> keys, int timeoutMillis);

    /** Stores every item; fails on the first failure (some items may be stored). */
    void batchSet(List<SetItem> items, int timeoutMillis);

    CompletableFuture<Void> asyncBatchSet(List<SetItem> items, int timeoutMillis);

    /** As batchSet, with each item's own outcome. */
    List<ItemResult<Void>> batchSet2(List<SetItem> items, int timeoutMillis);

    CompletableFuture<List<ItemResult<Void>>> asyncBatchSet2(List<SetItem> items, int timeoutMillis);

    /** Deletes every key; fails on the first failure (some keys may be deleted). */
    void batchDel(List<FullKey> keys, int timeoutMillis);

    CompletableFuture<Void> asyncBatchDel(List<FullKey> keys, int timeoutMillis);

    /** As batchDel, with each key's own outcome. */
    List<ItemResult<Void>> batchDel2(List<FullKey> keys, int timeoutMillis);

    CompletableFuture<List<ItemResult<Void>>> asyncBatchDel2(List<FullKey> keys, int timeoutMillis);

    /**
     * One multiGet per hash key with the default limits (100 rows, 1,000,000 bytes): each result, in order, holds
     * the rows found (all of the hash key's when its sort-key list is null or empty) and whether every row was
     * fetched. Fails on the first failure.
     */
    List<HashKeyData> batchMultiGet(List<HashKeySortKeys> keys, int timeoutMillis);

    CompletableFuture<List<HashKeyData>> asyncBatchMultiGet(List<HashKeySortKeys> keys, int timeoutMillis);

    /** As batchMultiGet, with each hash key's own outcome. */
    List<ItemResult<HashKeyData>> batchMultiGet2(List<HashKeySortKeys> keys, int timeoutMillis);

    CompletableFuture<List<ItemResult<HashKeyData>>> asyncBatchMultiGet2(List<HashKeySortKeys> keys, int timeoutMillis);

    /**
     * One multiSet per item (each atomic on its own hash key), all with the TTL {@code ttlSeconds}; fails on the first
     * failure (some items may be stored).
     */
    void batchMultiSet(List<HashKeyData> items, int ttlSeconds, int timeoutMillis);

    CompletableFuture<Void> asyncBatchMultiSet(List<HashKeyData> items, int ttlSeconds, int timeoutMillis);

    /** As batchMultiSet, with each item's own outcome. */
    List<ItemResult<Void>> batchMultiSet2(List<HashKeyData> items, int ttlSeconds, int timeoutMillis);

    CompletableFuture<List<ItemResult<Void>>> asyncBatchMultiSet2(
            List<HashKeyData> items, int ttlSeconds, int timeoutMillis);

    /**
     * One multiDel per item (each atomic on its own hash key; its sort-key list must not be empty); fails on the first
     * failure (some items may be deleted).
     */
    void batchMultiDel(List<HashKeySortKeys> keys, int timeoutMillis);

    CompletableFuture<Void> asyncBatchMultiDel(List<HashKeySortKeys> keys, int timeoutMillis);

    /** As batchMultiDel, with each item's own outcome. */
    List<ItemResult<Void>> batchMultiDel2(List<HashKeySortKeys> keys, int timeoutMillis);

    CompletableFuture<List<ItemResult<Void>>> asyncBatchMultiDel2(List<HashKeySortKeys> keys, int timeoutMillis);

    // ---- scanners ----

    /**
     * A scanner over one hash key (not empty) from {@code startSortKey} (null or empty: the first) to {@code
     * stopSortKey} (null or empty: the last), in ascending sort-key order.
     */
    EnifScanner getScanner(byte[] hashKey, byte[] startSortKey, byte[] stopSortKey, ScanOptions options);

    /**
     * Up to {@code maxSplitCount} (&gt; 0) scanners that together cover the whole table, each over whole partitions
     * (as evenly as possible), for parallel consumers. Order holds only within a hash key.
     */
    List<EnifScanner> getUnorderedScanners(int maxSplitCount, ScanOptions options);
}
