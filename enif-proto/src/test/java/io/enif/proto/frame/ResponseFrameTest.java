package io.enif.proto.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enif.common.error.ErrorCode;
import io.enif.proto.base.blob;
import io.enif.proto.rrdb.read_response;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ResponseFrameTest {

    private static read_response getResponse() {
        return new read_response()
                .setError(0)
                .setValue(blob.of("v"))
                .setApp_id(2)
                .setPartition_index(3)
                .setServer("127.0.0.1:34801");
    }

    @Test
    void reproducesTheGetReplyOfTheSpecExactly() throws Exception {
        byte[] reply = ResponseFrameEncoder.encode("RPC_RRDB_RRDB_GET", 7, ErrorCode.ERR_OK, getResponse());

        assertThat(reply).isEqualTo(Fixtures.GET_REPLY);
    }

    @Test
    void encodesErrorRepliesWithoutABody() throws Exception {
        byte[] reply =
                ResponseFrameEncoder.encode("RPC_RRDB_RRDB_GET", 9, ErrorCode.ERR_OBJECT_NOT_FOUND, getResponse());

        assertThat(reply).isEqualTo(Hex.bytes("""
                        0000003d 00000014 "ERR_OBJECT_NOT_FOUND"
                        80010002 00000015 "RPC_RRDB_RRDB_GET_ACK" 00000009
                        """));
        assertThat(ResponseFrameEncoder.encodeError("RPC_RRDB_RRDB_GET", 9, ErrorCode.ERR_OBJECT_NOT_FOUND))
                .isEqualTo(reply);
    }

    @Test
    void decodesTheGetReplyOfTheSpec() throws Exception {
        ResponseFrame frame = ResponseFrameDecoder.decode(ByteBuffer.wrap(Fixtures.GET_REPLY));

        assertThat(frame.isOk()).isTrue();
        assertThat(frame.errorName()).isEqualTo("ERR_OK");
        assertThat(frame.name()).isEqualTo("RPC_RRDB_RRDB_GET_ACK");
        assertThat(frame.messageType()).isEqualTo(Thft.REPLY);
        assertThat(frame.seqid()).isEqualTo(7);
        assertThat(frame.readResult(new read_response())).isEqualTo(getResponse());
    }

    @Test
    void refusesToReadAResultFromAnErrorReplyOrAnEmptyOkReply() throws Exception {
        ResponseFrame error = ResponseFrameDecoder.decode(
                ByteBuffer.wrap(ResponseFrameEncoder.encodeError("RPC_X", 1, ErrorCode.ERR_HANDLER_NOT_FOUND)));
        ResponseFrame emptyOk = ResponseFrameDecoder.decode(
                ByteBuffer.wrap(ResponseFrameEncoder.encode("RPC_X", 2, ErrorCode.ERR_OK, null)));

        assertThat(error.errorName()).isEqualTo("ERR_HANDLER_NOT_FOUND");
        assertThat(error.result().remaining()).isZero();
        assertThatThrownBy(() -> error.readResult(new read_response())).hasMessageContaining("ERR_HANDLER_NOT_FOUND");
        assertThat(emptyOk.isOk()).isTrue();
        assertThatThrownBy(() -> emptyOk.readResult(new read_response())).hasMessageContaining("no result field 0");
    }

    @Test
    void rejectsResponsesWhoseLengthDoesNotMatch() {
        byte[] truncated = Arrays.copyOf(Fixtures.GET_REPLY, Fixtures.GET_REPLY.length - 1);
        byte[] badName = Fixtures.GET_REPLY.clone();
        badName[4] = 0x7f;

        assertThatThrownBy(() -> ResponseFrameDecoder.decode(ByteBuffer.wrap(truncated)))
                .isInstanceOfSatisfying(
                        FrameException.class, e -> assertThat(e.stage()).isEqualTo(FrameStage.HEADER));
        assertThatThrownBy(() -> ResponseFrameDecoder.decode(ByteBuffer.wrap(badName)))
                .isInstanceOfSatisfying(
                        FrameException.class, e -> assertThat(e.stage()).isEqualTo(FrameStage.HEADER));
    }
}
