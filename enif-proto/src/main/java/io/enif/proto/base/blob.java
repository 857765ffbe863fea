package io.enif.proto.base;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TProtocol;

/**
 * Pegasus's {@code blob}: a byte string, written as a Thrift binary (i32 length + bytes). A missing blob field reads
 * as empty.
 *
 * <p>The lower-case name is the IDL's: generated code refers to this class by it.
 */
@SuppressWarnings("checkstyle:TypeName")
public final class blob extends RawValue<blob> {
    private static final long serialVersionUID = 1L;
    private static final byte[] EMPTY = new byte[0];

    private byte[] data;

    /** An empty blob. */
    public blob() {
        this.data = EMPTY;
    }

    /** A blob holding {@code data} (not copied). */
    public blob(byte[] data) {
        this.data = data == null ? EMPTY : data;
    }

    /** A copy of {@code other}, as generated copy constructors need. */
    public blob(blob other) {
        this.data = other.data.clone();
    }

    /** A blob of the UTF-8 bytes of {@code text}. */
    public static blob of(String text) {
        return new blob(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The bytes held (not copied). */
    public byte[] data() {
        return data;
    }

    /** The number of bytes held. */
    public int length() {
        return data.length;
    }

    @Override
    public void read(TProtocol in) throws TException {
        ByteBuffer buffer = in.readBinary();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        data = bytes;
    }

    @Override
    public void write(TProtocol out) throws TException {
        out.writeBinary(ByteBuffer.wrap(data));
    }

    @Override
    public blob deepCopy() {
        return new blob(this);
    }

    @Override
    public void clear() {
        data = EMPTY;
    }

    @Override
    public int compareTo(blob other) {
        return Arrays.compareUnsigned(data, other.data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof blob other && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return new String(data, StandardCharsets.UTF_8);
    }
}
