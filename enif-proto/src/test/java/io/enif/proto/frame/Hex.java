package io.enif.proto.frame;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Byte fixtures written as in {@code spec/protocol.md}: hex digits, {@code "quoted text"}, and ignored {@code |}. */
final class Hex {

    static byte[] bytes(String fixture) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < fixture.length()) {
            char c = fixture.charAt(i);
            if (c == '"') {
                int end = fixture.indexOf('"', i + 1);
                byte[] text = fixture.substring(i + 1, end).getBytes(StandardCharsets.UTF_8);
                out.write(text, 0, text.length);
                i = end + 1;
            } else if (Character.digit(c, 16) >= 0) {
                out.write(Integer.parseInt(fixture.substring(i, i + 2), 16));
                i += 2;
            } else if (Character.isWhitespace(c) || c == '|') {
                i++;
            } else {
                throw new IllegalArgumentException("bad fixture character '" + c + "' at " + i);
            }
        }
        return out.toByteArray();
    }

    private Hex() {}
}
