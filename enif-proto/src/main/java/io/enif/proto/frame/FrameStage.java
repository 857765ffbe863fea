package io.enif.proto.frame;

/**
 * How far decoding of a request frame got, in the order the stages run. A {@link FrameException} names the stage at
 * which decoding stopped.
 */
public enum FrameStage {
    /** The fixed header: magic, version, lengths (and, for v0, the whole 48-byte header). */
    HEADER,
    /** The v1 {@code request_meta} struct. */
    META,
    /** The Thrift message in the body: MessageBegin (type, name, seqid). */
    BODY,
    /** The args struct, decoded by the handler into its request type. */
    HANDLER
}
