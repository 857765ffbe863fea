package io.enif.replica.testing;

import io.enif.replica.plog.LogRecord;
import io.enif.replica.plog.PrivateLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A stand-in for the real private log, for tests until it is merged: one file {@code log.1.0} in the log directory,
 * records {@code [i32 length][i64 decree][i64 ballot][bytes]} appended without fsync. It survives a restart of the
 * replica (a new instance reads the file) and can be copied for learning. Appends complete at once, unless {@link
 * #holdCompletions} was set; {@link #failAppends} makes them fail.
 */
public final class FakePrivateLog implements PrivateLog {
    /** The single log file's name. */
    public static final String FILE = "log.1.0";

    private final Path file;
    private final List<LogRecord> records = new ArrayList<>();
    private final List<CompletableFuture<Void>> held = new ArrayList<>();
    private volatile boolean holdCompletions;
    private volatile boolean failAppends;
    private long gcedUpTo;
    private boolean closed;

    private FakePrivateLog(Path dir) {
        this.file = dir.resolve(FILE);
    }

    /** Opens (or creates) the log in {@code dir}, reading every whole record; a torn tail is cut. */
    public static FakePrivateLog open(Path dir) {
        FakePrivateLog log = new FakePrivateLog(dir);
        try {
            Files.createDirectories(dir);
            if (Files.exists(log.file)) {
                ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(log.file));
                long valid = 0;
                while (in.remaining() >= 20) {
                    int length = in.getInt();
                    long decree = in.getLong();
                    long ballot = in.getLong();
                    if (length < 0 || length > in.remaining()) {
                        break;
                    }
                    byte[] bytes = new byte[length];
                    in.get(bytes);
                    log.records.add(new LogRecord(decree, ballot, bytes));
                    valid = in.position();
                }
                try (FileChannel ch = FileChannel.open(log.file, StandardOpenOption.WRITE)) {
                    ch.truncate(valid);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return log;
    }

    /** Holds append completions until {@link #completeAll()} (or completes them at once when false). */
    public void holdCompletions(boolean hold) {
        holdCompletions = hold;
    }

    /** Makes every later append fail. */
    public void failAppends(boolean fail) {
        failAppends = fail;
    }

    /** Completes every held append. */
    public synchronized void completeAll() {
        List<CompletableFuture<Void>> now = new ArrayList<>(held);
        held.clear();
        now.forEach(f -> f.complete(null));
    }

    @Override
    public synchronized CompletableFuture<Void> append(long decree, long ballot, byte[] record) {
        if (closed) {
            return CompletableFuture.failedFuture(ioFailure("log closed", null));
        }
        if (failAppends) {
            return CompletableFuture.failedFuture(ioFailure("injected append failure", null));
        }
        ByteBuffer out = ByteBuffer.allocate(20 + record.length);
        out.putInt(record.length).putLong(decree).putLong(ballot).put(record).flip();
        try (FileChannel ch = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            while (out.hasRemaining()) {
                ch.write(out);
            }
        } catch (IOException e) {
            return CompletableFuture.failedFuture(ioFailure("append failed", e));
        }
        records.add(new LogRecord(decree, ballot, record));
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (holdCompletions) {
            held.add(done);
        } else {
            done.complete(null);
        }
        return done;
    }

    @Override
    public synchronized void replay(long fromDecree, Consumer<LogRecord> consumer) {
        for (LogRecord r : new ArrayList<>(records)) {
            if (r.decree() > fromDecree && r.decree() > gcedUpTo) {
                consumer.accept(r);
            }
        }
    }

    @Override
    public synchronized long maxDecree() {
        return records.stream().mapToLong(LogRecord::decree).max().orElse(0);
    }

    @Override
    public synchronized long minDecree() {
        return records.stream()
                .mapToLong(LogRecord::decree)
                .filter(d -> d > gcedUpTo)
                .min()
                .orElse(0);
    }

    /** Forgets (logically) every decree up to {@code durableDecree}; the file keeps them. */
    @Override
    public synchronized void gc(long durableDecree) {
        gcedUpTo = Math.max(gcedUpTo, durableDecree);
    }

    @Override
    public synchronized List<Path> filesFrom(long fromDecree) {
        return maxDecree() >= fromDecree && Files.exists(file) ? List.of(file) : List.of();
    }

    @Override
    public void flush() {
        // nothing buffered
    }

    @Override
    public synchronized void close() {
        closed = true;
        completeAll();
    }

    /**
     * The failure of an append. The real log fails with its {@code LogIoException}; the runner treats any failure
     * alike, and this stand-in does not depend on that class's constructors.
     */
    private static RuntimeException ioFailure(String message, IOException cause) {
        return new UncheckedIOException(message, cause == null ? new IOException(message) : cause);
    }

    /** How many records the log holds. */
    public synchronized int size() {
        return records.size();
    }
}
