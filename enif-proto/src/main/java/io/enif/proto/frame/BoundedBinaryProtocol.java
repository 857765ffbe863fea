package io.enif.proto.frame;

import java.nio.ByteBuffer;
import org.apache.thrift.TConfiguration;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TList;
import org.apache.thrift.protocol.TMap;
import org.apache.thrift.protocol.TProtocolException;
import org.apache.thrift.protocol.TSet;
import org.apache.thrift.protocol.TStruct;
import org.apache.thrift.transport.TMemoryInputTransport;
import org.apache.thrift.transport.TTransportException;

/**
 * A {@link TBinaryProtocol} reader over one region of a byte array that a hostile peer cannot use to exhaust memory
 * or the stack: strings and containers may not claim more elements than there are bytes left in the region, and
 * structs and containers may nest at most {@value #MAX_DEPTH} deep (Thrift's own skip has no depth limit, and the
 * generated readers call it for unknown fields).
 */
final class BoundedBinaryProtocol extends TBinaryProtocol {
    /** Thrift's default recursion limit. */
    static final int MAX_DEPTH = 64;

    private static final TConfiguration CONFIGURATION =
            new TConfiguration(Integer.MAX_VALUE, TConfiguration.DEFAULT_MAX_FRAME_SIZE, MAX_DEPTH);

    private final TMemoryInputTransport input;
    private int depth;

    private BoundedBinaryProtocol(TMemoryInputTransport input, int length) {
        super(input, length, length, false, true);
        this.input = input;
    }

    /** A reader of {@code length} bytes of {@code bytes} from {@code offset}. */
    static BoundedBinaryProtocol over(byte[] bytes, int offset, int length) throws TTransportException {
        return new BoundedBinaryProtocol(new TMemoryInputTransport(CONFIGURATION, bytes, offset, length), length);
    }

    /** A reader of the remaining bytes of {@code bytes} (copied first only when it has no accessible array). */
    static BoundedBinaryProtocol over(ByteBuffer bytes) throws TTransportException {
        if (bytes.hasArray()) {
            return over(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        }
        byte[] copy = new byte[bytes.remaining()];
        bytes.duplicate().get(copy);
        return over(copy, 0, copy.length);
    }

    /** The index in the underlying array of the next byte to read. */
    int position() {
        return input.getBufferPosition();
    }

    /** The bytes left to read in the region. */
    int remaining() {
        return input.getBytesRemainingInBuffer();
    }

    @Override
    public TStruct readStructBegin() throws TException {
        enter();
        return super.readStructBegin();
    }

    @Override
    public void readStructEnd() throws TException {
        depth--;
        super.readStructEnd();
    }

    @Override
    public TList readListBegin() throws TException {
        enter();
        TList list = super.readListBegin();
        checkElements(list.size, 1);
        return list;
    }

    @Override
    public void readListEnd() throws TException {
        depth--;
        super.readListEnd();
    }

    @Override
    public TSet readSetBegin() throws TException {
        enter();
        TSet set = super.readSetBegin();
        checkElements(set.size, 1);
        return set;
    }

    @Override
    public void readSetEnd() throws TException {
        depth--;
        super.readSetEnd();
    }

    @Override
    public TMap readMapBegin() throws TException {
        enter();
        TMap map = super.readMapBegin();
        checkElements(map.size, 2);
        return map;
    }

    @Override
    public void readMapEnd() throws TException {
        depth--;
        super.readMapEnd();
    }

    private void enter() throws TProtocolException {
        if (++depth > MAX_DEPTH) {
            throw new TProtocolException(TProtocolException.DEPTH_LIMIT, "nesting deeper than " + MAX_DEPTH);
        }
    }

    /** Every element takes at least one byte on the wire, so a container cannot have more elements than bytes left. */
    private void checkElements(int size, int minBytesPerElement) throws TProtocolException {
        if ((long) size * minBytesPerElement > remaining()) {
            throw new TProtocolException(
                    TProtocolException.SIZE_LIMIT,
                    "container of " + size + " elements in " + remaining() + " remaining bytes");
        }
    }
}
