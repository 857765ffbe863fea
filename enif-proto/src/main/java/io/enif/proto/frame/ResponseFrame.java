package io.enif.proto.frame;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.apache.thrift.TBase;

/**
 * A decoded response frame ({@code spec/protocol.md} §4): the RPC-level error name, the reply's message header, and
 * the result struct still undecoded.
 *
 * @param errorName the RPC-level error name, e.g. {@code ERR_OK}; kept as a string, since a peer may send a name
 *     that {@link io.enif.common.error.ErrorCode} does not list
 * @param name the reply's message name (by convention {@code <request name>_ACK}; clients ignore it)
 * @param messageType the reply's message type (normally {@link Thft#REPLY})
 * @param seqid the seqid of the request this answers
 * @param result the bytes after the MessageBegin: the result struct when the error is {@code ERR_OK}, else usually
 *     nothing; {@link #result()} returns an independent view
 */
public record ResponseFrame(String errorName, String name, byte messageType, int seqid, ByteBuffer result) {

    public ResponseFrame {
        Objects.requireNonNull(errorName, "errorName");
        Objects.requireNonNull(name, "name");
        result = result.slice();
    }

    /** A view of the result bytes whose position the caller may move freely. */
    @Override
    public ByteBuffer result() {
        return result.duplicate();
    }

    /** Whether the RPC-level error is {@code ERR_OK}. */
    public boolean isOk() {
        return Thft.ERR_OK.equals(errorName);
    }

    /**
     * Decodes the result struct's field 0 ("success") into {@code into}.
     *
     * @throws FrameException at {@link FrameStage#HANDLER} when the error is not {@code ERR_OK}, the result does not
     *     decode, or it has no field 0 (Pegasus's client calls that {@code MISSING_RESULT})
     */
    public <T extends TBase<?, ?>> T readResult(T into) throws FrameException {
        if (!isOk()) {
            throw new FrameException(FrameStage.HANDLER, "reply " + name + " carries " + errorName + ", no result");
        }
        if (result.remaining() == 0
                || !ArgsReader.readStructField(result(), (short) 0, into, FrameStage.HANDLER, "result")) {
            throw new FrameException(FrameStage.HANDLER, "reply " + name + " has no result field 0");
        }
        return into;
    }

    @Override
    public String toString() {
        return name + "(seqid " + seqid + ", " + errorName + ", " + result.remaining() + " result bytes)";
    }
}
