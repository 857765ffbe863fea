package io.enif.client.internal;

import io.enif.client.EnifClientException;
import io.enif.client.EnifScanner;
import io.enif.client.EnifServerException;
import io.enif.client.ScanOptions;
import io.enif.client.ScanRecord;
import io.enif.client.ops.ClearScannerOp;
import io.enif.client.ops.GetScannerOp;
import io.enif.client.ops.ScanBatch;
import io.enif.client.ops.ScanOp;
import io.enif.client.ops.Status;
import io.enif.client.ops.Target;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A scanner over a key range in one or more partitions, walked one partition after another ({@code
 * spec/protocol.md} §12). The state lives in fields touched only by the fetch chain: {@link #asyncNext()} calls are
 * chained, so one runs at a time, in order.
 *
 * <p>Per partition: {@code get_scanner} opens a context and returns the first batch; {@code scan} continues it until
 * the context id is -1. A lost context (status 1) is reopened just after the last key received; status 7 hands out
 * what came and then fails the scanner; any other status fails it for good. An RPC failure (after the handler's own
 * retries) fails only that call.
 */
final class DefaultEnifScanner implements EnifScanner {
    private static final long NOT_OPENED = -2;

    private final TableHandler handler;
    private final Executor lane;
    private final Deque<Target> partitions;
    private final byte[] startKey;
    private final byte[] stopKey;
    private final boolean startInclusive;
    private final boolean stopInclusive;
    private final ScanOptions options;
    private final Deque<ScanRecord> buffer = new ArrayDeque<>();
    private Target current;
    private long contextId = ScanBatch.COMPLETED;
    private byte[] lastKey;
    private boolean incomplete;
    private EnifClientException fatal;
    private volatile boolean closed;
    private CompletableFuture<ScanRecord> tail = CompletableFuture.completedFuture(null);
    private ScanRecord peeked;

    /**
     * @param partitions the partitions to walk, in order (empty: the scanner is empty)
     * @param startKey the encoded start key
     * @param stopKey the encoded stop key
     */
    DefaultEnifScanner(
            TableHandler handler,
            Executor lane,
            List<Target> partitions,
            byte[] startKey,
            boolean startInclusive,
            byte[] stopKey,
            boolean stopInclusive,
            ScanOptions options) {
        this.handler = handler;
        this.lane = lane;
        this.partitions = new ArrayDeque<>(partitions);
        this.startKey = startKey;
        this.stopKey = stopKey;
        this.startInclusive = startInclusive;
        this.stopInclusive = stopInclusive;
        this.options = options;
    }

    @Override
    public ScanRecord next() {
        synchronized (this) {
            if (peeked != null) {
                ScanRecord record = peeked;
                peeked = null;
                return record;
            }
        }
        return Futures.await(internalNext());
    }

    @Override
    public boolean hasNext() {
        synchronized (this) {
            if (peeked != null) {
                return true;
            }
        }
        ScanRecord record = Futures.await(internalNext());
        synchronized (this) {
            peeked = record;
        }
        return record != null;
    }

    @Override
    public CompletableFuture<ScanRecord> asyncNext() {
        synchronized (this) {
            if (peeked != null) {
                ScanRecord record = peeked;
                peeked = null;
                return CallbackLanes.on(lane, CompletableFuture.completedFuture(record));
            }
        }
        return CallbackLanes.on(lane, internalNext());
    }

    /** The next record, chained after every earlier call; completes on a network or timer thread. */
    synchronized CompletableFuture<ScanRecord> internalNext() {
        CompletableFuture<ScanRecord> next =
                tail.handle((ignored, failure) -> null).thenCompose(ignored -> fetch());
        tail = next;
        return next;
    }

    private CompletableFuture<ScanRecord> fetch() {
        if (closed) {
            return CompletableFuture.completedFuture(null);
        }
        if (fatal != null) {
            return Futures.failed(fatal);
        }
        if (!buffer.isEmpty()) {
            return CompletableFuture.completedFuture(buffer.poll());
        }
        if (contextId == ScanBatch.COMPLETED) {
            if (incomplete) {
                fatal = new EnifServerException(
                        Status.INCOMPLETE,
                        "scan of table " + handler.tableName() + " got an incomplete result from the server"
                                + " (it stopped early, e.g. its iteration time limit); scan again later");
                return Futures.failed(fatal);
            }
            current = partitions.poll();
            if (current == null) {
                return CompletableFuture.completedFuture(null);
            }
            contextId = NOT_OPENED;
            lastKey = null;
        }
        int timeout = options.timeoutMillis();
        CompletableFuture<ScanBatch> reply = contextId == NOT_OPENED
                ? handler.execute(open(), timeout)
                : handler.execute(new ScanOp(current, contextId), timeout);
        return reply.thenCompose(batch -> {
            accept(batch);
            return fetch();
        });
    }

    private GetScannerOp open() {
        if (lastKey == null) {
            return new GetScannerOp(current, startKey, startInclusive, stopKey, stopInclusive, options);
        }
        return new GetScannerOp(current, lastKey, false, stopKey, stopInclusive, options);
    }

    private void accept(ScanBatch batch) {
        switch (batch.status()) {
            case Status.OK, Status.INCOMPLETE -> {
                buffer.addAll(batch.records());
                if (batch.lastKey() != null) {
                    lastKey = batch.lastKey();
                }
                boolean done = batch.status() == Status.INCOMPLETE || batch.contextId() < 0;
                contextId = done ? ScanBatch.COMPLETED : batch.contextId();
                incomplete = batch.status() == Status.INCOMPLETE;
            }
            case Status.NOT_FOUND -> contextId = NOT_OPENED;
            default -> {
                fatal = Status.failure("scan of table " + handler.tableName(), batch.status(), batch.server());
                throw fatal;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            tail.whenComplete((record, failure) -> {
                if (contextId >= 0 && current != null) {
                    handler.sendOneWay(new ClearScannerOp(current, contextId));
                }
                contextId = ScanBatch.COMPLETED;
                buffer.clear();
            });
        }
    }
}
