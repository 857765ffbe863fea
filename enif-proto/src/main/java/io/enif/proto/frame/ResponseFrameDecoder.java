package io.enif.proto.frame;

import java.nio.ByteBuffer;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TMessage;

/**
 * Decodes one whole response frame, as cut by {@link FrameProbe#responseFrameLength} ({@code spec/protocol.md} §4).
 * Like Pegasus's Java client it accepts strict and non-strict MessageBegins and leaves the result undecoded.
 */
public final class ResponseFrameDecoder {

    /**
     * Decodes the frame held in {@code frame}'s remaining bytes, which must be exactly one frame.
     *
     * @throws FrameException at {@link FrameStage#HEADER} when {@code total_len} does not match the frame or the
     *     error name does not decode, at {@link FrameStage#BODY} when the MessageBegin does not
     */
    public static ResponseFrame decode(ByteBuffer frame) throws FrameException {
        ByteBuffer bytes = frame.slice();
        int length = bytes.remaining();
        if (length < FrameProbe.MIN_RESPONSE_LENGTH) {
            throw new FrameException(FrameStage.HEADER, "response of " + length + " bytes is too short");
        }
        long declared = FrameProbe.u32(bytes, 0);
        if (declared != length) {
            throw new FrameException(
                    FrameStage.HEADER, "response is " + length + " bytes but its total_len is " + declared);
        }
        BoundedBinaryProtocol in;
        String errorName;
        try {
            in = BoundedBinaryProtocol.over(bytes.slice(4, length - 4));
            errorName = in.readString();
        } catch (TException | RuntimeException e) {
            throw new FrameException(FrameStage.HEADER, "bad error name in a response of " + length + " bytes", e);
        }
        try {
            TMessage message = in.readMessageBegin();
            int resultOffset = length - in.remaining();
            return new ResponseFrame(
                    errorName, message.name, message.type, message.seqid, bytes.slice(resultOffset, in.remaining()));
        } catch (TException | RuntimeException e) {
            throw new FrameException(FrameStage.BODY, "bad message header in a response of " + length + " bytes", e);
        }
    }

    private ResponseFrameDecoder() {}
}
