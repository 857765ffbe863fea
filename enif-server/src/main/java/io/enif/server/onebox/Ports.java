package io.enif.server.onebox;

import io.enif.common.HostPort;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A friendly check before starting a onebox process: whether something already accepts connections on its port (a
 * process of another onebox, a foreign ZooKeeper). It only produces a clear message; the process itself fails if
 * the port is taken in between.
 */
final class Ports {
    private Ports() {}

    /** Whether a server accepts connections at {@code address}. */
    static boolean inUse(HostPort address) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.host(), address.port()), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
