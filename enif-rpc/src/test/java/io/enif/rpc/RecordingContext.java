package io.enif.rpc;

import io.enif.common.error.ErrorCode;
import io.enif.proto.frame.RequestFrame;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import org.apache.thrift.TBase;

/** An {@link RpcContext} that records the reply instead of sending it. */
final class RecordingContext implements RpcContext {
    private final RequestFrame request;
    ErrorCode error;
    TBase<?, ?> response;
    int replies;

    RecordingContext(RequestFrame request) {
        this.request = request;
    }

    @Override
    public RequestFrame request() {
        return request;
    }

    @Override
    public SocketAddress remoteAddress() {
        return InetSocketAddress.createUnresolved("test", 1);
    }

    @Override
    public void reply(ErrorCode error, TBase<?, ?> response) {
        this.error = error;
        this.response = response;
        replies++;
    }

    @Override
    public void noReply() {
        replies++;
    }

    @Override
    public boolean isDone() {
        return replies > 0;
    }
}
