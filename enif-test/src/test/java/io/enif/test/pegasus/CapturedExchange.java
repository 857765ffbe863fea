package io.enif.test.pegasus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One request the official Pegasus Java client sent and the reply it accepted, as captured on the wire.
 *
 * @param label the RPC name, with an {@code @tag} when the file holds the same RPC more than once
 * @param request the whole request frame (THFT header, request meta, body)
 * @param reply the whole reply frame (length, error name, body)
 */
record CapturedExchange(String label, byte[] request, byte[] reply) {
    static final String RESOURCE = "/pegasus-client-capture/frames.txt";

    /** The RPC name (the label without its tag). */
    String name() {
        int at = label.indexOf('@');
        return at < 0 ? label : label.substring(0, at);
    }

    ByteBuffer requestBuffer() {
        return ByteBuffer.wrap(request).asReadOnlyBuffer();
    }

    ByteBuffer replyBuffer() {
        return ByteBuffer.wrap(reply).asReadOnlyBuffer();
    }

    /** Every exchange of the capture file, in the order the client sent them. */
    static List<CapturedExchange> load() throws IOException {
        List<CapturedExchange> exchanges = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(CapturedExchange.class.getResourceAsStream(RESOURCE), RESOURCE);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.trim().split("\\s+");
                if (columns.length != 3) {
                    throw new IOException("expected label, request and reply in: " + line);
                }
                HexFormat hex = HexFormat.of();
                exchanges.add(new CapturedExchange(columns[0], hex.parseHex(columns[1]), hex.parseHex(columns[2])));
            }
        }
        return exchanges;
    }

    /** The exchange labelled {@code label}. */
    static CapturedExchange find(List<CapturedExchange> exchanges, String label) {
        return exchanges.stream()
                .filter(e -> e.label().equals(label))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no captured exchange " + label));
    }
}
