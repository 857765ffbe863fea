package io.enif.proto.frame;

import java.util.Arrays;
import org.apache.thrift.TConfiguration;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.transport.TTransport;
import org.apache.thrift.transport.TTransportException;

/**
 * A write-only Thrift transport into a growing byte array, with a strict-writing {@link TBinaryProtocol} on top and
 * a way to patch a length field once the frame is complete.
 */
final class FrameWriter extends TTransport {
    private byte[] bytes = new byte[256];
    private int size;
    private final TBinaryProtocol protocol = new TBinaryProtocol(this, false, true);

    /** The protocol that writes into this buffer. */
    TBinaryProtocol protocol() {
        return protocol;
    }

    /** The number of bytes written so far. */
    int size() {
        return size;
    }

    /** Writes a big-endian i32 at an absolute index already written. */
    void patchInt(int index, int value) {
        bytes[index] = (byte) (value >>> 24);
        bytes[index + 1] = (byte) (value >>> 16);
        bytes[index + 2] = (byte) (value >>> 8);
        bytes[index + 3] = (byte) value;
    }

    /** A copy of the bytes written. */
    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    @Override
    public void write(byte[] source, int offset, int length) {
        if (size + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + length));
        }
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws TTransportException {
        throw new TTransportException(TTransportException.UNKNOWN, "FrameWriter is write-only");
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public void open() {}

    @Override
    public void close() {}

    @Override
    public TConfiguration getConfiguration() {
        return TConfiguration.DEFAULT;
    }

    @Override
    public void updateKnownMessageSize(long size) {}

    @Override
    public void checkReadBytesAvailable(long numBytes) {}
}
