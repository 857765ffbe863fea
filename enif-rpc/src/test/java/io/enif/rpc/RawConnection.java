package io.enif.rpc;

import io.enif.proto.frame.ResponseFrame;
import io.enif.proto.frame.ResponseFrameDecoder;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;

/** A plain blocking socket to a server, for sending hand-made bytes and reading raw response frames. */
final class RawConnection implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    RawConnection(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(5_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    ResponseFrame readResponse() throws Exception {
        int total = in.readInt();
        byte[] frame = new byte[total];
        ByteBuffer.wrap(frame).putInt(total);
        in.readFully(frame, 4, total - 4);
        return ResponseFrameDecoder.decode(ByteBuffer.wrap(frame));
    }

    /** Whether the server closed the connection (reads end of stream, or a reset) within the socket timeout. */
    boolean closedByPeer() throws IOException {
        try {
            while (in.read() >= 0) {
                // drain anything sent before the close
            }
            return true;
        } catch (EOFException | SocketException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
