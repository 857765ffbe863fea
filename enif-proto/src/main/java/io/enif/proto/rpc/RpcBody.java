package io.enif.proto.rpc;

import java.util.Objects;
import java.util.function.Supplier;
import org.apache.thrift.TBase;
import org.apache.thrift.protocol.TType;

/**
 * The shape of one side of an RPC: what sits in the args struct's field 1 (request) or the result struct's field 0
 * (response).
 *
 * <p>Most bodies are a Thrift struct ({@link Kind#STRUCT}); placeholder types such as {@code blob} count as structs,
 * since they are tagged STRUCT on the wire. A few RPCs carry a bare value instead: {@code RPC_RRDB_RRDB_CLEAR_SCANNER}
 * sends an i64 and {@code RPC_CLI_CLI_CALL} answers a string. One-way RPCs have no response ({@link Kind#NONE}).
 *
 * @param kind what kind of value the body is
 * @param factory makes an empty struct to read into; null unless {@code kind} is {@link Kind#STRUCT}
 */
public record RpcBody(Kind kind, Supplier<? extends TBase<?, ?>> factory) {

    /** The kinds of body that Pegasus's RPCs use. */
    public enum Kind {
        /** A Thrift struct, or a placeholder type written raw under a STRUCT tag. */
        STRUCT(TType.STRUCT),
        /** A bare i64. */
        I64(TType.I64),
        /** A bare string. */
        STRING(TType.STRING),
        /** No body: the response of a one-way RPC. */
        NONE(TType.VOID);

        private final byte thriftType;

        Kind(byte thriftType) {
            this.thriftType = thriftType;
        }

        /** The Thrift type byte that tags the body's field on the wire ({@code TType.VOID} for none). */
        public byte thriftType() {
            return thriftType;
        }
    }

    /** A bare i64 body. */
    public static final RpcBody I64 = new RpcBody(Kind.I64, null);

    /** A bare string body. */
    public static final RpcBody STRING = new RpcBody(Kind.STRING, null);

    /** No body. */
    public static final RpcBody NONE = new RpcBody(Kind.NONE, null);

    public RpcBody {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.STRUCT) != (factory != null)) {
            throw new IllegalArgumentException("a factory is needed exactly for STRUCT bodies, kind " + kind);
        }
    }

    /** A struct body whose instances {@code factory} makes. */
    public static RpcBody struct(Supplier<? extends TBase<?, ?>> factory) {
        return new RpcBody(Kind.STRUCT, Objects.requireNonNull(factory, "factory"));
    }

    /** The Thrift type byte that tags this body's field. */
    public byte thriftType() {
        return kind.thriftType();
    }

    /** A new, empty instance of the struct, ready to be read into. */
    public TBase<?, ?> newStruct() {
        if (kind != Kind.STRUCT) {
            throw new IllegalStateException("not a struct body: " + kind);
        }
        return factory.get();
    }

    @Override
    public String toString() {
        return kind == Kind.STRUCT ? factory.get().getClass().getSimpleName() : kind.name();
    }
}
