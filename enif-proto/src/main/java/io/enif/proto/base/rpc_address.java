package io.enif.proto.base;

import io.enif.common.HostPort;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TProtocol;

/**
 * Pegasus's {@code rpc_address} on the wire: one i64 with the IPv4 address in bits 63..32, the port in bits 31..16
 * and the address type in bits 1..0 (1 = IPv4). The value 0 means "no address" ({@code spec/protocol.md} §8).
 */
@SuppressWarnings("checkstyle:TypeName")
public final class rpc_address extends RawValue<rpc_address> {
    private static final long serialVersionUID = 1L;
    private static final long TYPE_IPV4 = 1;

    private long raw;

    /** The invalid (zero) address. */
    public rpc_address() {}

    public rpc_address(long raw) {
        this.raw = raw;
    }

    public rpc_address(rpc_address other) {
        this.raw = other.raw;
    }

    /**
     * The address of an IPv4 literal and port.
     *
     * @throws IllegalArgumentException when the host is not a dotted-quad IPv4 literal
     */
    public static rpc_address fromHostPort(HostPort hostPort) {
        long ip = parseIpv4(hostPort.host());
        return new rpc_address(ip << 32 | ((long) hostPort.port() & 0xffff) << 16 | TYPE_IPV4);
    }

    /** The invalid (zero) address, meaning "none". */
    public static rpc_address none() {
        return new rpc_address();
    }

    private static long parseIpv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 literal: '" + host + "'");
        }
        long ip = 0;
        for (String part : parts) {
            int octet;
            try {
                octet = Integer.parseInt(part);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an IPv4 literal: '" + host + "'", e);
            }
            if (octet < 0 || octet > 255 || part.isEmpty() || part.length() > 3) {
                throw new IllegalArgumentException("not an IPv4 literal: '" + host + "'");
            }
            ip = ip << 8 | octet;
        }
        return ip;
    }

    /** The i64 as written on the wire. */
    public long raw() {
        return raw;
    }

    /** Whether this is a valid IPv4 address (not 0, type IPv4). */
    public boolean isValid() {
        return (raw & 0x3) == TYPE_IPV4;
    }

    /** The address as {@code host:port}, or null when invalid. */
    public HostPort toHostPort() {
        if (!isValid()) {
            return null;
        }
        long ip = raw >>> 32;
        String host = (ip >>> 24 & 0xff) + "." + (ip >>> 16 & 0xff) + "." + (ip >>> 8 & 0xff) + "." + (ip & 0xff);
        return new HostPort(host, (int) (raw >>> 16 & 0xffff));
    }

    @Override
    public void read(TProtocol in) throws TException {
        raw = in.readI64();
    }

    @Override
    public void write(TProtocol out) throws TException {
        out.writeI64(raw);
    }

    @Override
    public rpc_address deepCopy() {
        return new rpc_address(this);
    }

    @Override
    public void clear() {
        raw = 0;
    }

    @Override
    public int compareTo(rpc_address other) {
        return Long.compareUnsigned(raw, other.raw);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof rpc_address other && raw == other.raw;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(raw);
    }

    @Override
    public String toString() {
        HostPort hostPort = toHostPort();
        return hostPort == null ? "invalid address" : hostPort.toString();
    }
}
