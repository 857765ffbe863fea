package io.enif.proto.rpc;

import java.util.Objects;
import java.util.function.Supplier;
import org.apache.thrift.TBase;

/**
 * One RPC of the catalogue: its message name (Pegasus's task code), its request and response bodies, whether it is
 * one-way, and which process serves it.
 *
 * <p>The reply to a request named {@code X} is named {@code X_ACK} ({@link #ackName()}); Pegasus's Go tools decode
 * replies by that name.
 *
 * @param name the message name, e.g. {@code RPC_RRDB_RRDB_GET}
 * @param request the body of the request (args field 1)
 * @param response the body of the reply (result field 0); {@link RpcBody#NONE} for one-way RPCs
 * @param oneWay true when Pegasus sends no reply
 * @param servedBy which process serves the request
 */
public record RpcSpec(String name, RpcBody request, RpcBody response, boolean oneWay, RpcServer servedBy) {

    /** What Pegasus appends to a request's name to name its reply. */
    public static final String ACK_SUFFIX = "_ACK";

    public RpcSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(servedBy, "servedBy");
        if (!name.startsWith("RPC_") || name.endsWith(ACK_SUFFIX)) {
            throw new IllegalArgumentException("not a request message name: " + name);
        }
        if (request.kind() == RpcBody.Kind.NONE) {
            throw new IllegalArgumentException(name + ": every request has a body");
        }
        if (oneWay != (response.kind() == RpcBody.Kind.NONE)) {
            throw new IllegalArgumentException(name + ": exactly the one-way RPCs have no response");
        }
    }

    /** A request-reply RPC between two structs. */
    static RpcSpec call(
            String name,
            RpcServer servedBy,
            Supplier<? extends TBase<?, ?>> request,
            Supplier<? extends TBase<?, ?>> response) {
        return new RpcSpec(name, RpcBody.struct(request), RpcBody.struct(response), false, servedBy);
    }

    /** A one-way RPC carrying a struct. */
    static RpcSpec oneWay(String name, RpcServer servedBy, Supplier<? extends TBase<?, ?>> request) {
        return new RpcSpec(name, RpcBody.struct(request), RpcBody.NONE, true, servedBy);
    }

    /** The name of the reply: {@code name + "_ACK"}. */
    public String ackName() {
        return name + ACK_SUFFIX;
    }
}
