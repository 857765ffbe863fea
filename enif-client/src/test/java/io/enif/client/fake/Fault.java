package io.enif.client.fake;

import io.enif.common.error.ErrorCode;
import java.util.function.Supplier;
import org.apache.thrift.TBase;

/** What a fake server does with one request instead of serving it normally. */
public sealed interface Fault {

    /** Replies with an RPC-level error and no body. */
    record Error(ErrorCode code) implements Fault {}

    /** Never replies: the client times out. */
    record Drop() implements Fault {}

    /** Serves the request (a write is applied) but never replies. */
    record ServeThenDrop() implements Fault {}

    /** Serves the request normally once {@code release} completes. */
    record Hold(java.util.concurrent.CompletableFuture<Void> release) implements Fault {}

    /** Replies ERR_OK with this body instead of serving. */
    record Respond(Supplier<TBase<?, ?>> body) implements Fault {}

    static Fault error(ErrorCode code) {
        return new Error(code);
    }

    static Fault drop() {
        return new Drop();
    }

    static Fault serveThenDrop() {
        return new ServeThenDrop();
    }

    static Fault hold(java.util.concurrent.CompletableFuture<Void> release) {
        return new Hold(release);
    }

    static Fault respond(Supplier<TBase<?, ?>> body) {
        return new Respond(body);
    }
}
