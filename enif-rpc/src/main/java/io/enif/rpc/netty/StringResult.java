package io.enif.rpc.netty;

import io.enif.common.error.ErrorCode;
import io.enif.proto.frame.ResponseFrameEncoder;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TType;

/**
 * The reply frame of an RPC whose result is a bare string ({@code RPC_CLI_CLI_CALL}): an {@code ERR_OK} frame whose
 * result struct holds field 0 tagged STRING ({@code 0b 00 00 <i32 length> <bytes> 00}), and its decoding on the
 * client side.
 */
public final class StringResult {
    private StringResult() {}

    /** Encodes the {@code ERR_OK} reply to {@code requestName}/{@code seqid} carrying {@code text}. */
    public static byte[] encode(String requestName, int seqid, String text) throws TException {
        byte[] head = ResponseFrameEncoder.encode(requestName, seqid, ErrorCode.ERR_OK, null);
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length + utf8.length + 8);
        out.writeBytes(head);
        out.write(TType.STRING);
        out.writeBytes(new byte[] {0, 0});
        out.writeBytes(ByteBuffer.allocate(4).putInt(utf8.length).array());
        out.writeBytes(utf8);
        out.write(TType.STOP);
        byte[] frame = out.toByteArray();
        ByteBuffer.wrap(frame).putInt(0, frame.length); // total_len counts its own four bytes
        return frame;
    }

    /**
     * Reads field 0 of a result struct as a string; other fields are skipped.
     *
     * @throws IllegalArgumentException when the bytes hold no string field 0
     */
    public static String decode(ByteBuffer result) {
        ByteBuffer in = result.duplicate();
        try {
            while (in.hasRemaining()) {
                byte type = in.get();
                if (type == TType.STOP) {
                    break;
                }
                short id = in.getShort();
                if (type == TType.STRING) {
                    int length = in.getInt();
                    if (length < 0 || length > in.remaining()) {
                        throw new IllegalArgumentException("bad string length " + length);
                    }
                    byte[] bytes = new byte[length];
                    in.get(bytes);
                    if (id == 0) {
                        return new String(bytes, StandardCharsets.UTF_8);
                    }
                } else {
                    throw new IllegalArgumentException("unexpected field " + id + " of type " + type);
                }
            }
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("truncated result", e);
        }
        throw new IllegalArgumentException("the result has no string field 0");
    }
}
