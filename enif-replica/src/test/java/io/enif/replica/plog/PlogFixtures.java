package io.enif.replica.plog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Shared helpers of the plog tests. */
final class PlogFixtures {

    /** Every payload is this long, so every record takes 24 + 20 bytes. */
    static final int PAYLOAD = 20;

    static final int FRAME = LogFormat.RECORD_HEADER_SIZE + PAYLOAD;

    /** Six records fill a file: 24 + 6 * 44 = 288 <= 300 < 332. */
    static final long SMALL_FILE = 300;

    static final int RECORDS_PER_SMALL_FILE = 6;

    private PlogFixtures() {}

    static PrivateLogConfig smallFiles() {
        return PrivateLogConfig.defaults().withFileSizeBytes(SMALL_FILE).withReserve(0, 0);
    }

    static byte[] payload(long decree, long ballot) {
        String s = String.format("d%08d-b%09d", decree, ballot);
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Appends decrees [from, to] at {@code ballot} and waits for all of them. */
    static void appendRange(PrivateLog log, long from, long to, long ballot) {
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (long d = from; d <= to; d++) {
            futures.add(log.append(d, ballot, payload(d, ballot)));
        }
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("appends did not complete", e);
        }
    }

    static List<LogRecord> replayAll(PrivateLog log) {
        List<LogRecord> out = new ArrayList<>();
        log.replay(0, out::add);
        return out;
    }

    static List<Long> decrees(List<LogRecord> records) {
        return records.stream().map(LogRecord::decree).toList();
    }

    static List<Long> range(long from, long to) {
        List<Long> out = new ArrayList<>();
        for (long d = from; d <= to; d++) {
            out.add(d);
        }
        return out;
    }

    /** The log files in {@code dir}, by index. */
    static List<Path> logFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("log."))
                    .sorted((a, b) -> Integer.compare(index(a), index(b)))
                    .toList();
        }
    }

    static int index(Path p) {
        return LogFileName.parse(p.getFileName().toString()).orElseThrow().index();
    }

    /** The start offset of every record in a log file, read from the frames' lengths. */
    static List<Long> recordOffsets(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        List<Long> out = new ArrayList<>();
        int pos = LogFormat.FILE_HEADER_SIZE;
        while (pos + LogFormat.RECORD_HEADER_SIZE <= bytes.length) {
            out.add((long) pos);
            pos += LogFormat.RECORD_HEADER_SIZE + ByteBuffer.wrap(bytes, pos, 4).getInt();
        }
        return out;
    }

    static void flipByte(Path file, long offset) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.read(b, offset);
            b.flip();
            byte flipped = (byte) (b.get(0) ^ 0x5A);
            ch.write(ByteBuffer.wrap(new byte[] {flipped}), offset);
        }
    }

    static void truncate(Path file, long size) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(size);
        }
    }

    static void appendBytes(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes, StandardOpenOption.APPEND);
    }

    /** Copies the log files of {@code from} into a new directory {@code to}. */
    static void copyLog(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        for (Path f : logFiles(from)) {
            Files.copy(f, to.resolve(f.getFileName()));
        }
    }
}
