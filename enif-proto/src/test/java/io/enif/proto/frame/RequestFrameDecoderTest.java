package io.enif.proto.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enif.common.Gpid;
import io.enif.proto.admin.query_cfg_request;
import io.enif.proto.base.blob;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class RequestFrameDecoderTest {

    private static RequestFrame decode(byte[] frame) throws FrameException {
        return RequestFrameDecoder.decode(ByteBuffer.wrap(frame));
    }

    private static FrameStage failureStage(byte[] frame) {
        try {
            decode(frame);
        } catch (FrameException e) {
            return e.stage();
        }
        throw new AssertionError("frame decoded although it should not");
    }

    @Test
    void decodesTheGetFrameOfTheSpec() throws Exception {
        RequestFrame frame = decode(Fixtures.GET_FRAME);

        assertThat(frame.meta()).isEqualTo(new RequestMeta(1, 2, 3, 1000, 0x555d9839ecea8b30L, false));
        assertThat(frame.meta().gpid()).isEqualTo(new Gpid(2, 3));
        assertThat(frame.name()).isEqualTo("RPC_RRDB_RRDB_GET");
        assertThat(frame.messageType()).isEqualTo(Thft.CALL);
        assertThat(frame.isOneway()).isFalse();
        assertThat(frame.seqid()).isEqualTo(7);
        assertThat(frame.readArgs(new blob()).data()).containsExactly(0x00, 0x01, 'h', 's');
    }

    @Test
    void decodesTheQueryConfigFrameOfTheSpec() throws Exception {
        RequestFrame frame = decode(Fixtures.QUERY_CFG_FRAME);

        assertThat(frame.meta()).isEqualTo(new RequestMeta(1, -1, -2, 5000, 0, false));
        assertThat(frame.name()).isEqualTo("RPC_CM_QUERY_PARTITION_CONFIG_BY_INDEX");
        assertThat(frame.seqid()).isZero();
        query_cfg_request request = frame.readArgs(new query_cfg_request());
        assertThat(request.getApp_name()).isEqualTo("temp");
        assertThat(request.getPartition_indices()).isEmpty();
    }

    @Test
    void decodesAVersion0Header() throws Exception {
        byte[] v0 = Hex.bytes("""
                54484654 00000000 00000030 deadbeef 00000029 cafebabe
                00000002 00000003 000003e8 00003de1 555d9839ecea8b30
                80010001 00000011 "RPC_RRDB_RRDB_GET" 00000007
                0c 0001 00000004 00016873 | 00
                """);

        RequestFrame frame = decode(v0);

        assertThat(frame.meta()).isEqualTo(new RequestMeta(0, 2, 3, 1000, 0x555d9839ecea8b30L, false));
        assertThat(frame.meta().threadHash()).isEqualTo(0x3de1);
        assertThat(frame.name()).isEqualTo("RPC_RRDB_RRDB_GET");
        assertThat(frame.seqid()).isEqualTo(7);
        assertThat(frame.readArgs(new blob()).data()).containsExactly(0x00, 0x01, 'h', 's');
    }

    @Test
    void acceptsOnewayMessages() throws Exception {
        byte[] frame = Fixtures.GET_FRAME.clone();
        frame[16 + 37 + 3] = Thft.ONEWAY;

        RequestFrame decoded = decode(frame);

        assertThat(decoded.isOneway()).isTrue();
        assertThat(decoded.messageType()).isEqualTo(Thft.ONEWAY);
    }

    @Test
    void skipsUnknownAndMistypedMetaFields() throws Exception {
        byte[] frame = Hex.bytes("""
                54484654 00000001 0000001c 00000029
                0b 0009 00000002 "xx" | 0a 0001 0000000000000009 | 08 0002 00000003 | 00
                80010001 00000011 "RPC_RRDB_RRDB_GET" 00000007
                0c 0001 00000004 00016873 | 00
                """);

        RequestFrame decoded = decode(frame);

        assertThat(decoded.meta()).isEqualTo(new RequestMeta(1, 0, 3, 0, 0, false));
    }

    @Test
    void rejectsBadMagicAndVersionsAtTheHeader() {
        byte[] badMagic = Fixtures.GET_FRAME.clone();
        badMagic[0] = 'X';
        byte[] badVersion = Fixtures.GET_FRAME.clone();
        badVersion[7] = 2;
        byte[] badV0Length = Hex.bytes("54484654 00000000 00000031 00000000 00000000");

        assertThat(failureStage(badMagic)).isEqualTo(FrameStage.HEADER);
        assertThat(failureStage(badVersion)).isEqualTo(FrameStage.HEADER);
        assertThat(failureStage(badV0Length)).isEqualTo(FrameStage.HEADER);
        assertThatThrownBy(() -> decode(badVersion)).hasMessageContaining("unsupported header version 2");
    }

    @Test
    void rejectsLengthsThatDoNotMatchTheFrame() {
        byte[] truncated = Arrays.copyOf(Fixtures.GET_FRAME, Fixtures.GET_FRAME.length - 1);
        byte[] extended = Arrays.copyOf(Fixtures.GET_FRAME, Fixtures.GET_FRAME.length + 1);

        assertThat(failureStage(truncated)).isEqualTo(FrameStage.HEADER);
        assertThat(failureStage(extended)).isEqualTo(FrameStage.HEADER);
        assertThat(failureStage(Arrays.copyOf(Fixtures.GET_FRAME, 10))).isEqualTo(FrameStage.HEADER);
        assertThatThrownBy(() -> decode(truncated)).hasMessageContaining("but its header declares");
    }

    @Test
    void rejectsAMetaThatDoesNotFitItsLength() {
        // meta_len 36 instead of 37, body_len 42: the meta struct's STOP byte now lies outside the meta.
        byte[] frame = Fixtures.GET_FRAME.clone();
        frame[11] = 36;
        frame[15] = 42;

        assertThat(failureStage(frame)).isEqualTo(FrameStage.META);
    }

    @Test
    void rejectsNonRequestMessageTypesAndNonStrictHeadersAtTheBody() {
        byte[] reply = Fixtures.GET_FRAME.clone();
        reply[16 + 37 + 3] = Thft.REPLY;
        byte[] exception = Fixtures.GET_FRAME.clone();
        exception[16 + 37 + 3] = 3;
        byte[] nonStrict = Fixtures.GET_FRAME.clone();
        nonStrict[16 + 37] = 0x00;
        nonStrict[16 + 37 + 1] = 0x00;
        byte[] nameTooLong = Fixtures.GET_FRAME.clone();
        nameTooLong[16 + 37 + 4] = 0x7f;

        assertThat(failureStage(reply)).isEqualTo(FrameStage.BODY);
        assertThat(failureStage(exception)).isEqualTo(FrameStage.BODY);
        assertThat(failureStage(nonStrict)).isEqualTo(FrameStage.BODY);
        assertThat(failureStage(nameTooLong)).isEqualTo(FrameStage.BODY);
        assertThatThrownBy(() -> decode(reply)).hasMessageContaining("neither CALL nor ONEWAY");
    }

    @Test
    void decodesFromAnOffsetAndFromADirectBuffer() throws Exception {
        byte[] padded = new byte[Fixtures.GET_FRAME.length + 5];
        System.arraycopy(Fixtures.GET_FRAME, 0, padded, 3, Fixtures.GET_FRAME.length);
        ByteBuffer window = ByteBuffer.wrap(padded, 3, Fixtures.GET_FRAME.length);
        ByteBuffer direct = ByteBuffer.allocateDirect(Fixtures.GET_FRAME.length)
                .put(Fixtures.GET_FRAME)
                .flip();

        RequestFrame fromWindow = RequestFrameDecoder.decode(window);
        RequestFrame fromDirect = RequestFrameDecoder.decode(direct);

        assertThat(fromWindow.seqid()).isEqualTo(7);
        assertThat(fromWindow.readArgs(new blob()).data()).containsExactly(0x00, 0x01, 'h', 's');
        assertThat(fromDirect.readArgs(new blob()).data()).containsExactly(0x00, 0x01, 'h', 's');
        assertThat(window.position()).isEqualTo(3);
    }
}
