package io.enif.client.ops;

import io.enif.common.HostPort;
import io.enif.proto.base.error_code;
import io.enif.proto.frame.ArgsField;
import io.enif.proto.rpc.RpcSpec;
import java.util.Objects;
import org.apache.thrift.TBase;

/**
 * One request to the meta server. Meta servers answer {@code ERR_OK} at the RPC level and put the real outcome in
 * the response's {@code err} field ({@link #err}), which the meta session reads to follow a leader change or wait for
 * an inactive meta server.
 *
 * @param <P> the response struct
 */
public abstract class MetaOp<P extends TBase<?, ?>> {
    private final RpcSpec spec;

    protected MetaOp(RpcSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    /** The RPC. */
    public final RpcSpec spec() {
        return spec;
    }

    /** A short name for messages. */
    public abstract String name();

    /** The args struct's field 1. */
    public abstract ArgsField args();

    /** A fresh response struct to decode into. */
    @SuppressWarnings("unchecked")
    public P newResponse() {
        return (P) spec.response().newStruct();
    }

    /** The response's {@code err} name ({@code ERR_OK} when missing). */
    public abstract String err(P response);

    /**
     * Where a non-leader meta server says the leader is, when its {@code ERR_FORWARD_TO_OTHERS} answer names it; null
     * otherwise (then the next meta server of the list is tried).
     */
    public HostPort forwardAddress(P response) {
        return null;
    }

    static String name(error_code err) {
        return err == null ? "ERR_OK" : err.name();
    }
}
