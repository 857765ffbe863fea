package io.enif.proto.frame;

import java.nio.ByteBuffer;
import org.apache.thrift.TBase;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TProtocolUtil;
import org.apache.thrift.protocol.TType;

/**
 * Decodes the one interesting field of a Thrift args (or result) struct. Like the generated readers, it skips
 * unknown fields and a field whose type byte is not the expected one, so such a field reads as missing.
 */
final class ArgsReader {

    /** Reads args field 1, tagged STRUCT, into {@code into}. */
    static <T extends TBase<?, ?>> T readStruct(ByteBuffer args, T into) throws FrameException {
        readStructField(args, (short) 1, into, FrameStage.HANDLER, "args");
        return into;
    }

    /** Reads args field 1 as an i64; 0 when it is missing. */
    static long readI64(ByteBuffer args) throws FrameException {
        try {
            BoundedBinaryProtocol in = BoundedBinaryProtocol.over(args);
            long value = 0;
            in.readStructBegin();
            for (TField field = in.readFieldBegin(); field.type != TType.STOP; field = in.readFieldBegin()) {
                if (field.id == 1 && field.type == TType.I64) {
                    value = in.readI64();
                } else {
                    TProtocolUtil.skip(in, field.type);
                }
                in.readFieldEnd();
            }
            in.readStructEnd();
            return value;
        } catch (TException | RuntimeException e) {
            throw new FrameException(FrameStage.HANDLER, "cannot decode args as an i64", e);
        }
    }

    /**
     * Reads field {@code id}, tagged STRUCT, of the struct in {@code bytes} into {@code into}; a missing field leaves
     * {@code into} untouched.
     *
     * @return whether the field was there
     */
    static boolean readStructField(ByteBuffer bytes, short id, TBase<?, ?> into, FrameStage stage, String what)
            throws FrameException {
        try {
            BoundedBinaryProtocol in = BoundedBinaryProtocol.over(bytes);
            boolean found = false;
            in.readStructBegin();
            for (TField field = in.readFieldBegin(); field.type != TType.STOP; field = in.readFieldBegin()) {
                if (field.id == id && field.type == TType.STRUCT) {
                    into.read(in);
                    found = true;
                } else {
                    TProtocolUtil.skip(in, field.type);
                }
                in.readFieldEnd();
            }
            in.readStructEnd();
            return found;
        } catch (TException | RuntimeException e) {
            throw new FrameException(
                    stage, "cannot decode " + what + " into " + into.getClass().getSimpleName(), e);
        }
    }

    private ArgsReader() {}
}
