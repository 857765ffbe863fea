package io.enif.storage.op;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.proto.rrdb.filter_type;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class FilterMatcherTest {
    private static final byte[] BUF = "xxpineapplexx".getBytes(StandardCharsets.US_ASCII);
    private static final int OFF = 2;
    private static final int LEN = 9; // "pineapple"

    private static boolean m(filter_type type, String pattern) {
        return FilterMatcher.matches(type, pattern.getBytes(StandardCharsets.US_ASCII), BUF, OFF, LEN);
    }

    @Test
    void matchesWithinTheSliceOnly() {
        assertThat(m(filter_type.FT_MATCH_ANYWHERE, "eapp")).isTrue();
        assertThat(m(filter_type.FT_MATCH_ANYWHERE, "xp")).isFalse();
        assertThat(m(filter_type.FT_MATCH_PREFIX, "pine")).isTrue();
        assertThat(m(filter_type.FT_MATCH_PREFIX, "xpine")).isFalse();
        assertThat(m(filter_type.FT_MATCH_POSTFIX, "apple")).isTrue();
        assertThat(m(filter_type.FT_MATCH_POSTFIX, "applex")).isFalse();
        assertThat(m(filter_type.FT_MATCH_PREFIX, "pineapplexx")).isFalse();
    }

    @Test
    void anEmptyPatternOrNoFilterMatchesEverything() {
        assertThat(m(filter_type.FT_MATCH_PREFIX, "")).isTrue();
        assertThat(m(filter_type.FT_NO_FILTER, "zzz")).isTrue();
        assertThat(m(null, "zzz")).isTrue();
        assertThat(FilterMatcher.isActive(filter_type.FT_MATCH_ANYWHERE, new byte[0]))
                .isFalse();
        assertThat(FilterMatcher.isActive(filter_type.FT_MATCH_ANYWHERE, new byte[] {1}))
                .isTrue();
    }
}
