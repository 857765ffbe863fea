package io.enif.proto.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class FrameProbeTest {
    private static final int MAX = 1 << 20;

    private static int probe(byte[] bytes, int available) throws FrameException {
        return FrameProbe.requestFrameLength(ByteBuffer.wrap(bytes, 0, available), MAX);
    }

    @Test
    void needsTheFixedHeaderToKnowTheLength() throws Exception {
        byte[] frame = Fixtures.GET_FRAME;
        for (int available = 0; available < Thft.V1_HEADER_LENGTH; available++) {
            assertThat(probe(frame, available)).as("after %d bytes", available).isEqualTo(FrameProbe.INCOMPLETE);
        }
        for (int available = Thft.V1_HEADER_LENGTH; available <= frame.length; available++) {
            assertThat(probe(frame, available)).isEqualTo(frame.length);
        }
        assertThat(frame.length).isEqualTo(16 + 37 + 41);
    }

    @Test
    void readsTheV0BodyLength() throws Exception {
        byte[] header = Hex.bytes("54484654 00000000 00000030 00000000 00000029");

        assertThat(probe(header, 19)).isEqualTo(FrameProbe.INCOMPLETE);
        assertThat(probe(header, 20)).isEqualTo(48 + 41);
    }

    @Test
    void rejectsGarbageFromTheFirstByte() {
        assertThatThrownBy(() -> probe(new byte[] {'G'}, 1))
                .isInstanceOf(FrameException.class)
                .hasMessageContaining("bad magic 0x47");
        assertThatThrownBy(() -> probe("THFX".getBytes(), 4)).hasMessageContaining("bad magic");
    }

    @Test
    void rejectsFramesLargerThanTheLimitWithoutReadingThem() {
        byte[] huge = Hex.bytes("54484654 00000001 00000025 7fffffff");
        byte[] wraps = Hex.bytes("54484654 00000001 ffffffff ffffffff");

        assertThatThrownBy(() -> probe(huge, 16))
                .isInstanceOfSatisfying(
                        FrameException.class, e -> assertThat(e.stage()).isEqualTo(FrameStage.HEADER))
                .hasMessageContaining("exceeds max_frame_size " + MAX);
        assertThatThrownBy(() -> probe(wraps, 16)).hasMessageContaining("exceeds max_frame_size");
    }

    @Test
    void probesResponses() throws Exception {
        byte[] reply = Fixtures.GET_REPLY;

        assertThat(FrameProbe.responseFrameLength(ByteBuffer.wrap(reply, 0, 3), MAX))
                .isEqualTo(FrameProbe.INCOMPLETE);
        assertThat(FrameProbe.responseFrameLength(ByteBuffer.wrap(reply, 0, 4), MAX))
                .isEqualTo(0x67);
        assertThatThrownBy(() -> FrameProbe.responseFrameLength(ByteBuffer.wrap(new byte[] {0, 0, 0, 5}), MAX))
                .hasMessageContaining("too small");
        assertThatThrownBy(() -> FrameProbe.responseFrameLength(ByteBuffer.wrap(new byte[] {1, 0, 0, 0}), MAX))
                .hasMessageContaining("exceeds max_frame_size");
    }
}
