package io.enif.proto.frame;

import java.nio.ByteBuffer;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TProtocolUtil;
import org.apache.thrift.protocol.TType;

/**
 * Decodes one whole request frame, as cut by {@link FrameProbe#requestFrameLength}: the header (v1 or v0), the v1
 * {@code request_meta} struct, and the Thrift MessageBegin of the body ({@code spec/protocol.md} §2). The args struct
 * is left undecoded in the {@link RequestFrame}.
 *
 * <p>Like Pegasus, the body's MessageBegin must be strict ({@code 0x8001} version word) with type CALL or ONEWAY; v0
 * CRC fields are not checked; unknown {@code request_meta} fields, and known ones with an unexpected type, are
 * skipped.
 */
public final class RequestFrameDecoder {
    private static final int STRICT_VERSION_MASK = 0xffff0000;
    private static final int STRICT_VERSION_1 = 0x80010000;

    /**
     * Decodes the frame held in {@code frame}'s remaining bytes, which must be exactly one frame.
     *
     * @throws FrameException naming the problem and the stage (HEADER, META or BODY) at which decoding stopped
     */
    public static RequestFrame decode(ByteBuffer frame) throws FrameException {
        ByteBuffer bytes = frame.slice();
        int length = bytes.remaining();
        int declared = FrameProbe.requestFrameLength(bytes, Integer.MAX_VALUE);
        if (declared == FrameProbe.INCOMPLETE) {
            throw new FrameException(FrameStage.HEADER, "frame of " + length + " bytes is shorter than its header");
        }
        if (declared != length) {
            throw new FrameException(
                    FrameStage.HEADER, "frame is " + length + " bytes but its header declares " + declared);
        }
        RequestMeta meta;
        int bodyOffset;
        if (FrameProbe.u32(bytes, 4) == Thft.VERSION_0) {
            if (length < Thft.V0_HEADER_LENGTH) {
                throw new FrameException(FrameStage.HEADER, "v0 frame of " + length + " bytes has no full header");
            }
            meta = new RequestMeta(
                    Thft.VERSION_0,
                    (int) FrameProbe.u32(bytes, 24),
                    (int) FrameProbe.u32(bytes, 28),
                    (int) FrameProbe.u32(bytes, 32),
                    FrameProbe.u64(bytes, 40),
                    false);
            bodyOffset = Thft.V0_HEADER_LENGTH;
        } else {
            int metaLength = (int) FrameProbe.u32(bytes, 8);
            meta = readMetaV1(bytes.slice(Thft.V1_HEADER_LENGTH, metaLength));
            bodyOffset = Thft.V1_HEADER_LENGTH + metaLength;
        }
        return readBody(meta, bytes.slice(bodyOffset, length - bodyOffset));
    }

    private static RequestMeta readMetaV1(ByteBuffer bytes) throws FrameException {
        int appId = 0;
        int partitionIndex = 0;
        int clientTimeout = 0;
        long partitionHash = 0;
        boolean backupRequest = false;
        try {
            BoundedBinaryProtocol in = BoundedBinaryProtocol.over(bytes);
            in.readStructBegin();
            for (TField field = in.readFieldBegin(); field.type != TType.STOP; field = in.readFieldBegin()) {
                switch (field.id) {
                    case 1 -> appId = field.type == TType.I32 ? in.readI32() : skip(in, field.type, appId);
                    case 2 ->
                        partitionIndex = field.type == TType.I32 ? in.readI32() : skip(in, field.type, partitionIndex);
                    case 3 ->
                        clientTimeout = field.type == TType.I32 ? in.readI32() : skip(in, field.type, clientTimeout);
                    case 4 -> {
                        if (field.type == TType.I64) {
                            partitionHash = in.readI64();
                        } else {
                            TProtocolUtil.skip(in, field.type);
                        }
                    }
                    case 5 -> {
                        if (field.type == TType.BOOL) {
                            backupRequest = in.readBool();
                        } else {
                            TProtocolUtil.skip(in, field.type);
                        }
                    }
                    default -> TProtocolUtil.skip(in, field.type);
                }
                in.readFieldEnd();
            }
            in.readStructEnd();
        } catch (TException | RuntimeException e) {
            throw new FrameException(FrameStage.META, "bad request_meta of " + bytes.remaining() + " bytes", e);
        }
        return new RequestMeta(Thft.VERSION_1, appId, partitionIndex, clientTimeout, partitionHash, backupRequest);
    }

    private static int skip(BoundedBinaryProtocol in, byte type, int keep) throws TException {
        TProtocolUtil.skip(in, type);
        return keep;
    }

    private static RequestFrame readBody(RequestMeta meta, ByteBuffer body) throws FrameException {
        try {
            BoundedBinaryProtocol in = BoundedBinaryProtocol.over(body);
            int versionWord = in.readI32();
            if ((versionWord & STRICT_VERSION_MASK) != STRICT_VERSION_1) {
                throw new FrameException(
                        FrameStage.BODY,
                        String.format("message header 0x%08x is not a strict Thrift MessageBegin", versionWord));
            }
            byte type = (byte) (versionWord & 0xff);
            if (type != Thft.CALL && type != Thft.ONEWAY) {
                throw new FrameException(FrameStage.BODY, "message type " + type + " is neither CALL nor ONEWAY");
            }
            String name = in.readString();
            int seqid = in.readI32();
            int argsOffset = body.remaining() - in.remaining();
            return new RequestFrame(meta, name, type, seqid, body.slice(argsOffset, in.remaining()));
        } catch (TException | RuntimeException e) {
            throw new FrameException(
                    FrameStage.BODY, "bad message header in a body of " + body.remaining() + " bytes", e);
        }
    }

    private RequestFrameDecoder() {}
}
