package io.enif.test.minicluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP forwarder between one node and ZooKeeper, so that a test can cut or freeze that node's ZooKeeper traffic
 * alone: {@link #cut()} closes every connection and refuses new ones (a crashed process, whose session then expires
 * on the server), {@link #freeze()} stops moving bytes while keeping connections open (a paused process), {@link
 * #forward()} restores normal service. Listens on {@code 127.0.0.1}, port 0.
 */
public final class ZkProxy implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ZkProxy.class);

    /** What the proxy does with traffic. */
    public enum Mode {
        FORWARD,
        FREEZE,
        CUT
    }

    private final InetSocketAddress target;
    private final ServerSocket listener;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final Object gate = new Object();
    private volatile Mode mode = Mode.FORWARD;
    private volatile boolean closed;

    /** A proxy to ZooKeeper at {@code target}, accepting at once. */
    public ZkProxy(InetSocketAddress target) throws IOException {
        this.target = target;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        start("zk-proxy-accept-" + port(), this::acceptLoop);
    }

    /** The port clients connect to. */
    public int port() {
        return listener.getLocalPort();
    }

    /** {@code 127.0.0.1:<port>}, a ZooKeeper connect string. */
    public String connectString() {
        return "127.0.0.1:" + port();
    }

    public Mode mode() {
        return mode;
    }

    /** Closes every connection and refuses new ones until {@link #forward()}. */
    public void cut() {
        setMode(Mode.CUT);
        closeAll();
    }

    /** Stops moving bytes, keeping connections open, until {@link #forward()}. */
    public void freeze() {
        setMode(Mode.FREEZE);
    }

    /** Forwards traffic again. */
    public void forward() {
        setMode(Mode.FORWARD);
    }

    private void setMode(Mode newMode) {
        synchronized (gate) {
            mode = newMode;
            gate.notifyAll();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            if (mode == Mode.CUT) {
                quietClose(client);
                continue;
            }
            try {
                Socket server = new Socket(target.getAddress(), target.getPort());
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(server);
                start("zk-proxy-up-" + port(), () -> pump(client, server));
                start("zk-proxy-down-" + port(), () -> pump(server, client));
            } catch (IOException e) {
                LOG.debug("proxy {} cannot reach ZooKeeper: {}", port(), e.toString());
                quietClose(client);
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (!awaitForwarding()) {
                    break;
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        } finally {
            quietClose(from);
            quietClose(to);
        }
    }

    /** Waits while frozen; false when the connection must end (cut or closed). */
    private boolean awaitForwarding() throws InterruptedException {
        synchronized (gate) {
            while (mode == Mode.FREEZE && !closed) {
                gate.wait();
            }
            return mode == Mode.FORWARD && !closed;
        }
    }

    private void closeAll() {
        for (Socket socket : sockets) {
            quietClose(socket);
        }
        sockets.clear();
    }

    private void start(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    private static void quietClose(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        closed = true;
        setMode(Mode.CUT);
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        closeAll();
    }
}
