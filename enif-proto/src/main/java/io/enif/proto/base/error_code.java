package io.enif.proto.base;

import io.enif.common.error.ErrorCode;
import java.util.Objects;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TProtocol;

/**
 * Pegasus's {@code error_code}: an error carried by its name, written as a Thrift string (e.g. {@code "ERR_OK"}).
 *
 * <p>Enif only ever writes names of {@link ErrorCode}; a name read from a peer is kept as text, so an unknown name
 * survives a round trip and can be reported.
 */
@SuppressWarnings("checkstyle:TypeName")
public final class error_code extends RawValue<error_code> {
    private static final long serialVersionUID = 1L;

    private String name;

    /** {@code ERR_OK}. */
    public error_code() {
        this.name = ErrorCode.ERR_OK.wireName();
    }

    public error_code(ErrorCode code) {
        this.name = code.wireName();
    }

    public error_code(error_code other) {
        this.name = other.name;
    }

    public static error_code of(ErrorCode code) {
        return new error_code(code);
    }

    /** The name as read or written. */
    public String name() {
        return name;
    }

    /** The code, or {@link ErrorCode#ERR_UNKNOWN} for a name Enif does not send. */
    public ErrorCode code() {
        return ErrorCode.fromWireName(name).orElse(ErrorCode.ERR_UNKNOWN);
    }

    @Override
    public void read(TProtocol in) throws TException {
        name = in.readString();
    }

    @Override
    public void write(TProtocol out) throws TException {
        out.writeString(name);
    }

    @Override
    public error_code deepCopy() {
        return new error_code(this);
    }

    @Override
    public void clear() {
        name = ErrorCode.ERR_OK.wireName();
    }

    @Override
    public int compareTo(error_code other) {
        return name.compareTo(other.name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof error_code other && name.equals(other.name);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
