package io.enif.server.role;

import io.enif.common.config.Config;
import io.enif.common.config.ConfigException;
import io.enif.common.error.ErrorCode;
import io.enif.server.config.PrimaryInterface;
import io.enif.server.config.ServerConfigKeys;

/**
 * Where a server of some role listens: the host from {@code [network] primary_interface}, the port from
 * {@code [apps.<role>] ports} (the role's default port when absent; 0 binds a free port).
 *
 * @param host the IPv4 address bound and advertised
 * @param port the RPC port
 */
public record ServerAddress(String host, int port) {

    /**
     * The address {@code config} gives a server of {@code role}.
     *
     * @throws ConfigException when the port is not a number in 0..65535 or the interface is unknown
     */
    public static ServerAddress of(Config config, ServerRole role) {
        String section = ServerConfigKeys.APPS_PREFIX + role.name();
        String text = config.rawSection(section).get(ServerConfigKeys.PORTS);
        int port = role.defaultPort();
        if (text != null && !text.isBlank()) {
            port = parsePort(config.sourceName(), section, text.strip());
        }
        return new ServerAddress(PrimaryInterface.resolve(config.get(ServerConfigKeys.PRIMARY_INTERFACE)), port);
    }

    private static int parsePort(String source, String section, String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(
                ErrorCode.ERR_INVALID_PARAMETERS,
                source + ": [" + section + "] " + ServerConfigKeys.PORTS + " = \"" + text
                        + "\" is not a port (0..65535)");
    }
}
