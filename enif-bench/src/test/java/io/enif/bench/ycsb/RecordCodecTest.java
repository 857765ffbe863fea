package io.enif.bench.ycsb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import site.ycsb.ByteIterator;
import site.ycsb.StringByteIterator;

@Timeout(10)
class RecordCodecTest {

    private static Map<String, ByteIterator> record(String... pairs) {
        Map<String, ByteIterator> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], new StringByteIterator(pairs[i + 1]));
        }
        return m;
    }

    private static Map<String, String> strings(Map<String, ByteIterator> m) {
        Map<String, String> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k, v.toString()));
        return out;
    }

    @Test
    void everyFieldComesBack() {
        byte[] encoded = RecordCodec.encode(record("field0", "alpha", "field1", "", "fïeld2", "gamma"));
        Map<String, ByteIterator> out = new HashMap<>();
        RecordCodec.decode(encoded, null, out);
        assertThat(strings(out))
                .containsExactlyInAnyOrderEntriesOf(Map.of("field0", "alpha", "field1", "", "fïeld2", "gamma"));
    }

    @Test
    void onlyTheRequestedFieldsAreReturned() {
        byte[] encoded = RecordCodec.encode(record("a", "1", "b", "2", "c", "3"));
        Map<String, ByteIterator> out = new HashMap<>();
        RecordCodec.decode(encoded, Set.of("c", "missing"), out);
        assertThat(strings(out)).containsExactlyEntriesOf(Map.of("c", "3"));
    }

    @Test
    void aKilobyteRecordCostsTenBytesOfFramingPerField() {
        Map<String, ByteIterator> m = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            m.put("field" + i, new StringByteIterator("x".repeat(100)));
        }
        assertThat(RecordCodec.encode(m)).hasSize(2 + 10 * (2 + 6 + 4 + 100));
    }

    @Test
    void truncatedOrPaddedBytesAreRefused() {
        byte[] encoded = RecordCodec.encode(record("a", "hello"));
        assertThatThrownBy(() -> RecordCodec.decode(Arrays.copyOf(encoded, encoded.length - 1), null, new HashMap<>()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecordCodec.decode(Arrays.copyOf(encoded, encoded.length + 1), null, new HashMap<>()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("after the last field");
    }
}
