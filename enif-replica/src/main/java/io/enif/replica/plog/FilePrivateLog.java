package io.enif.replica.plog;

import io.enif.replica.plog.LogRecovery.Recovered;
import io.enif.replica.plog.SegmentScanner.ScanResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private log kept in segmented files {@code log.<index>.<start_offset>} under a replica's {@code plog/} directory.
 * The file format and the recovery rules are in the package documentation.
 *
 * <p>Threads: {@link #append} is called from the partition's lane and never touches the disk; the writes, syncs,
 * file rolls and deletions run on an I/O executor (one thread of its own, or an executor shared by the logs of a
 * disk), and the append futures complete on that thread, so a dependent step should hop back to its lane (and must
 * not call {@link #flush}). {@link #open}, {@link #replay}, {@link #flush} and {@link #close} block on the disk: call
 * them off the lane.
 */
public final class FilePrivateLog implements PrivateLog {

    private static final Logger LOG = LoggerFactory.getLogger(FilePrivateLog.class);

    private final Path dir;
    private final PrivateLogConfig config;
    private final LogSegments segments;
    private final LogWriter writer;
    private final ScheduledExecutorService ownExecutor;
    private final Clock clock;
    private final AtomicLong maxAppended;
    private volatile boolean closed;

    private FilePrivateLog(
            Path dir,
            PrivateLogConfig config,
            LogSegments segments,
            LogWriter writer,
            ScheduledExecutorService ownExecutor,
            Clock clock) {
        this.dir = dir;
        this.config = config;
        this.segments = segments;
        this.writer = writer;
        this.ownExecutor = ownExecutor;
        this.clock = clock;
        this.maxAppended = new AtomicLong(segments.maxDecree());
    }

    /**
     * Opens (or creates) the log in {@code plogDir} with an I/O thread of its own, cutting a torn tail.
     *
     * @throws LogCorruptionException when the log is corrupt in the middle (a fatal inconsistency)
     * @throws LogIoException when the directory cannot be read or written
     */
    public static FilePrivateLog open(Path plogDir, PrivateLogConfig config) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "plog-io-" + replicaName(plogDir));
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        try {
            return open(plogDir, config, executor, true, Clock.systemUTC(), ChannelOpener.DEFAULT);
        } catch (RuntimeException e) {
            executor.shutdownNow();
            throw e;
        }
    }

    /** The replica directory's name (e.g. {@code 1.0.pegasus}) for thread names. */
    private static String replicaName(Path plogDir) {
        Path parent = plogDir.toAbsolutePath().getParent();
        return parent == null || parent.getFileName() == null
                ? plogDir.toString()
                : parent.getFileName().toString();
    }

    /**
     * Opens (or creates) the log in {@code plogDir}, writing on {@code ioExecutor} (which may be shared by other
     * logs and is not shut down by {@link #close()}) and reading the time for garbage collection from {@code clock}.
     */
    public static FilePrivateLog open(
            Path plogDir, PrivateLogConfig config, ScheduledExecutorService ioExecutor, Clock clock) {
        return open(plogDir, config, ioExecutor, false, clock, ChannelOpener.DEFAULT);
    }

    static FilePrivateLog open(
            Path plogDir,
            PrivateLogConfig config,
            ScheduledExecutorService ioExecutor,
            boolean ownsExecutor,
            Clock clock,
            ChannelOpener opener) {
        Objects.requireNonNull(config, "config");
        try {
            Recovered recovered = LogRecovery.recover(plogDir);
            LogSegments segments = new LogSegments(recovered.segments());
            LogWriter writer = new LogWriter(plogDir, config, segments, ioExecutor, clock, opener);
            writer.start(recovered.firstName());
            FilePrivateLog log =
                    new FilePrivateLog(plogDir, config, segments, writer, ownsExecutor ? ioExecutor : null, clock);
            LOG.info(
                    "plog {}: opened {} file(s), decrees [{}, {}]",
                    plogDir,
                    segments.snapshot().size(),
                    log.minDecree(),
                    log.maxDecree());
            return log;
        } catch (IOException | UncheckedIOException e) {
            throw new LogIoException("plog " + plogDir + ": cannot open: " + e, e);
        }
    }

    /** {@inheritDoc} The log keeps {@code record} until it is written: do not change the array after the call. */
    @Override
    public CompletableFuture<Void> append(long decree, long ballot, byte[] record) {
        Objects.requireNonNull(record, "record");
        maxAppended.accumulateAndGet(decree, Math::max);
        return writer.append(decree, ballot, record);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Covers the records written to the files when it is called (call it before appending). A record that was
     * valid when written or opened and is no longer is a fatal inconsistency: this throws {@link
     * LogCorruptionException} rather than stop silently.
     */
    @Override
    public void replay(long fromDecree, Consumer<LogRecord> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        for (LogSegment s : segments.snapshot()) {
            long size = s.size();
            if (s.records() == 0 || s.maxDecree() <= fromDecree) {
                continue;
            }
            ScanResult scan;
            try {
                scan = SegmentScanner.scan(s.path(), s.name(), size, fromDecree, consumer);
            } catch (IOException e) {
                throw new LogIoException("plog " + dir + ": cannot read " + s.name() + ": " + e, e);
            }
            if (!scan.clean() || scan.validEnd() < size) {
                throw new LogCorruptionException(
                        s.path(),
                        scan.badOffset(),
                        "record became unreadable after it was written: " + scan.badReason());
            }
        }
    }

    @Override
    public long maxDecree() {
        return maxAppended.get();
    }

    @Override
    public long minDecree() {
        long written = segments.minDecree();
        return written != 0 ? written : writer.minPendingDecree();
    }

    /** Starts a garbage collection on the I/O thread; see {@link #gcAsync(long)}. */
    @Override
    public void gc(long durableDecree) {
        gcAsync(durableDecree);
    }

    /**
     * Deletes the oldest files whose every decree (and every older file's) is &lt;= {@code durableDecree}, except
     * the file being written and the files the reserve limits keep ({@link LogGc}); nothing when {@code gcEnabled}
     * is off.
     *
     * @return a future of the number of files deleted
     */
    public CompletableFuture<Integer> gcAsync(long durableDecree) {
        if (!config.gcEnabled() || closed) {
            return CompletableFuture.completedFuture(0);
        }
        return writer.submit(() -> collectGarbage(durableDecree));
    }

    private int collectGarbage(long durableDecree) throws IOException {
        List<LogSegment> files = segments.snapshot();
        int count = LogGc.deletableCount(
                files, durableDecree, config.reserveMaxSizeBytes(), config.reserveMaxTimeSeconds(), clock.millis());
        int deleted = 0;
        for (LogSegment s : files.subList(0, count)) {
            if (s == writer.current()) {
                break;
            }
            Files.deleteIfExists(s.path());
            segments.removeOldest(s);
            deleted++;
        }
        if (deleted > 0) {
            FileSync.syncDirectory(dir);
            LOG.info("plog {}: gc removed {} file(s) up to decree {}", dir, deleted, durableDecree);
        }
        return deleted;
    }

    @Override
    public List<Path> filesFrom(long fromDecree) {
        List<LogSegment> files = segments.snapshot();
        int first = files.size();
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i).records() > 0 && files.get(i).maxDecree() >= fromDecree) {
                first = i;
                break;
            }
        }
        List<Path> paths = new ArrayList<>();
        for (LogSegment s : files.subList(first, files.size())) {
            paths.add(s.path());
        }
        return paths;
    }

    /**
     * Blocks until everything appended before the call is written and synced, whatever {@code forceFlush} says.
     *
     * @throws IllegalStateException when called from an append future's callback, which would wait for itself
     */
    @Override
    public void flush() {
        if (closed) {
            return;
        }
        if (writer.onIoThread()) {
            throw new IllegalStateException("plog " + dir + ": flush() from a completion callback would deadlock");
        }
        join(writer.sync());
    }

    /**
     * Writes and syncs the pending appends, completes their futures, then releases the file; idempotent. Blocks until
     * done, except when called from an append future's callback, where it only starts closing.
     */
    @Override
    public void close() {
        closed = true;
        CompletableFuture<Void> done = writer.close();
        if (ownExecutor != null) {
            done.whenComplete((v, e) -> ownExecutor.shutdown());
        }
        if (!writer.onIoThread()) {
            join(done);
        }
    }

    /** The log's directory. */
    public Path directory() {
        return dir;
    }

    /** How many times the writer synced a file (for tests and metrics: fewer than appends under load). */
    public long syncCount() {
        return writer.syncCount();
    }

    /** How many write calls the writer made. */
    public long writeCount() {
        return writer.writeCount();
    }

    /** How many group-commit rounds the writer ran. */
    public long roundCount() {
        return writer.roundCount();
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof LogIoException io) {
                throw io;
            }
            throw e;
        }
    }
}
