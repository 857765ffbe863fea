package io.enif.proto.frame;

import java.util.Objects;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TStruct;
import org.apache.thrift.protocol.TType;

/**
 * Encodes request frames, as a client sends them ({@code spec/protocol.md} §2): a v1 header with the {@code
 * request_meta} struct (fields 1–5 always written, in order, as the Java client does), or a v0 header with zero CRCs;
 * then a strict MessageBegin and the args struct.
 */
public final class RequestFrameEncoder {

    /**
     * Encodes a request frame whose header version is {@code meta.headerVersion()}.
     *
     * @param messageType {@link Thft#CALL} or {@link Thft#ONEWAY}
     * @throws TException when the request struct cannot be written (e.g. a required field is missing)
     */
    public static byte[] encode(RequestMeta meta, String name, byte messageType, int seqid, ArgsField args)
            throws TException {
        Objects.requireNonNull(name, "name");
        if (messageType != Thft.CALL && messageType != Thft.ONEWAY) {
            throw new IllegalArgumentException("a request's message type is CALL or ONEWAY, not " + messageType);
        }
        FrameWriter out = new FrameWriter();
        TBinaryProtocol protocol = out.protocol();
        protocol.writeI32(Thft.MAGIC);
        protocol.writeI32(meta.headerVersion());
        int bodyStart;
        if (meta.headerVersion() == Thft.VERSION_1) {
            protocol.writeI32(0); // meta_len, patched below
            protocol.writeI32(0); // body_len, patched below
            writeMetaV1(protocol, meta);
            bodyStart = out.size();
            out.patchInt(8, bodyStart - Thft.V1_HEADER_LENGTH);
        } else {
            protocol.writeI32(Thft.V0_HEADER_LENGTH);
            protocol.writeI32(0); // hdr_crc32, never checked
            protocol.writeI32(0); // body_length, patched below
            protocol.writeI32(0); // body_crc32, never checked
            protocol.writeI32(meta.appId());
            protocol.writeI32(meta.partitionIndex());
            protocol.writeI32(meta.clientTimeoutMs());
            protocol.writeI32(meta.threadHash());
            protocol.writeI64(meta.partitionHash());
            bodyStart = out.size();
        }
        protocol.writeMessageBegin(new TMessage(name, messageType, seqid));
        args.writeArgs(protocol);
        protocol.writeMessageEnd();
        int bodyLength = out.size() - bodyStart;
        out.patchInt(meta.headerVersion() == Thft.VERSION_1 ? 12 : 16, bodyLength);
        return out.toByteArray();
    }

    /** Encodes a v1 CALL frame. */
    public static byte[] encodeCall(RequestMeta meta, String name, int seqid, ArgsField args) throws TException {
        return encode(meta, name, Thft.CALL, seqid, args);
    }

    private static void writeMetaV1(TBinaryProtocol protocol, RequestMeta meta) throws TException {
        protocol.writeStructBegin(new TStruct("thrift_request_meta_v1"));
        protocol.writeFieldBegin(new TField("app_id", TType.I32, (short) 1));
        protocol.writeI32(meta.appId());
        protocol.writeFieldBegin(new TField("partition_index", TType.I32, (short) 2));
        protocol.writeI32(meta.partitionIndex());
        protocol.writeFieldBegin(new TField("client_timeout", TType.I32, (short) 3));
        protocol.writeI32(meta.clientTimeoutMs());
        protocol.writeFieldBegin(new TField("client_partition_hash", TType.I64, (short) 4));
        protocol.writeI64(meta.partitionHash());
        protocol.writeFieldBegin(new TField("is_backup_request", TType.BOOL, (short) 5));
        protocol.writeBool(meta.backupRequest());
        protocol.writeFieldStop();
        protocol.writeStructEnd();
    }

    private RequestFrameEncoder() {}
}
