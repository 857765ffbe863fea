package io.enif.rpc;

import io.enif.common.error.ErrorCode;
import io.enif.proto.frame.RequestFrame;
import io.enif.proto.frame.RequestMeta;
import java.net.SocketAddress;
import org.apache.thrift.TBase;

/**
 * One request being served: its header fields, where it came from, and how to answer it.
 *
 * <p>Exactly one of the reply methods or {@link #noReply()} should be called, once, from any thread; later calls are
 * ignored (and logged). Replies to ONEWAY requests are never sent. A reply is dropped if the connection has closed
 * meanwhile.
 */
public interface RpcContext {

    /** The request frame: header fields, message name, type, seqid (and the raw args). */
    RequestFrame request();

    /** The request's routing fields. */
    default RequestMeta meta() {
        return request().meta();
    }

    /** The peer's address. */
    SocketAddress remoteAddress();

    /**
     * Replies with {@code error}; {@code response} is sent only when {@code error} is {@code ERR_OK} (and may be
     * null for an {@code ERR_OK} reply without a body).
     */
    void reply(ErrorCode error, TBase<?, ?> response);

    /** Replies {@code ERR_OK} with {@code response} in the result struct. */
    default void reply(TBase<?, ?> response) {
        reply(ErrorCode.ERR_OK, response);
    }

    /** Replies with {@code error} and no body. */
    default void replyError(ErrorCode error) {
        reply(error, null);
    }

    /**
     * Replies {@code ERR_OK} with a bare string as the result's field 0, as {@code RPC_CLI_CLI_CALL} answers
     * ({@code spec/internal-rpc.md} §7).
     *
     * @throws UnsupportedOperationException when this context cannot send string results
     */
    default void replyString(String text) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot reply with a string");
    }

    /** Finishes the request without any reply (e.g. Pegasus's {@code clear_scanner}). */
    void noReply();

    /** Whether a reply (or {@link #noReply()}) has been given. */
    boolean isDone();
}
