package io.enif.common;

import java.util.Objects;

/** A server's address as a host name or IPv4 literal and a port, written {@code host:port}. */
public record HostPort(String host, int port) {

    public HostPort {
        Objects.requireNonNull(host, "host");
        if (host.isEmpty()) {
            throw new IllegalArgumentException("empty host in address");
        }
        if (port < 0 || port > 0xffff) {
            throw new IllegalArgumentException("port out of range in address " + host + ":" + port);
        }
    }

    /**
     * Parses {@code host:port}.
     *
     * @throws IllegalArgumentException naming the text when it is not of that form
     */
    public static HostPort parse(String text) {
        int colon = text == null ? -1 : text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("not a host:port address: '" + text + "'");
        }
        String host = text.substring(0, colon).trim();
        String portText = text.substring(colon + 1).trim();
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port in address '" + text + "'", e);
        }
        return new HostPort(host, port);
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
