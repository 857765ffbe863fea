package io.enif.client.ops;

import io.enif.proto.frame.ArgsField;
import io.enif.proto.rpc.RpcSpec;
import java.util.Objects;
import org.apache.thrift.TBase;

/**
 * One data operation sent to a partition's primary: what to send and how to read the reply. Immutable, so the same
 * op can be sent again on a retry.
 *
 * @param <P> the response struct
 * @param <R> the result handed to the caller
 */
public abstract class ClientOp<P extends TBase<?, ?>, R> {
    private final RpcSpec spec;
    private final Target target;

    protected ClientOp(RpcSpec spec, Target target) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.target = Objects.requireNonNull(target, "target");
    }

    /** The RPC: message name and response type. */
    public final RpcSpec spec() {
        return spec;
    }

    /** Where the request goes. */
    public final Target target() {
        return target;
    }

    /** A short name for messages, e.g. {@code get}. */
    public abstract String name();

    /** The args struct's field 1. */
    public abstract ArgsField args();

    /**
     * Whether sending it twice has the effect of sending it once. Non-idempotent ops are retried only after errors
     * that prove they were not applied.
     */
    public boolean idempotent() {
        return true;
    }

    /** A fresh response struct to decode into. */
    @SuppressWarnings("unchecked")
    public P newResponse() {
        return (P) spec.response().newStruct();
    }

    /**
     * The result of a decoded response.
     *
     * @throws io.enif.client.EnifClientException when the response's status is a failure
     */
    public abstract R result(P response);
}
