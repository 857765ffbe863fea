package io.enif.proto.frame;

import org.apache.thrift.transport.TTransportException;

/**
 * A frame that cannot be decoded (or encoded). The message names what is wrong; {@link #stage()} says how far
 * decoding got.
 *
 * <p>Failures at {@link FrameStage#HEADER}, {@link FrameStage#META} and {@link FrameStage#BODY} leave the stream
 * unusable (the server closes the connection); a failure at {@link FrameStage#HANDLER} concerns one request only (the
 * server answers {@code ERR_INVALID_DATA}).
 */
public final class FrameException extends Exception {
    private static final long serialVersionUID = 1L;

    private final FrameStage stage;

    public FrameException(FrameStage stage, String message) {
        super(stage + ": " + message);
        this.stage = stage;
    }

    public FrameException(FrameStage stage, String message, Throwable cause) {
        super(stage + ": " + message + describe(cause), cause);
        this.stage = stage;
    }

    /** The stage at which decoding stopped. */
    public FrameStage stage() {
        return stage;
    }

    private static String describe(Throwable cause) {
        if (cause == null) {
            return "";
        }
        if (cause instanceof TTransportException) {
            // Frames are decoded from memory: the transport only fails when a read runs past the end.
            return " (truncated)";
        }
        String text = cause.getMessage();
        return " (" + cause.getClass().getSimpleName() + (text == null ? "" : ": " + text) + ")";
    }
}
