package io.enif.replica.plog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The I/O side of a {@link FilePrivateLog}: a queue filled by any thread and drained by a task on the I/O executor.
 *
 * <p>Group commit: each time the drain task runs it takes everything queued (a round), writes the appends in as few
 * write calls as {@code batchBytes} allows, rolling to a new file where the size limit says so, syncs once (when
 * {@code forceFlush} is on or a flush asked for it), then completes the appends' futures in order, then the flushes,
 * then other tasks (garbage collection, close). At most one drain task of a log is queued or running at a time, so a
 * shared multi-threaded executor still writes each log from one thread at a time.
 *
 * <p>After the first I/O error the log is failed for good: the round's futures and every later one fail with the
 * same {@link LogIoException}, since what is on disk after a partial write is unknown and appending after it could
 * bury a hole in the middle of the log.
 */
final class LogWriter {

    private static final Logger LOG = LoggerFactory.getLogger(LogWriter.class);

    /** An operation queued for the I/O thread. */
    private sealed interface Op permits Append, Sync, Task, Close {}

    private record Append(long decree, long ballot, byte[] payload, CompletableFuture<Void> future) implements Op {}

    private record Sync(CompletableFuture<Void> future) implements Op {}

    /** Work to run on the I/O thread after the round's writes, with the writer's state at hand. */
    @FunctionalInterface
    interface IoAction<T> {
        T run() throws IOException;
    }

    private record Task(IoAction<?> action, CompletableFuture<Object> future) implements Op {}

    private record Close(CompletableFuture<Void> future) implements Op {}

    private final Path dir;
    private final PrivateLogConfig config;
    private final LogSegments segments;
    private final ScheduledExecutorService executor;
    private final Clock clock;
    private final ChannelOpener opener;

    private final Object lock = new Object();
    private List<Op> queue = new ArrayList<>(); // guarded by lock
    private boolean drainScheduled; // guarded by lock
    private LogIoException failure; // guarded by lock
    private CompletableFuture<Void> closeFuture; // guarded by lock

    // Touched only by the thread running the drain task (or by start() before any append).
    private FileChannel channel;
    private LogSegment current;
    private boolean unsynced;

    private volatile Thread drainThread;

    private final AtomicLong syncs = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong rounds = new AtomicLong();

    LogWriter(
            Path dir,
            PrivateLogConfig config,
            LogSegments segments,
            ScheduledExecutorService executor,
            Clock clock,
            ChannelOpener opener) {
        this.dir = dir;
        this.config = config;
        this.segments = segments;
        this.executor = executor;
        this.clock = clock;
        this.opener = opener;
    }

    /** Opens the last file for appending, or creates {@code firstName} when there is none; on the caller's thread. */
    void start(LogFileName firstName) throws IOException {
        LogSegment last = segments.last();
        if (last == null) {
            createFile(firstName);
        } else {
            channel = opener.open(last.path(), StandardOpenOption.WRITE);
            current = last;
        }
    }

