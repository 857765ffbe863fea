package io.enif.server.config;

import io.enif.common.config.ConfigException;
import io.enif.common.error.ErrorCode;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves {@code [network] primary_interface} to the IPv4 address a server binds and advertises, as Pegasus does: an
 * interface name gives that interface's first IPv4 address; empty gives the first private address of an interface
 * that is up and not loopback. Enif also accepts an IPv4 address itself (the onebox uses {@code 127.0.0.1}).
 */
public final class PrimaryInterface {
    private static final Logger LOG = LoggerFactory.getLogger(PrimaryInterface.class);
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final String LOOPBACK = "127.0.0.1";

    private PrimaryInterface() {}

    /**
     * The address for {@code value}.
     *
     * @throws ConfigException when no interface has that name, or it has no IPv4 address
     */
    public static String resolve(String value) {
        String name = value.strip();
        if (name.isEmpty()) {
            return firstPrivateAddress().orElseGet(() -> {
                LOG.warn(
                        "no private IPv4 address found on this host; using {}"
                                + " (set [network] primary_interface to choose)",
                        LOOPBACK);
                return LOOPBACK;
            });
        }
        if (IPV4.matcher(name).matches()) {
            return name;
        }
        NetworkInterface nic;
        try {
            nic = NetworkInterface.getByName(name);
        } catch (SocketException e) {
            throw notFound(name, e.getMessage());
        }
        if (nic == null) {
            throw notFound(name, "known interfaces: " + String.join(", ", interfaceNames()));
        }
        return ipv4Of(nic)
                .orElseThrow(() -> new ConfigException(
                        ErrorCode.ERR_INVALID_PARAMETERS,
                        "[network] primary_interface = \"" + name + "\": the interface has no IPv4 address"));
    }

    private static Optional<String> firstPrivateAddress() {
        for (NetworkInterface nic : interfaces()) {
            try {
                if (!nic.isUp() || nic.isLoopback() || nic.isVirtual()) {
                    continue;
                }
            } catch (SocketException e) {
                continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address && address.isSiteLocalAddress()) {
                    return Optional.of(address.getHostAddress());
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> ipv4Of(NetworkInterface nic) {
        return Collections.list(nic.getInetAddresses()).stream()
                .filter(a -> a instanceof Inet4Address)
                .map(InetAddress::getHostAddress)
                .findFirst();
    }

    private static List<NetworkInterface> interfaces() {
        try {
            List<NetworkInterface> all = new ArrayList<>(Collections.list(NetworkInterface.getNetworkInterfaces()));
            all.sort(Comparator.comparingInt(NetworkInterface::getIndex));
            return all;
        } catch (SocketException | NullPointerException e) {
            return List.of();
        }
    }

    private static List<String> interfaceNames() {
        return interfaces().stream().map(NetworkInterface::getName).toList();
    }

    private static ConfigException notFound(String name, String detail) {
        return new ConfigException(
                ErrorCode.ERR_INVALID_PARAMETERS,
                "[network] primary_interface = \"" + name + "\" names no network interface (" + detail + ")");
    }
}
