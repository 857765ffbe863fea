package io.enif.test.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.test.history.Op;
import io.enif.test.history.OpMix;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ChaosWorkloadTest {

    @Test
    void theSameSeedGivesTheSameOperations() {
        ChaosWorkload a = new ChaosWorkload(1, 99, "p.", 8);
        ChaosWorkload b = new ChaosWorkload(1, 99, "p.", 8);
        for (int i = 0; i < 200; i++) {
            assertThat(a.next(i / 50)).isEqualTo(b.next(i / 50));
        }
    }

    @Test
    void everyTypeOnTheEpochsHashKeysWithUniqueValues() {
        ChaosWorkload w = new ChaosWorkload(3, 1, "p.", 4);
        Set<String> types = new HashSet<>();
        Set<String> values = new HashSet<>();
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            OpMix.Next next = w.next(7);
            types.add(next.type());
            assertThat(next.hashKey()).matches("p\\.e7k[0-3]");
            if (next.op() instanceof Op.Put p) {
                written.add(p.value());
            } else if (next.op() instanceof Op.CheckAndSet c) {
                written.add(c.setValue());
            }
        }
        assertThat(types).containsExactlyInAnyOrderElementsOf(OpMix.TYPES);
        values.addAll(written);
        assertThat(values).hasSameSizeAs(written).allMatch(v -> v.startsWith("c3-"));
    }

    @Test
    void checkAndSetExpectsWhatTheClientLastSaw() {
        ChaosWorkload w = new ChaosWorkload(0, 5, "p.", 1);
        String key = ChaosWorkload.hashKey("p.", 0, 0);
        w.saw(key, "c", "c2-17");
        w.saw(key, "a", "ignored");
        int withExpectation = 0;
        for (int i = 0; i < 400; i++) {
            if (w.next(0).op() instanceof Op.CheckAndSet c && c.expected() != null) {
                assertThat(c.expected()).isEqualTo("c2-17");
                withExpectation++;
            }
        }
        assertThat(withExpectation).isPositive();
    }
}
