package io.enif.proto.frame;

import io.enif.common.error.ErrorCode;
import java.util.Objects;
import org.apache.thrift.TBase;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TStruct;
import org.apache.thrift.protocol.TType;

/**
 * Encodes response frames as Pegasus's server does ({@code spec/protocol.md} §4): {@code total_len} (counting its
 * own 4 bytes), the error name, a strict REPLY MessageBegin named {@code <request name>_ACK} with the request's
 * seqid, and — only for {@code ERR_OK} with a response — the result struct, whose field 0 holds the response.
 */
public final class ResponseFrameEncoder {

    /**
     * Encodes a reply to the request {@code requestName}/{@code seqid}.
     *
     * @param response the response struct; written only when {@code error} is {@code ERR_OK}, and may be null (an
     *     {@code ERR_OK} reply without a body, as accepted for {@code clear_scanner})
     * @throws TException when the response cannot be written (e.g. a required field is missing)
     */
    public static byte[] encode(String requestName, int seqid, ErrorCode error, TBase<?, ?> response)
            throws TException {
        return encode(requestName, seqid, error.wireName(), response);
    }

    /** Encodes an error reply, which has no body. */
    public static byte[] encodeError(String requestName, int seqid, ErrorCode error) throws TException {
        return encode(requestName, seqid, error.wireName(), null);
    }

    /**
     * Encodes a reply carrying an arbitrary error name. Servers should use the {@link ErrorCode} overloads: the Java
     * client drops the connection on a name it does not know.
     */
    public static byte[] encode(String requestName, int seqid, String errorName, TBase<?, ?> response)
            throws TException {
        Objects.requireNonNull(requestName, "requestName");
        Objects.requireNonNull(errorName, "errorName");
        FrameWriter out = new FrameWriter();
        TBinaryProtocol protocol = out.protocol();
        protocol.writeI32(0); // total_len, patched below
        protocol.writeString(errorName);
        protocol.writeMessageBegin(new TMessage(Thft.replyName(requestName), Thft.REPLY, seqid));
        if (Thft.ERR_OK.equals(errorName) && response != null) {
            protocol.writeStructBegin(new TStruct("result"));
            protocol.writeFieldBegin(new TField("success", TType.STRUCT, (short) 0));
            response.write(protocol);
            protocol.writeFieldEnd();
            protocol.writeFieldStop();
            protocol.writeStructEnd();
        }
        protocol.writeMessageEnd();
        out.patchInt(0, out.size());
        return out.toByteArray();
    }

    private ResponseFrameEncoder() {}
}
