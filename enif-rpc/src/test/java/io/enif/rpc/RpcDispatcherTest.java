package io.enif.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enif.common.Gpid;
import io.enif.common.error.ErrorCode;
import io.enif.proto.base.blob;
import io.enif.proto.frame.ArgsField;
import io.enif.proto.frame.RequestFrame;
import io.enif.proto.frame.RequestFrameDecoder;
import io.enif.proto.frame.RequestFrameEncoder;
import io.enif.proto.frame.RequestMeta;
import io.enif.proto.rrdb.read_response;
import io.enif.proto.rrdb.update_request;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class RpcDispatcherTest {

    private static RequestFrame frame(String name, ArgsField args) throws Exception {
        return RequestFrameDecoder.decode(ByteBuffer.wrap(
                RequestFrameEncoder.encodeCall(RequestMeta.v1(new Gpid(1, 2), 1000, 0, false), name, 5, args)));
    }

    /** A frame whose args struct is exactly {@code args}. */
    private static RequestFrame frameWithRawArgs(String name, byte[] args) throws Exception {
        byte[] empty = RequestFrameEncoder.encodeCall(
                RequestMeta.v1(new Gpid(1, 2), 1000, 0, false), name, 5, ArgsField.none());
        ByteBuffer frame = ByteBuffer.allocate(empty.length - 1 + args.length);
        frame.put(empty, 0, empty.length - 1).put(args);
        frame.putInt(12, frame.capacity() - 16 - frame.getInt(8));
        return RequestFrameDecoder.decode(frame.flip());
    }

    @Test
    void decodesArgsIntoTheHandlersTypeAndLetsItReply() throws Exception {
        RpcDispatcher dispatcher = new RpcDispatcher()
                .register(
                        "RPC_RRDB_RRDB_GET",
                        blob::new,
                        (ctx, key) -> ctx.reply(new read_response()
                                .setValue(key)
                                .setApp_id(ctx.meta().appId())));
        RecordingContext ctx = new RecordingContext(frame("RPC_RRDB_RRDB_GET", ArgsField.blob(new byte[] {1, 2})));

        assertThat(dispatcher.dispatch(ctx)).isEqualTo(RpcDispatcher.Outcome.HANDLED);
        assertThat(ctx.error).isEqualTo(ErrorCode.ERR_OK);
        assertThat(ctx.response)
                .isEqualTo(new read_response()
                        .setValue(new blob(new byte[] {1, 2}))
                        .setApp_id(1));
    }

    @Test
    void answersUnknownNamesWithHandlerNotFound() throws Exception {
        RecordingContext ctx = new RecordingContext(frame("RPC_RRDB_RRDB_TEST_PUT", ArgsField.none()));

        assertThat(new RpcDispatcher().dispatch(ctx)).isEqualTo(RpcDispatcher.Outcome.NOT_FOUND);
        assertThat(ctx.error).isEqualTo(ErrorCode.ERR_HANDLER_NOT_FOUND);
        assertThat(ctx.response).isNull();
    }

    @Test
    void answersUndecodableArgsWithInvalidDataWithoutCallingTheHandler() throws Exception {
        List<update_request> seen = new ArrayList<>();
        RpcDispatcher dispatcher = new RpcDispatcher().register("RPC_RRDB_RRDB_PUT", update_request::new, (c, r) -> {
            seen.add(r);
            c.replyError(ErrorCode.ERR_OK);
        });
        // update_request.key (a blob) claims 0x7fffffff bytes.
        RecordingContext ctx = new RecordingContext(
                frameWithRawArgs("RPC_RRDB_RRDB_PUT", new byte[] {0x0c, 0, 1, 0x0c, 0, 1, 0x7f, -1, -1, -1, 0, 0}));

        assertThat(dispatcher.dispatch(ctx)).isEqualTo(RpcDispatcher.Outcome.INVALID_ARGS);
        assertThat(ctx.error).isEqualTo(ErrorCode.ERR_INVALID_DATA);
        assertThat(seen).isEmpty();
    }

    @Test
    void answersAThrowingHandlerWithUnknown() throws Exception {
        RpcDispatcher dispatcher = new RpcDispatcher().registerI64("RPC_RRDB_RRDB_CLEAR_SCANNER", (c, id) -> {
            throw new IllegalStateException("boom " + id);
        });
        RecordingContext ctx = new RecordingContext(frame("RPC_RRDB_RRDB_CLEAR_SCANNER", ArgsField.i64(77)));

        assertThat(dispatcher.dispatch(ctx)).isEqualTo(RpcDispatcher.Outcome.HANDLER_FAILED);
        assertThat(ctx.error).isEqualTo(ErrorCode.ERR_UNKNOWN);
    }

    @Test
    void passesI64AndRawArgs() throws Exception {
        List<Object> seen = new ArrayList<>();
        RpcDispatcher dispatcher = new RpcDispatcher()
                .registerI64("RPC_RRDB_RRDB_CLEAR_SCANNER", (c, id) -> {
                    seen.add(id);
                    c.noReply();
                })
                .registerRaw("RPC_RAW", (c, f) -> {
                    seen.add(f.name());
                    c.noReply();
                });

        dispatcher.dispatch(new RecordingContext(frame("RPC_RRDB_RRDB_CLEAR_SCANNER", ArgsField.i64(-3))));
        dispatcher.dispatch(new RecordingContext(frame("RPC_RAW", ArgsField.none())));

        assertThat(seen).containsExactly(-3L, "RPC_RAW");
        assertThat(dispatcher.isRegistered("RPC_RAW")).isTrue();
        assertThat(dispatcher.isRegistered("RPC_OTHER")).isFalse();
    }

    @Test
    void refusesTwoHandlersForOneName() {
        RpcDispatcher dispatcher = new RpcDispatcher().registerRaw("RPC_X", (c, f) -> c.noReply());

        assertThatThrownBy(() -> dispatcher.registerRaw("RPC_X", (c, f) -> c.noReply()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RPC_X");
    }
}
