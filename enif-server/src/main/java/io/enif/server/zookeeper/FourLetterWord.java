package io.enif.server.zookeeper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Asks a ZooKeeper server one of its four-letter words ({@code ruok} → {@code imok}), as Pegasus's scripts do. */
public final class FourLetterWord {
    private FourLetterWord() {}

    /**
     * Sends {@code word} and returns the whole answer.
     *
     * @throws IOException when the server cannot be reached or does not answer within {@code timeout}
     */
    public static String ask(String host, int port, String word, Duration timeout) throws IOException {
        try (Socket socket = new Socket()) {
            int millis = (int) Math.max(1, timeout.toMillis());
            socket.connect(new InetSocketAddress(host, port), millis);
            socket.setSoTimeout(millis);
            OutputStream out = socket.getOutputStream();
            out.write(word.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Whether the server at {@code host:port} answers {@code ruok} with {@code imok}. */
    public static boolean isOk(String host, int port, Duration timeout) {
        try {
            return ask(host, port, "ruok", timeout).startsWith("imok");
        } catch (IOException e) {
            return false;
        }
    }
}
