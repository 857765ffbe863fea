package io.enif.proto.frame;

import java.nio.ByteBuffer;

/**
 * The frame-length probe a stream decoder uses to cut frames: given the first bytes of a frame, says how long the
 * frame is, that more bytes are needed to know, or that the bytes cannot start a valid frame.
 *
 * <p>A frame is complete when {@code length != INCOMPLETE && available >= length}. The probe reads at most the
 * first {@value Thft#V0_HEADER_LENGTH} bytes and never moves the buffer's position.
 */
public final class FrameProbe {
    /** Returned while too few bytes are available to know the frame's length. */
    public static final int INCOMPLETE = -1;

    /** The smallest response: total_len, an empty error name and a strict MessageBegin with an empty name. */
    static final int MIN_RESPONSE_LENGTH = 4 + 4 + 12;

    private static final byte[] MAGIC = {'T', 'H', 'F', 'T'};

    /**
     * The total length of the request frame that starts at {@code buffer.position()}, or {@link #INCOMPLETE}.
     *
     * @throws FrameException at {@link FrameStage#HEADER} on a bad magic, an unknown header version, a v0 header
     *     whose {@code hdr_length} is not 48, or a frame longer than {@code maxFrameSize}
     */
    public static int requestFrameLength(ByteBuffer buffer, int maxFrameSize) throws FrameException {
        int start = buffer.position();
        int available = buffer.remaining();
        for (int i = 0; i < Math.min(available, MAGIC.length); i++) {
            if (buffer.get(start + i) != MAGIC[i]) {
                throw new FrameException(
                        FrameStage.HEADER,
                        "bad magic 0x" + hex(buffer, start, Math.min(available, MAGIC.length)) + ", expected THFT");
            }
        }
        if (available < Thft.VERSION_PREFIX_LENGTH) {
            return INCOMPLETE;
        }
        long version = u32(buffer, start + 4);
        long total;
        if (version == Thft.VERSION_1) {
            if (available < Thft.V1_HEADER_LENGTH) {
                return INCOMPLETE;
            }
            total = Thft.V1_HEADER_LENGTH + u32(buffer, start + 8) + u32(buffer, start + 12);
        } else if (version == Thft.VERSION_0) {
            if (available < 20) {
                return INCOMPLETE;
            }
            long headerLength = u32(buffer, start + 8);
            if (headerLength != Thft.V0_HEADER_LENGTH) {
                throw new FrameException(
                        FrameStage.HEADER, "v0 hdr_length is " + headerLength + ", expected " + Thft.V0_HEADER_LENGTH);
            }
            total = Thft.V0_HEADER_LENGTH + u32(buffer, start + 16);
        } else {
            throw new FrameException(FrameStage.HEADER, "unsupported header version " + version);
        }
        if (total > maxFrameSize) {
            throw new FrameException(
                    FrameStage.HEADER, "frame of " + total + " bytes exceeds max_frame_size " + maxFrameSize);
        }
        return (int) total;
    }

    /**
     * The total length of the response frame that starts at {@code buffer.position()} (its {@code total_len}, which
     * counts its own 4 bytes), or {@link #INCOMPLETE}.
     *
     * @throws FrameException at {@link FrameStage#HEADER} when {@code total_len} is too small to hold a response or
     *     larger than {@code maxFrameSize}
     */
    public static int responseFrameLength(ByteBuffer buffer, int maxFrameSize) throws FrameException {
        if (buffer.remaining() < 4) {
            return INCOMPLETE;
        }
        long total = u32(buffer, buffer.position());
        if (total < MIN_RESPONSE_LENGTH) {
            throw new FrameException(FrameStage.HEADER, "response total_len " + total + " is too small");
        }
        if (total > maxFrameSize) {
            throw new FrameException(
                    FrameStage.HEADER, "response of " + total + " bytes exceeds max_frame_size " + maxFrameSize);
        }
        return (int) total;
    }

    /** The big-endian u32 at {@code index}, whatever the buffer's byte order. */
    static long u32(ByteBuffer buffer, int index) {
        return ((buffer.get(index) & 0xffL) << 24)
                | ((buffer.get(index + 1) & 0xffL) << 16)
                | ((buffer.get(index + 2) & 0xffL) << 8)
                | (buffer.get(index + 3) & 0xffL);
    }

    /** The big-endian u64 at {@code index}, whatever the buffer's byte order. */
    static long u64(ByteBuffer buffer, int index) {
        return (u32(buffer, index) << 32) | u32(buffer, index + 4);
    }

    private static String hex(ByteBuffer buffer, int start, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(String.format("%02x", buffer.get(start + i) & 0xff));
        }
        return text.toString();
    }

    private FrameProbe() {}
}
