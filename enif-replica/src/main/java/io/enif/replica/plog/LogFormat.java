package io.enif.replica.plog;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The bytes of a private log file (see the package documentation): a 24-byte file header, then records framed as
 * {@code [u32 length][u32 crc32c][i64 decree][i64 ballot][payload]}, big-endian.
 */
final class LogFormat {

    /** "ENPL": Enif private log. */
    static final int MAGIC = 0x454E504C;

    static final short VERSION = 1;

    /** magic(4) version(2) reserved(2) index(4) start offset(8) crc32c of the previous 20 bytes(4). */
    static final int FILE_HEADER_SIZE = 24;

    /** length(4) crc32c(4) decree(8) ballot(8). */
    static final int RECORD_HEADER_SIZE = 24;

    private LogFormat() {}

    /** What a valid file header says. */
    record FileHeader(int index, long startOffset) {}

    static ByteBuffer encodeFileHeader(LogFileName name) {
        ByteBuffer buf = ByteBuffer.allocate(FILE_HEADER_SIZE);
        buf.putInt(MAGIC).putShort(VERSION).putShort((short) 0);
        buf.putInt(name.index()).putLong(name.startOffset());
        CRC32C crc = new CRC32C();
        crc.update(buf.array(), 0, FILE_HEADER_SIZE - 4);
        buf.putInt((int) crc.getValue());
        return buf.flip();
    }

    /** The header in the first {@link #FILE_HEADER_SIZE} bytes of {@code buf}, or null if they are not one. */
    static FileHeader decodeFileHeader(byte[] buf) {
        ByteBuffer b = ByteBuffer.wrap(buf, 0, FILE_HEADER_SIZE);
        int magic = b.getInt();
        short version = b.getShort();
        b.getShort();
        int index = b.getInt();
        long startOffset = b.getLong();
        int storedCrc = b.getInt();
        CRC32C crc = new CRC32C();
        crc.update(buf, 0, FILE_HEADER_SIZE - 4);
        if (magic != MAGIC || version != VERSION || storedCrc != (int) crc.getValue()) {
            return null;
        }
        return new FileHeader(index, startOffset);
    }

    /** The bytes one record takes in a file. */
    static int frameSize(int payloadLength) {
        return RECORD_HEADER_SIZE + payloadLength;
    }

    /** Appends one framed record to {@code dst}. */
    static void putRecord(ByteBuffer dst, long decree, long ballot, byte[] payload) {
        dst.putInt(payload.length)
                .putInt(crc(payload.length, decree, ballot, payload, payload.length))
                .putLong(decree)
                .putLong(ballot)
                .put(payload);
    }

    /** The checksum of a record: CRC32C over length, decree, ballot and the first {@code length} payload bytes. */
    static int crc(int length, long decree, long ballot, byte[] payload, int payloadLength) {
        ByteBuffer head = ByteBuffer.allocate(20).putInt(length).putLong(decree).putLong(ballot);
        CRC32C crc = new CRC32C();
        crc.update(head.array(), 0, 20);
        crc.update(payload, 0, payloadLength);
        return (int) crc.getValue();
    }
}
