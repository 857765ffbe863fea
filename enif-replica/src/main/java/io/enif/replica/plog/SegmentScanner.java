package io.enif.replica.plog;

import io.enif.replica.plog.LogFormat.FileHeader;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * Reads one log file front to back, checking every frame, and says where its valid prefix ends.
 *
 * <p>It never throws for bad bytes: it stops at the first bad frame and reports it. Whether that is a torn tail or a
 * fatal corruption is for the caller to decide ({@link LogRecovery}), using {@link ScanResult#dataAfterBad()}: true
 * when a valid record follows the bad frame right where the bad frame's length says it ends (a bit flip inside an
 * intact frame), which a torn write does not produce.
 */
final class SegmentScanner {

    private static final int READ_BUFFER = 64 * 1024;

    private SegmentScanner() {}

    /**
     * What a scan found.
     *
     * @param validEnd the offset just past the last valid record (0 when the header is bad)
     * @param badOffset where the first bad frame (or the bad header, at 0) starts; -1 when the file is clean
     * @param badReason why it is bad; null when the file is clean
     * @param dataAfterBad a valid record was found after the bad frame (see the class documentation)
     */
    record ScanResult(
            Path path,
            LogFileName name,
            long fileSize,
            long validEnd,
            int records,
            long minDecree,
            long maxDecree,
            long badOffset,
            String badReason,
            boolean dataAfterBad) {

        boolean clean() {
            return badReason == null;
        }

        /** Whether the file holds any record that is valid, before or after its first bad frame. */
        boolean holdsData() {
            return records > 0 || dataAfterBad;
        }
    }

    /**
     * Scans {@code path} up to {@code limit} bytes (or its size, if smaller), handing every valid record with decree
     * &gt; {@code fromDecree} to {@code sink} (which may be null).
     */
    static ScanResult scan(Path path, LogFileName name, long limit, long fromDecree, Consumer<LogRecord> sink)
            throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long fileSize = ch.size();
            long end = Math.min(limit, fileSize);
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(ch), READ_BUFFER));
            if (end < LogFormat.FILE_HEADER_SIZE) {
                return bad(path, name, fileSize, 0, "short file header (" + end + " bytes)", false);
            }
            byte[] headerBytes = new byte[LogFormat.FILE_HEADER_SIZE];
            in.readFully(headerBytes);
            FileHeader header = LogFormat.decodeFileHeader(headerBytes);
            String headerProblem = header == null
                    ? "bad file header"
                    : header.index() != name.index() || header.startOffset() != name.startOffset()
                            ? "file header names log." + header.index() + "." + header.startOffset()
                            : null;
            if (headerProblem != null) {
                boolean after = validRecordAt(ch, LogFormat.FILE_HEADER_SIZE, end);
                return bad(path, name, fileSize, 0, headerProblem, after);
            }
            return scanRecords(ch, in, path, name, fileSize, end, fromDecree, sink);
        }
    }

    private static ScanResult scanRecords(
            FileChannel ch,
            DataInputStream in,
            Path path,
            LogFileName name,
            long fileSize,
            long end,
            long fromDecree,
            Consumer<LogRecord> sink)
            throws IOException {
        long pos = LogFormat.FILE_HEADER_SIZE;
        int records = 0;
        long minDecree = 0;
        long maxDecree = 0;
        byte[] scratch = new byte[256];
        String badReason = null;
        boolean dataAfterBad = false;
        while (pos < end) {
            if (end - pos < LogFormat.RECORD_HEADER_SIZE) {
                badReason = "short record header";
                break;
            }
            int length = in.readInt();
            int storedCrc = in.readInt();
            long decree = in.readLong();
            long ballot = in.readLong();
            if (length < 0 || length > end - pos - LogFormat.RECORD_HEADER_SIZE) {
                badReason = length < 0 ? "bad record length " + length : "short payload";
                break;
            }
            boolean deliver = sink != null && decree > fromDecree;
            if (!deliver && scratch.length < length) {
                scratch = new byte[Math.max(length, scratch.length * 2)];
            }
            byte[] payload = deliver ? new byte[length] : scratch;
            in.readFully(payload, 0, length);
            if (storedCrc != LogFormat.crc(length, decree, ballot, payload, length)) {
                badReason = "checksum mismatch";
                dataAfterBad = validRecordAt(ch, pos + LogFormat.frameSize(length), end);
                break;
            }
            records++;
            minDecree = records == 1 ? decree : Math.min(minDecree, decree);
            maxDecree = Math.max(maxDecree, decree);
            if (deliver) {
                sink.accept(new LogRecord(decree, ballot, payload));
            }
            pos += LogFormat.frameSize(length);
        }
        long badOffset = badReason == null ? -1 : pos;
        return new ScanResult(
                path, name, fileSize, pos, records, minDecree, maxDecree, badOffset, badReason, dataAfterBad);
    }

    private static ScanResult bad(
            Path path, LogFileName name, long fileSize, long offset, String reason, boolean dataAfterBad) {
        return new ScanResult(path, name, fileSize, 0, 0, 0, 0, offset, reason, dataAfterBad);
    }

    /** Whether a complete record with a matching checksum starts at {@code pos}. */
    static boolean validRecordAt(FileChannel ch, long pos, long end) throws IOException {
        if (end - pos < LogFormat.RECORD_HEADER_SIZE) {
            return false;
        }
        ByteBuffer head = ByteBuffer.allocate(LogFormat.RECORD_HEADER_SIZE);
        readFully(ch, head, pos);
        head.flip();
        int length = head.getInt();
        int storedCrc = head.getInt();
        long decree = head.getLong();
        long ballot = head.getLong();
        if (length < 0 || length > end - pos - LogFormat.RECORD_HEADER_SIZE) {
            return false;
        }
        ByteBuffer payload = ByteBuffer.allocate(length);
        readFully(ch, payload, pos + LogFormat.RECORD_HEADER_SIZE);
        return storedCrc == LogFormat.crc(length, decree, ballot, payload.array(), length);
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
        long at = pos;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, at);
            if (n < 0) {
                throw new IOException("unexpected end of file at " + at);
            }
            at += n;
        }
    }
}
