package io.enif.proto.frame;

import io.enif.proto.base.blob;
import java.util.Objects;
import org.apache.thrift.TBase;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TStruct;
import org.apache.thrift.protocol.TType;

/**
 * What a request's args struct carries in its only field, id 1 ({@code spec/protocol.md} §2, §6): a struct (or a
 * placeholder value such as a blob key, tagged STRUCT all the same), an i64 ({@code clear_scanner}), or nothing.
 */
public sealed interface ArgsField {

    /** Field 1 holds {@code request}, tagged STRUCT. */
    static ArgsField struct(TBase<?, ?> request) {
        return new Struct(request);
    }

    /** Field 1 holds a raw blob tagged STRUCT, as get, remove, ttl and sortkey_count send their key. */
    static ArgsField blob(byte[] bytes) {
        return new Struct(new blob(bytes));
    }

    /** Field 1 holds an i64, as {@code clear_scanner} sends its context id. */
    static ArgsField i64(long value) {
        return new I64(value);
    }

    /** The args struct is empty. */
    static ArgsField none() {
        return new None();
    }

    /** Writes the whole args struct: field 1 (if any), then STOP. */
    default void writeArgs(TProtocol out) throws TException {
        out.writeStructBegin(new TStruct("args"));
        writeField(out);
        out.writeFieldStop();
        out.writeStructEnd();
    }

    /** Writes field 1, if any. */
    void writeField(TProtocol out) throws TException;

    /** A struct or placeholder value in field 1. */
    record Struct(TBase<?, ?> value) implements ArgsField {
        public Struct {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public void writeField(TProtocol out) throws TException {
            out.writeFieldBegin(new TField("request", TType.STRUCT, (short) 1));
            value.write(out);
            out.writeFieldEnd();
        }
    }

    /** An i64 in field 1. */
    record I64(long value) implements ArgsField {
        @Override
        public void writeField(TProtocol out) throws TException {
            out.writeFieldBegin(new TField("request", TType.I64, (short) 1));
            out.writeI64(value);
            out.writeFieldEnd();
        }
    }

    /** No field at all. */
    record None() implements ArgsField {
        @Override
        public void writeField(TProtocol out) {}
    }
}
