package io.enif.server.config;

import io.enif.common.config.ConfigKey;
import io.enif.common.config.ConfigKeyHolder;
import java.util.List;

/**
 * The keys the launcher itself reads: which address a server advertises and binds ({@code [network]
 * primary_interface}) and, as raw sections, the role blocks {@code [apps.meta]} and {@code [apps.replica]} whose
 * {@code ports} is the server's RPC port, as in a Pegasus config. Other {@code [apps.*]} sections stay ignored.
 */
public final class ServerConfigKeys implements ConfigKeyHolder {

    /** The raw section of a role's block, e.g. {@code apps.meta}. */
    public static final String APPS_PREFIX = "apps.";

    /** The key of a role block holding the RPC port. */
    public static final String PORTS = "ports";

    /** The role blocks read raw (their other keys, such as {@code pools}, are kept and not used). */
    public static final List<String> ROLE_SECTIONS = List.of(APPS_PREFIX + "meta", APPS_PREFIX + "replica");

    /** {@code [network] primary_interface}. */
    public static final ConfigKey<String> PRIMARY_INTERFACE = ConfigKey.stringKey(
            "network",
            "primary_interface",
            "",
            "The network interface (e.g. eth0) whose IPv4 address the server binds and advertises, or that address"
                    + " itself; empty picks the first private (10/8, 172.16/12, 192.168/16) address of the host");

    @Override
    public List<ConfigKey<?>> configKeys() {
        return ConfigKeyHolder.staticKeysOf(ServerConfigKeys.class);
    }

    @Override
    public List<String> rawSections() {
        return ROLE_SECTIONS;
    }
}
