package io.enif.storage.op;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/**
 * Strict decimal int64 text, as incr and the INT check types read and write values: an optional {@code +} or
 * {@code -}, then one or more ASCII digits, nothing else, within the int64 range (like {@link Long#parseLong} but
 * ASCII only). Pegasus's C++ server also accepts leading blanks, hex and octal (it calls {@code strtoll} with base 0);
 * the spec ({@code client-and-shell.md} §A.6) asks for the strict form, and so does Enif.
 */
public final class DecimalInt64 {
    private DecimalInt64() {}

    /** The value of {@code text}, or empty when it is not a strict decimal int64. */
    public static OptionalLong parse(byte[] text) {
        int n = text.length;
        if (n == 0) {
            return OptionalLong.empty();
        }
        int i = 0;
        boolean negative = false;
        if (text[0] == '-' || text[0] == '+') {
            negative = text[0] == '-';
            i = 1;
            if (n == 1) {
                return OptionalLong.empty();
            }
        }
        // Accumulate negatively so that Long.MIN_VALUE parses.
        long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
        long multmin = limit / 10;
        long result = 0;
        for (; i < n; i++) {
            int digit = text[i] - '0';
            if (digit < 0 || digit > 9 || result < multmin) {
                return OptionalLong.empty();
            }
            result *= 10;
            if (result < limit + digit) {
                return OptionalLong.empty();
            }
            result -= digit;
        }
        return OptionalLong.of(negative ? result : -result);
    }

    /** The decimal ASCII text of {@code value}. */
    public static byte[] format(long value) {
        return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
    }
}
