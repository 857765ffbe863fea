package io.enif.proto.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class KeyCodecTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void encodesAsLengthHashKeySortKey() {
        assertThat(KeyCodec.encode(bytes("h"), bytes("s"))).containsExactly(0x00, 0x01, 'h', 's');
        byte[] key = KeyCodec.encode(bytes("hash"), bytes("sort"));
        assertThat(KeyCodec.hashKey(key)).isEqualTo(bytes("hash"));
        assertThat(KeyCodec.sortKey(key)).isEqualTo(bytes("sort"));
    }

    @Test
    void rejectsTooLongHashKeysAndMalformedKeys() {
        assertThatThrownBy(() -> KeyCodec.encode(new byte[0xFFFF], new byte[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hash key too long");
        assertThat(KeyCodec.encode(new byte[0xFFFE], new byte[0])).hasSize(0xFFFE + 2);
        assertThat(KeyCodec.isWellFormed(new byte[] {0x00, 0x05, 'a'})).isFalse();
        assertThat(KeyCodec.isWellFormed(new byte[] {0x00})).isFalse();
        assertThatThrownBy(() -> KeyCodec.sortKey(new byte[] {0x00, 0x05, 'a'}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void successorOfPrefixIncrementsTheLastNonFfByte() {
        assertThat(KeyCodec.successorOfPrefix(new byte[] {0x00, 0x01, 'h'})).containsExactly(0x00, 0x01, 'i');
        assertThat(KeyCodec.successorOfPrefix(new byte[] {0x01, (byte) 0xff, (byte) 0xff}))
                .containsExactly(0x02);
        assertThat(KeyCodec.successorOfPrefix(new byte[] {(byte) 0xff})).isNull();
        assertThat(KeyCodec.successorOfPrefix(new byte[0])).isNull();
    }

    @Test
    void hashesTheHashKeyOrTheSortKeyWhenTheHashKeyIsEmpty() {
        assertThat(KeyCodec.partitionHash(KeyCodec.encode(bytes("h"), bytes("s"))))
                .isEqualTo(0x555d9839ecea8b30L);
        assertThat(KeyCodec.partitionHash(KeyCodec.encode(new byte[0], bytes("h"))))
                .isEqualTo(0x555d9839ecea8b30L);
        // The hash is unsigned: 0xae8b14860a799888 mod 8 = 0, mod 3 = 0x...888 as unsigned.
        assertThat(KeyCodec.partitionIndex(0xae8b14860a799888L, 8)).isEqualTo(0);
        assertThat(KeyCodec.partitionIndex(-1L, 10)).isEqualTo((int) Long.remainderUnsigned(-1L, 10));
    }

    @Test
    void storedValuesCarryTheExpiryHeader() {
        byte[] stored = ValueCodec.encode(0x01020304, bytes("v"));
        assertThat(stored).containsExactly(1, 2, 3, 4, 'v');
        assertThat(ValueCodec.expireTs(stored)).isEqualTo(0x01020304);
        assertThat(ValueCodec.userValue(stored)).isEqualTo(bytes("v"));
        assertThat(ExpireTime.isExpired(0, 100)).isFalse();
        assertThat(ExpireTime.isExpired(100, 100)).isTrue();
        assertThat(ExpireTime.isExpired(101, 100)).isFalse();
        assertThat(ExpireTime.fromUnixMillis(1_451_606_400_000L + 5_000)).isEqualTo(5);
    }
}
