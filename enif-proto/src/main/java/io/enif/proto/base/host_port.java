package io.enif.proto.base;

import io.enif.common.HostPort;
import java.util.Objects;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TProtocol;

/**
 * Pegasus's {@code host_port} on the wire: a string host, an i16 port and a byte type (1 = IPv4, 0 = invalid). The
 * {@code hp_*} twins of address fields use it so that Pegasus's Go and C++ tools can read host names.
 */
@SuppressWarnings("checkstyle:TypeName")
public final class host_port extends RawValue<host_port> {
    private static final long serialVersionUID = 1L;
    private static final byte TYPE_INVALID = 0;
    private static final byte TYPE_IPV4 = 1;

    private String host;
    private int port;
    private byte type;

    /** The invalid host_port. */
    public host_port() {
        this.host = "";
    }

    public host_port(host_port other) {
        this.host = other.host;
        this.port = other.port;
        this.type = other.type;
    }

    public static host_port of(HostPort hostPort) {
        host_port value = new host_port();
        value.host = hostPort.host();
        value.port = hostPort.port();
        value.type = TYPE_IPV4;
        return value;
    }

    public boolean isValid() {
        return type != TYPE_INVALID;
    }

    /** The address, or null when invalid. */
    public HostPort toHostPort() {
        return isValid() ? new HostPort(host, port) : null;
    }

    @Override
    public void read(TProtocol in) throws TException {
        host = in.readString();
        port = in.readI16() & 0xffff;
        type = in.readByte();
    }

    @Override
    public void write(TProtocol out) throws TException {
        out.writeString(host);
        out.writeI16((short) port);
        out.writeByte(type);
    }

    @Override
    public host_port deepCopy() {
        return new host_port(this);
    }

    @Override
    public void clear() {
        host = "";
        port = 0;
        type = TYPE_INVALID;
    }

    @Override
    public int compareTo(host_port other) {
        int byHost = host.compareTo(other.host);
        return byHost != 0 ? byHost : Integer.compare(port, other.port);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof host_port other && host.equals(other.host) && port == other.port && type == other.type;
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, type);
    }

    @Override
    public String toString() {
        return isValid() ? host + ":" + port : "invalid host_port";
    }
}