    CompletableFuture<Void> append(long decree, long ballot, byte[] payload) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        enqueue(new Append(decree, ballot, payload, future), config.batchDelay().toNanos());
        return future;
    }

    /** A future completed once everything queued before it is written and synced. */
    CompletableFuture<Void> sync() {
        CompletableFuture<Void> future = new CompletableFuture<>();
        enqueue(new Sync(future), 0);
        return future;
    }

    /** Runs {@code action} on the I/O thread after everything queued before it is written. */
    @SuppressWarnings("unchecked")
    <T> CompletableFuture<T> submit(IoAction<T> action) {
        CompletableFuture<Object> future = new CompletableFuture<>();
        enqueue(new Task(action, future), 0);
        return (CompletableFuture<T>) (CompletableFuture<?>) future;
    }

    /** Stops accepting work, writes and syncs what is queued, closes the file; idempotent. */
    CompletableFuture<Void> close() {
        CompletableFuture<Void> future;
        synchronized (lock) {
            if (closeFuture != null) {
                return closeFuture;
            }
            closeFuture = new CompletableFuture<>();
            future = closeFuture;
            queue.add(new Close(future));
            if (drainScheduled) {
                return future;
            }
            drainScheduled = true;
        }
        schedule(0);
        return future;
    }

    /** The smallest decree queued but not yet written, or 0. */
    long minPendingDecree() {
        synchronized (lock) {
            long min = 0;
            for (Op op : queue) {
                if (op instanceof Append a) {
                    min = min == 0 ? a.decree() : Math.min(min, a.decree());
                }
            }
            return min;
        }
    }

    /** The file being appended; only on the I/O thread. */
    LogSegment current() {
        return current;
    }

    long syncCount() {
        return syncs.get();
    }

    long writeCount() {
        return writes.get();
    }

    long roundCount() {
        return rounds.get();
    }

    private void enqueue(Op op, long delayNanos) {
        LogIoException refusal;
        synchronized (lock) {
            refusal =
                    failure != null ? failure : closeFuture != null ? new LogIoException("plog closed: " + dir) : null;
            if (refusal == null) {
                queue.add(op);
                if (drainScheduled) {
                    return;
                }
                drainScheduled = true;
            }
        }
        if (refusal != null) {
            fail(op, refusal);
        } else {
            schedule(delayNanos);
        }
    }

    private void schedule(long delayNanos) {
        try {
            if (delayNanos > 0) {
                executor.schedule(this::drain, delayNanos, TimeUnit.NANOSECONDS);
            } else {
                executor.execute(this::drain);
            }
        } catch (RejectedExecutionException e) {
            LogIoException ex = new LogIoException("plog I/O executor is shut down: " + dir, e);
            List<Op> round;
            synchronized (lock) {
                failure = failure != null ? failure : ex;
                round = takeQueue();
                drainScheduled = false;
            }
            round.forEach(op -> fail(op, ex));
            closeChannelQuietly();
        }
    }

    private List<Op> takeQueue() {
        List<Op> round = queue;
        queue = new ArrayList<>();
        return round;
    }

    /** Whether the caller is running inside a drain, e.g. in an append future's callback. */
    boolean onIoThread() {
        return Thread.currentThread() == drainThread;
    }

    private void drain() {
        drainThread = Thread.currentThread();
        try {
            drainOnce();
        } finally {
            drainThread = null;
        }
    }

    private void drainOnce() {
        List<Op> round;
        LogIoException failed;
        synchronized (lock) {
            round = takeQueue();
            failed = failure;
        }
        if (!round.isEmpty()) {
            rounds.incrementAndGet();
            if (failed == null) {
                process(round);
            } else {
                round.forEach(op -> fail(op, failed));
            }
        }
        boolean again;
        synchronized (lock) {
            again = !queue.isEmpty();
            drainScheduled = again;
        }
        if (again) {
            schedule(0); // yields the thread to other logs sharing the executor
        }
    }

    private void process(List<Op> round) {
        boolean syncAsked = false;
        try {
            syncAsked = writeAppends(round);
            if (unsynced && (config.forceFlush() || syncAsked)) {
                channel.force(false);
                syncs.incrementAndGet();
                unsynced = false;
            }
        } catch (IOException | RuntimeException e) {
            LogIoException ex = new LogIoException("plog " + dir + ": write failed: " + e, e);
            synchronized (lock) {
                failure = ex;
            }
            LOG.error(
                    "plog {}: I/O error, the log is failed and {} queued operation(s) fail: {}", dir, round.size(), e);
            round.forEach(op -> fail(op, ex));
            closeChannelQuietly();
            return;
        }
        for (Op op : round) {
            if (op instanceof Append a) {
                a.future().complete(null);
            }
        }
        for (Op op : round) {
            if (op instanceof Sync s) {
                s.future().complete(null);
            } else if (op instanceof Task t) {
                runTask(t);
            } else if (op instanceof Close c) {
                runClose(c);
            }
        }
    }

    /** Writes the round's appends; returns whether the round holds a flush or close, which wants a sync. */
    private boolean writeAppends(List<Op> round) throws IOException {
        List<Append> chunk = new ArrayList<>();
        long chunkBytes = 0;
        boolean syncAsked = false;
        for (Op op : round) {
            if (!(op instanceof Append a)) {
                syncAsked |= op instanceof Sync || op instanceof Close;
                continue;
            }
            long frame = LogFormat.frameSize(a.payload().length);
            boolean hasRecords = current.records() > 0 || !chunk.isEmpty();
            if (hasRecords && current.size() + chunkBytes + frame > config.fileSizeBytes()) {
                writeChunk(chunk, chunkBytes);
                chunk.clear();
                chunkBytes = 0;
                roll();
            } else if (!chunk.isEmpty() && chunkBytes + frame > config.batchBytes()) {
                writeChunk(chunk, chunkBytes);
                chunk.clear();
                chunkBytes = 0;
            }
            chunk.add(a);
            chunkBytes += frame;
        }
        writeChunk(chunk, chunkBytes);
        return syncAsked;
    }

    private void writeChunk(List<Append> chunk, long bytes) throws IOException {
        if (chunk.isEmpty()) {
            return;
        }
        ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(bytes));
        long min = Long.MAX_VALUE;
        long max = 0;
        for (Append a : chunk) {
            LogFormat.putRecord(buf, a.decree(), a.ballot(), a.payload());
            min = Math.min(min, a.decree());
            max = Math.max(max, a.decree());
        }
        buf.flip();
        long pos = current.size();
        while (buf.hasRemaining()) {
            pos += channel.write(buf, pos);
        }
        writes.incrementAndGet();
        unsynced = true;
        current.appended(pos, chunk.size(), min, max, clock.millis());
    }

    /** Seals the current file (always synced, so a later file never follows an unsynced one) and starts the next. */
    private void roll() throws IOException {
        if (unsynced) {
            channel.force(false);
            syncs.incrementAndGet();
            unsynced = false;
        }
        channel.close();
        createFile(current.name().next(current.size()));
    }

    private void createFile(LogFileName name) throws IOException {
        Path path = dir.resolve(name.toString());
        channel = opener.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        ByteBuffer header = LogFormat.encodeFileHeader(name);
        long pos = 0;
        while (header.hasRemaining()) {
            pos += channel.write(header, pos);
        }
        if (config.forceFlush()) {
            FileSync.syncDirectory(dir);
        }
        unsynced = true;
        current = new LogSegment(name, path, pos, 0, 0, 0, clock.millis());
        segments.add(current);
    }

    private void runTask(Task t) {
        try {
            t.future().complete(t.action().run());
        } catch (IOException | RuntimeException e) {
            t.future().completeExceptionally(e instanceof LogIoException ? e : new LogIoException(e.toString(), e));
        }
    }

    private void runClose(Close c) {
        closeChannelQuietly();
        c.future().complete(null);
    }

    private void fail(Op op, LogIoException ex) {
        if (op instanceof Append a) {
            a.future().completeExceptionally(ex);
        } else if (op instanceof Sync s) {
            s.future().completeExceptionally(ex);
        } else if (op instanceof Task t) {
            t.future().completeExceptionally(ex);
        } else if (op instanceof Close c) {
            runClose(c); // closing never fails: the channel goes, whatever happened before
        }
    }

    private void closeChannelQuietly() {
        FileChannel ch = channel;
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // the log is going away or already failed; nothing more to report
            }
        }
    }
}
