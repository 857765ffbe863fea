package io.enif.common.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class Crc64Test {

    private static long crc(String text) {
        return Crc64.compute(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void matchesTheSpecTestVectors() {
        assertThat(crc("")).isZero();
        assertThat(crc("a")).isEqualTo(0x8c2f8445b4cbfc3cL);
        assertThat(crc("123456789")).isEqualTo(0xae8b14860a799888L);
        assertThat(crc("h")).isEqualTo(0x555d9839ecea8b30L);
        assertThat(crc("hash_key")).isEqualTo(0x65641f36e9f6a96dL);
    }

    @Test
    void computesOverASlice() {
        byte[] framed = "xx123456789yy".getBytes(StandardCharsets.US_ASCII);
        assertThat(Crc64.compute(framed, 2, 9)).isEqualTo(0xae8b14860a799888L);
    }
}
