package io.enif.proto.idl;

import java.lang.reflect.InvocationTargetException;
import org.apache.thrift.TBase;
import org.apache.thrift.TDeserializer;
import org.apache.thrift.TException;
import org.apache.thrift.TSerializer;
import org.apache.thrift.protocol.TBinaryProtocol;

/** Writes and reads generated structs with TBinaryProtocol, as the THFT framing does. */
final class Wire {
    private Wire() {}

    static byte[] write(TBase<?, ?> value) {
        try {
            return new TSerializer(new TBinaryProtocol.Factory()).serialize(value);
        } catch (TException e) {
            throw new AssertionError("cannot write " + value, e);
        }
    }

    static <T extends TBase<?, ?>> T read(byte[] bytes, Class<T> type) {
        T value = newInstance(type);
        try {
            new TDeserializer(new TBinaryProtocol.Factory()).deserialize(value, bytes);
        } catch (TException e) {
            throw new AssertionError("cannot read a " + type.getSimpleName(), e);
        }
        return value;
    }

    /** Writes {@code value} and reads it back into a fresh instance of its class. */
    @SuppressWarnings("unchecked")
    static <T extends TBase<?, ?>> T roundTrip(T value) {
        return read(write(value), (Class<T>) value.getClass());
    }

    static <T> T newInstance(Class<T> type) {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (InstantiationException
                | IllegalAccessException
                | InvocationTargetException
                | NoSuchMethodException e) {
            throw new AssertionError("cannot make a " + type.getName(), e);
        }
    }
}
