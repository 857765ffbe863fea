package io.enif.proto.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enif.common.Gpid;
import io.enif.proto.base.blob;
import io.enif.proto.rrdb.multi_get_request;
import io.enif.proto.rrdb.update_request;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ArgsReaderTest {

    private static RequestFrame frameWithArgs(byte[] args) throws Exception {
        byte[] empty = RequestFrameEncoder.encodeCall(
                RequestMeta.v1(new Gpid(1, 1), 0, 0, false), "RPC_TEST", 1, ArgsField.none());
        // Replace the args struct (the final STOP byte) by the given bytes and fix body_len.
        byte[] frame = new byte[empty.length - 1 + args.length];
        System.arraycopy(empty, 0, frame, 0, empty.length - 1);
        System.arraycopy(args, 0, frame, empty.length - 1, args.length);
        ByteBuffer.wrap(frame)
                .putInt(12, frame.length - 16 - ByteBuffer.wrap(frame).getInt(8));
        return RequestFrameDecoder.decode(ByteBuffer.wrap(frame));
    }

    private static FrameStage stageOf(ThrowingRead read) {
        try {
            read.run();
        } catch (FrameException e) {
            return e.stage();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("args decoded although they should not");
    }

    private interface ThrowingRead {
        void run() throws Exception;
    }

    @Test
    void readsAMissingField1AsAnEmptyInstance() throws Exception {
        RequestFrame frame = frameWithArgs(Hex.bytes("00"));

        assertThat(frame.readArgs(new blob()).length()).isZero();
        assertThat(frame.readArgs(new update_request())).isEqualTo(new update_request());
        assertThat(frame.readI64Arg()).isZero();
    }

    @Test
    void skipsUnknownFieldsAndAField1OfTheWrongType() throws Exception {
        RequestFrame frame = frameWithArgs(Hex.bytes("""
                0b 0007 00000002 "zz"
                0a 0001 0000000000000005
                0c 0001 00000002 "hs"
                0f 0009 08 00000001 00000004
                00
                """));

        assertThat(frame.readArgs(new blob())).isEqualTo(blob.of("hs"));
        assertThat(frame.readI64Arg()).isEqualTo(5L);
    }

    @Test
    void failsAtTheHandlerStageOnTruncatedArgs() throws Exception {
        RequestFrame blobFrame = frameWithArgs(Hex.bytes("0c 0001 00000009 6873"));
        RequestFrame i64Frame = frameWithArgs(Hex.bytes("0a 0001 00000000"));

        assertThat(stageOf(() -> blobFrame.readArgs(new blob()))).isEqualTo(FrameStage.HANDLER);
        assertThat(stageOf(i64Frame::readI64Arg)).isEqualTo(FrameStage.HANDLER);
        assertThatThrownBy(i64Frame::readI64Arg).hasMessageContaining("(truncated)");
    }

    @Test
    void refusesContainerCountsLargerThanTheBytesLeft() throws Exception {
        // multi_get_request.sort_keys (field 2) claims 2^31-1 blobs.
        RequestFrame frame = frameWithArgs(Hex.bytes("0c 0001 0f 0002 0c 7fffffff 00 00"));

        assertThatThrownBy(() -> frame.readArgs(new multi_get_request()))
                .isInstanceOf(FrameException.class)
                .hasMessageContaining("multi_get_request");
    }

    @Test
    void refusesNestingDeeperThanTheLimit() throws Exception {
        ByteArrayOutputStream nested = new ByteArrayOutputStream();
        int depth = 10_000;
        for (int i = 0; i < depth; i++) {
            nested.writeBytes(Hex.bytes("0c 0009"));
        }
        for (int i = 0; i < depth; i++) {
            nested.write(0);
        }
        byte[] args = new byte[3 + nested.size() + 1 + 1];
        System.arraycopy(Hex.bytes("0c 0001"), 0, args, 0, 3);
        System.arraycopy(nested.toByteArray(), 0, args, 3, nested.size());
        RequestFrame frame = frameWithArgs(args);

        assertThat(stageOf(() -> frame.readArgs(new update_request()))).isEqualTo(FrameStage.HANDLER);
        assertThatThrownBy(() -> frame.readArgs(new update_request())).hasMessageContaining("nesting deeper");
    }
}
