package io.enif.client.internal;

import io.enif.client.DelRangeOptions;
import io.enif.client.EnifTimeoutException;
import io.enif.client.ScanOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * delRange: a keys-only hash-key scan, deleting what it finds with multiDel in batches of {@value #BATCH}, all within
 * one deadline. Not atomic. When it fails, the options' {@code nextSortKey} is where to resume: the first key of the
 * batch not confirmed deleted (or, when the scan itself failed between batches, the start key if nothing was deleted
 * yet, else the last key deleted).
 */
final class DelRangeCall {
    static final int BATCH = 100;

    private final TableCalls calls;
    private final DefaultEnifScanner scanner;
    private final byte[] hashKey;
    private final byte[] startSortKey;
    private final DelRangeOptions options;
    private final long timeoutMillis;
    private final long deadlineNanos;
    private final CompletableFuture<Void> result = new CompletableFuture<>();
    private List<byte[]> pending = new ArrayList<>();
    private byte[] lastDeleted;

    private DelRangeCall(
            TableCalls calls,
            Scanners scanners,
            byte[] hashKey,
            byte[] startSortKey,
            byte[] stopSortKey,
            DelRangeOptions options,
            long timeoutMillis) {
        this.calls = calls;
        this.hashKey = hashKey;
        this.startSortKey = Checks.orEmpty(startSortKey);
        this.options = options;
        this.timeoutMillis = timeoutMillis;
        this.deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        ScanOptions scan = ScanOptions.defaults()
                .withTimeoutMillis((int) Math.min(Integer.MAX_VALUE, timeoutMillis))
                .withBatchSize(BATCH)
                .withNoValue(true)
                .withInclusive(options.startInclusive(), options.stopInclusive())
                .withSortKeyFilter(options.sortKeyFilterType(), options.sortKeyFilterPattern());
        this.scanner = scanners.ordered(hashKey, startSortKey, stopSortKey, scan);
    }

    /** Runs a delRange; checks its arguments at once. */
    static CompletableFuture<Void> run(
            TableCalls calls,
            Scanners scanners,
            byte[] hashKey,
            byte[] startSortKey,
            byte[] stopSortKey,
            DelRangeOptions options,
            int timeoutMillis) {
        byte[] hk = Checks.nonEmptyHashKey("delRange", hashKey);
        DelRangeOptions o = options == null ? new DelRangeOptions() : options;
        o.nextSortKey(null);
        long timeout = calls.handler().timeoutOf(timeoutMillis);
        DelRangeCall call = new DelRangeCall(calls, scanners, hk, startSortKey, stopSortKey, o, timeout);
        call.nextBatch();
        return call.result;
    }

    private long remainingMillis() {
        return TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
    }

    private void nextBatch() {
        pending = new ArrayList<>();
        collect().whenComplete((ignored, failure) -> {
            if (failure != null) {
                fail(failure);
            } else if (pending.isEmpty()) {
                finish();
            } else if (remainingMillis() <= 0) {
                fail(timeout());
            } else {
                calls.multiDel(hashKey, pending, (int) remainingMillis()).whenComplete((done, error) -> {
                    if (error != null) {
                        fail(error);
                        return;
                    }
                    lastDeleted = pending.get(pending.size() - 1);
                    if (pending.size() < BATCH) {
                        pending = new ArrayList<>();
                        finish();
                    } else {
                        nextBatch();
                    }
                });
            }
        });
    }

    /** Fills {@link #pending} with up to {@link #BATCH} sort keys from the scanner. */
    private CompletableFuture<Void> collect() {
        if (remainingMillis() <= 0) {
            return Futures.failed(timeout());
        }
        return scanner.internalNext().thenCompose(record -> {
            if (record == null) {
                return CompletableFuture.completedFuture(null);
            }
            pending.add(record.sortKey());
            return pending.size() >= BATCH ? CompletableFuture.completedFuture(null) : collect();
        });
    }

    private void finish() {
        scanner.close();
        result.complete(null);
    }

    private void fail(Throwable failure) {
        byte[] resumeAt = !pending.isEmpty() ? pending.get(0) : lastDeleted == null ? startSortKey : lastDeleted;
        options.nextSortKey(resumeAt);
        scanner.close();
        result.completeExceptionally(Futures.asClientException(failure));
    }

    private EnifTimeoutException timeout() {
        return new EnifTimeoutException(
                "delRange on table " + calls.handler().tableName() + " timed out after " + timeoutMillis + " ms", null);
    }
}
