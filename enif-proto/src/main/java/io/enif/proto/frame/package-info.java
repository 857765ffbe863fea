/**
 * THFT framing, without any network code: cutting a byte stream into request frames (the length probe), decoding
 * and encoding request frames (header v1 and the legacy v0, the {@code request_meta}, the Thrift message and the args
 * struct), and encoding and decoding response frames ({@code spec/protocol.md} §1–§4).
 *
 * <p>Everything here works on byte arrays and {@link java.nio.ByteBuffer}s, so the Netty transport, the in-memory
 * test transport and the fuzz tests all run the same decoding code. Failures are {@link
 * io.enif.proto.frame.FrameException}s that say what was wrong and at which {@link io.enif.proto.frame.FrameStage}
 * decoding stopped.
 */
package io.enif.proto.frame;
