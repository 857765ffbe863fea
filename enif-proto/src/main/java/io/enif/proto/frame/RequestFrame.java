package io.enif.proto.frame;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.apache.thrift.TBase;

/**
 * A decoded request frame: the header fields, the Thrift message header and the args struct still undecoded, so
 * that the handler decodes field 1 into its own request type ({@link #readArgs}, {@link #readI64Arg}).
 *
 * @param meta the header's routing fields
 * @param name the message name, the task code string, e.g. {@code RPC_RRDB_RRDB_GET}
 * @param messageType {@link Thft#CALL} or {@link Thft#ONEWAY}
 * @param seqid the client's sequence id, echoed in the reply
 * @param args the bytes of the args struct (up to the end of the frame); {@link #args()} returns an independent view
 */
public record RequestFrame(RequestMeta meta, String name, byte messageType, int seqid, ByteBuffer args) {

    public RequestFrame {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(name, "name");
        args = args.slice();
    }

    /** A view of the args bytes whose position the caller may move freely. */
    @Override
    public ByteBuffer args() {
        return args.duplicate();
    }

    /** Whether the sender expects no reply at all. */
    public boolean isOneway() {
        return messageType == Thft.ONEWAY;
    }

    /**
     * Decodes args field 1 into {@code into} (a generated struct, or a placeholder such as {@code blob}); a missing
     * field 1 leaves {@code into} as it is.
     *
     * @throws FrameException at {@link FrameStage#HANDLER} when the args do not decode
     */
    public <T extends TBase<?, ?>> T readArgs(T into) throws FrameException {
        return ArgsReader.readStruct(args(), into);
    }

    /**
     * Decodes args field 1 as an i64 ({@code clear_scanner}'s context id); a missing field 1 reads as 0.
     *
     * @throws FrameException at {@link FrameStage#HANDLER} when the args do not decode
     */
    public long readI64Arg() throws FrameException {
        return ArgsReader.readI64(args());
    }

    @Override
    public String toString() {
        return name + "(seqid " + seqid + ", gpid " + meta.gpid() + ", " + args.remaining() + " args bytes)";
    }
}
