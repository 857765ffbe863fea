package io.enif.test.pegasus;

import io.enif.common.HostPort;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;

/**
 * A plain TCP connection that writes request frames exactly as given (captured bytes) and reads whole reply frames,
 * as the Pegasus client's session does: a reply starts with its own total length.
 */
final class RawThftConnection implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;

    RawThftConnection(HostPort server, int timeoutMillis) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(server.host(), server.port()), timeoutMillis);
        socket.setSoTimeout(timeoutMillis);
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        in = new DataInputStream(socket.getInputStream());
    }

    /** Sends {@code frame} and returns the next whole reply frame, its length prefix included. */
    ByteBuffer call(byte[] frame) throws IOException {
        out.write(frame);
        out.flush();
        int total = in.readInt();
        if (total < 8 || total > 64 << 20) {
            throw new IOException("bad reply length " + total);
        }
        byte[] reply = new byte[total];
        ByteBuffer.wrap(reply).putInt(total);
        in.readFully(reply, 4, total - 4);
        return ByteBuffer.wrap(reply);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
