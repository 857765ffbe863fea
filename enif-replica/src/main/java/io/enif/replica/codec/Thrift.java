package io.enif.replica.codec;

import org.apache.thrift.TBase;
import org.apache.thrift.TDeserializer;
import org.apache.thrift.TException;
import org.apache.thrift.TSerializer;
import org.apache.thrift.protocol.TBinaryProtocol;

/** Thrift binary encoding of whole structs, for the private log and the blobs inside messages. */
public final class Thrift {
    private Thrift() {}

    /** The struct in Thrift binary. */
    public static byte[] toBytes(TBase<?, ?> struct) {
        try {
            return new TSerializer(new TBinaryProtocol.Factory()).serialize(struct);
        } catch (TException e) {
            throw new IllegalArgumentException(
                    "cannot encode " + struct.getClass().getSimpleName(), e);
        }
    }

    /**
     * Reads Thrift binary into {@code into}.
     *
     * @throws IllegalArgumentException when the bytes do not decode
     */
    public static <T extends TBase<?, ?>> T fromBytes(byte[] bytes, T into) {
        try {
            new TDeserializer(new TBinaryProtocol.Factory()).deserialize(into, bytes);
            return into;
        } catch (TException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "cannot decode " + bytes.length + " bytes as "
                            + into.getClass().getSimpleName(),
                    e);
        }
    }
}
