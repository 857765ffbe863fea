package io.enif.storage.op;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class DecimalInt64Test {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "+0", "7", "-7", "+7", "0012", "9223372036854775807", "-9223372036854775808"})
    void strictDecimalsParseLikeParseLong(String text) {
        assertThat(DecimalInt64.parse(ascii(text))).hasValue(Long.parseLong(text));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "-",
                "+",
                " 1",
                "1 ",
                "1_000",
                "0x1f",
                "1e3",
                "--1",
                "+-1",
                "9223372036854775808",
                "-9223372036854775809",
                "99999999999999999999",
                "١٢"
            })
    void anythingElseIsRejected(String text) {
        assertThat(DecimalInt64.parse(ascii(text))).isEmpty();
    }

    @Test
    void formatWritesDecimalAscii() {
        assertThat(DecimalInt64.format(-42)).isEqualTo(ascii("-42"));
        assertThat(DecimalInt64.format(Long.MIN_VALUE)).isEqualTo(ascii("-9223372036854775808"));
    }
}
