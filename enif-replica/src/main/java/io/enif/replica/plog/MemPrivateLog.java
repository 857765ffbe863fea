package io.enif.replica.plog;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A private log in memory, for tests and the deterministic simulation: the "disk" is a list of records, and the test
 * decides when appends become durable.
 *
 * <ul>
 *   <li>With {@code autoComplete} (the default) every append completes at once; otherwise appends stay pending until
 *       {@link #completeNext()} or {@link #completeAll()} (or {@link #flush()} / {@link #close()}).
 *   <li>Appends complete in order. Pending records are already in the log: {@link #replay} and {@link #maxDecree()}
 *       see them, as they would see a written but unsynced file.
 *   <li>{@link #failNext(IOException)} fails the next completion with a {@link LogIoException}; as in {@link
 *       FilePrivateLog} the log is then failed for good: the failed record and every pending or later append are
 *       dropped and fail too.
 *   <li>{@link #crash()} models a machine crash: it drops the records whose futures have not completed (those futures
 *       then never complete, as nobody would hear of them) and leaves the log usable again, as after a restart.
 * </ul>
 *
 * <p>Garbage collection drops the oldest durable records whose decrees (and every older record's) are &lt;= the
 * durable decree, always keeping the newest record (as the file log keeps its current file). It has no files: {@link
 * #filesFrom(long)} is empty. Thread-safe; futures complete outside its lock, on the calling thread.
 */
public final class MemPrivateLog implements PrivateLog {

    private record Entry(LogRecord record, CompletableFuture<Void> future) {}

    private final List<Entry> entries = new ArrayList<>(); // durable first, then pending
    private int durable; // entries[0, durable) are durable
    private boolean autoComplete;
    private IOException failNext;
    private LogIoException failure;
    private boolean closed;
    private long maxDecree;
    private long maxCollected;
    private long appends;

    /** A log whose appends complete at once. */
    public MemPrivateLog() {
        this(true);
    }

    /** A log whose appends complete at once ({@code autoComplete}) or when the test says so. */
    public MemPrivateLog(boolean autoComplete) {
        this.autoComplete = autoComplete;
    }

    @Override
    public CompletableFuture<Void> append(long decree, long ballot, byte[] record) {
        Objects.requireNonNull(record, "record");
        CompletableFuture<Void> future = new CompletableFuture<>();
        List<Runnable> outcomes;
        synchronized (this) {
            LogIoException refusal = failure != null ? failure : closed ? new LogIoException("plog closed") : null;
            if (refusal != null) {
                future.completeExceptionally(refusal);
                return future;
            }
            appends++;
            entries.add(new Entry(new LogRecord(decree, ballot, record.clone()), future));
            maxDecree = Math.max(maxDecree, decree);
            outcomes = autoComplete ? resolve(Integer.MAX_VALUE) : List.of();
        }
        outcomes.forEach(Runnable::run);
        return future;
    }

    /** Makes the oldest pending append durable (or fails it, see {@link #failNext}); false if none was pending. */
    public boolean completeNext() {
        List<Runnable> outcomes;
        synchronized (this) {
            outcomes = resolve(1);
        }
        outcomes.forEach(Runnable::run);
        return !outcomes.isEmpty();
    }

    /** Makes every pending append durable, in order; returns how many completed or failed. */
    public int completeAll() {
        List<Runnable> outcomes;
        synchronized (this) {
            outcomes = resolve(Integer.MAX_VALUE);
        }
        outcomes.forEach(Runnable::run);
        return outcomes.size();
    }

    /** Fails the next append to complete with a {@link LogIoException} caused by {@code cause}. */
    public synchronized void failNext(IOException cause) {
        failNext = Objects.requireNonNull(cause, "cause");
    }

    /** Switches immediate completion on or off; switching it on does not complete what is already pending. */
    public synchronized void setAutoComplete(boolean value) {
        autoComplete = value;
    }

    /** Drops every record that is not durable and reopens the log; returns how many were dropped. */
    public synchronized int crash() {
        int dropped = entries.size() - durable;
        entries.subList(durable, entries.size()).clear();
        failure = null;
        failNext = null;
        closed = false;
        maxDecree = maxCollected;
        for (Entry e : entries) {
            maxDecree = Math.max(maxDecree, e.record().decree());
        }
        return dropped;
    }

    /** How many appends are not yet durable. */
    public synchronized int pendingCount() {
        return entries.size() - durable;
    }

    /** How many appends were accepted since the log was created. */
    public synchronized long appendCount() {
        return appends;
    }

    /** Every record in the log, durable and pending, in log order. */
    public synchronized List<LogRecord> records() {
        return entries.stream().map(Entry::record).toList();
    }

    /** The durable records, in log order. */
    public synchronized List<LogRecord> durableRecords() {
        return entries.subList(0, durable).stream().map(Entry::record).toList();
    }

    /** Resolves up to {@code n} pending appends; returns the future completions to run outside the lock. */
    private List<Runnable> resolve(int n) {
        List<Runnable> outcomes = new ArrayList<>();
        for (int i = 0; i < n && durable < entries.size(); i++) {
            if (failNext != null) {
                LogIoException ex = new LogIoException("injected plog failure: " + failNext, failNext);
                failure = ex;
                failNext = null;
                for (Entry e : entries.subList(durable, entries.size())) {
                    outcomes.add(() -> e.future().completeExceptionally(ex));
                }
                entries.subList(durable, entries.size()).clear();
                break;
            }
            Entry e = entries.get(durable++);
            outcomes.add(() -> e.future().complete(null));
        }
        return outcomes;
    }

    @Override
    public void replay(long fromDecree, Consumer<LogRecord> consumer) {
        for (LogRecord r : records()) {
            if (r.decree() > fromDecree) {
                consumer.accept(r);
            }
        }
    }

    @Override
    public synchronized long maxDecree() {
        return maxDecree;
    }

    @Override
    public synchronized long minDecree() {
        long min = 0;
        for (Entry e : entries) {
            long d = e.record().decree();
            min = min == 0 ? d : Math.min(min, d);
        }
        return min;
    }

    @Override
    public synchronized void gc(long durableDecree) {
        int keep = Math.min(durable, entries.size() - 1);
        int drop = 0;
        long prefixMax = 0;
        for (int i = 0; i < keep; i++) {
            prefixMax = Math.max(prefixMax, entries.get(i).record().decree());
            if (prefixMax > durableDecree) {
                break;
            }
            drop = i + 1;
        }
        for (Entry e : entries.subList(0, drop)) {
            maxCollected = Math.max(maxCollected, e.record().decree());
        }
        entries.subList(0, drop).clear();
        durable -= drop;
    }

    @Override
    public List<Path> filesFrom(long fromDecree) {
        return List.of();
    }

    /** Makes every pending append durable; throws the failure if the log has failed. */
    @Override
    public void flush() {
        completeAll();
        synchronized (this) {
            if (failure != null) {
                throw failure;
            }
        }
    }

    /** Completes (or fails) every pending append and refuses later ones; idempotent. */
    @Override
    public void close() {
        completeAll();
        synchronized (this) {
            closed = true;
        }
    }
}
