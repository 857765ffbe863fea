package io.enif.storage.op;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.proto.key.KeyCodec;
import io.enif.proto.rrdb.filter_type;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class KeyRangeTest {
    private static final byte[] EMPTY = new byte[0];

    private static byte[] s(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] key(String hashKey, String sortKey) {
        return KeyCodec.encode(s(hashKey), s(sortKey));
    }

    @Test
    void anEmptyStopIsTheEndOfTheHashKeyAndExclusive() {
        KeyRange r = KeyRange.forMultiGet(s("h"), EMPTY, true, EMPTY, true, null, EMPTY);
        assertThat(r.start()).isEqualTo(key("h", ""));
        assertThat(r.stop()).isEqualTo(new byte[] {0, 1, 'i'});
        assertThat(r.stopInclusive()).isFalse();
        assertThat(r.contains(key("h", "\u00ff\u00ff"))).isTrue();
        assertThat(r.contains(key("i", ""))).isFalse();
        assertThat(r.contains(key("hh", ""))).isFalse();
    }

    @Test
    void aPrefixFilterNarrowsBothEnds() {
        KeyRange r = KeyRange.forMultiGet(s("h"), s("a"), false, s("z"), true, filter_type.FT_MATCH_PREFIX, s("m"));
        assertThat(r.start()).isEqualTo(key("h", "m"));
        assertThat(r.startInclusive()).isTrue();
        assertThat(r.stop()).isEqualTo(key("h", "n"));
        assertThat(r.stopInclusive()).isFalse();

        KeyRange inside =
                KeyRange.forMultiGet(s("h"), s("mb"), false, s("mc"), true, filter_type.FT_MATCH_PREFIX, s("m"));
        assertThat(inside.start()).isEqualTo(key("h", "mb"));
        assertThat(inside.startInclusive()).isFalse();
        assertThat(inside.stop()).isEqualTo(key("h", "mc"));
        assertThat(inside.stopInclusive()).isTrue();

        KeyRange disjoint =
                KeyRange.forMultiGet(s("h"), s("a"), true, s("b"), true, filter_type.FT_MATCH_PREFIX, s("m"));
        assertThat(disjoint.isEmpty()).isTrue();
    }

    @Test
    void aPrefixOfFfBytesEndsAtTheNextHashKey() {
        KeyRange r =
                KeyRange.forMultiGet(s("h"), EMPTY, true, EMPTY, false, filter_type.FT_MATCH_PREFIX, new byte[] {-1});
        assertThat(r.start()).isEqualTo(new byte[] {0, 1, 'h', -1});
        assertThat(r.stop()).isEqualTo(new byte[] {0, 1, 'i'});
    }

    @Test
    void emptiness() {
        assertThat(new KeyRange(s("b"), true, s("a"), true).isEmpty()).isTrue();
        assertThat(new KeyRange(s("a"), true, s("a"), true).isEmpty()).isFalse();
        assertThat(new KeyRange(s("a"), false, s("a"), true).isEmpty()).isTrue();
        assertThat(new KeyRange(s("a"), true, s("a"), false).isEmpty()).isTrue();
        assertThat(new KeyRange(s("a"), false, s("b"), false).isEmpty()).isFalse();
    }

    @Test
    void aHashKeyPrefixFilterRaisesTheStartOfAScan() {
        KeyRange r = KeyRange.forScan(
                new byte[] {0, 0}, false, new byte[] {-1, -1}, false, filter_type.FT_MATCH_PREFIX, s("ab"));
        assertThat(r.start()).isEqualTo(new byte[] {0, 2, 'a', 'b'});
        assertThat(r.startInclusive()).isTrue();
        assertThat(r.stop()).isEqualTo(new byte[] {-1, -1});

        KeyRange later = KeyRange.forScan(
                key("zz", ""), false, new byte[] {-1, -1}, false, filter_type.FT_MATCH_PREFIX, s("ab"));
        assertThat(later.start()).isEqualTo(key("zz", ""));
        assertThat(later.startInclusive()).isFalse();
    }
}
