package io.enif.test.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SurvivalCheckerTest {

    private static Operation put(long id, String sk, String v, long from, long to, Outcome outcome) {
        return new Operation(id, 1, "h", new Op.Put(sk, v), from, to, outcome, null);
    }

    @Test
    void lastAcknowledgedWriteMustBeThere() {
        List<Operation> h = List.of(put(1, "s", "a", 1, 2, Outcome.OK), put(2, "s", "b", 3, 4, Outcome.OK));
        assertThat(SurvivalChecker.check(h, Map.of("h", Map.of("s", "b")))).isEmpty();
        assertThat(SurvivalChecker.check(h, Map.of("h", Map.of("s", "a"))))
                .singleElement()
                .asString()
                .contains("holds a");
        assertThat(SurvivalChecker.check(h, Map.of())).hasSize(1);
    }

    @Test
    void aLaterUnknownWriteMayWin() {
        List<Operation> h =
                List.of(put(1, "s", "a", 1, 2, Outcome.OK), put(2, "s", "b", 3, Long.MAX_VALUE, Outcome.UNKNOWN));
        assertThat(SurvivalChecker.check(h, Map.of("h", Map.of("s", "b")))).isEmpty();
        assertThat(SurvivalChecker.check(h, Map.of("h", Map.of("s", "a")))).isEmpty();
    }

    @Test
    void failedWritesDoNotCount() {
        List<Operation> h = List.of(put(1, "s", "a", 1, 2, Outcome.OK), put(2, "s", "b", 3, 4, Outcome.FAILED));
        assertThat(SurvivalChecker.check(h, Map.of("h", Map.of("s", "b")))).hasSize(1);
    }

    @Test
    void multiPutCountsForEachSortKey() {
        List<Operation> h =
                List.of(new Operation(1, 1, "h", new Op.MultiPut(Map.of("a", "1", "b", "1")), 1, 2, Outcome.OK, null));
        assertThat(SurvivalChecker.check(h, Map.of("h", Map.of("a", "1", "b", "1"))))
                .isEmpty();
        assertThat(SurvivalChecker.check(h, Map.of("h", Map.of("a", "1"))))
                .singleElement()
                .asString()
                .contains("b");
    }

    @Test
    void incrementsMustAllBeCounted() {
        List<Operation> h = List.of(
                new Operation(1, 1, "h", new Op.Incr("n", 2), 1, 2, Outcome.OK, 2L),
                new Operation(2, 1, "h", new Op.Incr("n", 3), 3, Long.MAX_VALUE, Outcome.UNKNOWN, null));
        assertThat(SurvivalChecker.check(h, Map.of("h", Map.of("n", "2")))).isEmpty();
        assertThat(SurvivalChecker.check(h, Map.of("h", Map.of("n", "5")))).isEmpty();
        assertThat(SurvivalChecker.check(h, Map.of("h", Map.of("n", "0")))).hasSize(1);
        assertThat(SurvivalChecker.check(h, Map.of("h", Map.of("n", "6")))).hasSize(1);
    }

    @Test
    void historyRecordsOutcomesAndDigests() {
        History a = new History();
        long id = a.invoke(1, "h", new Op.Put("s", "v"), 1);
        a.complete(id, Outcome.OK, null, 2);
        a.invoke(2, "h", new Op.Get("s"), 3);
        assertThat(a.operations()).hasSize(2);
        assertThat(a.operations().get(1).outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(a.operations().get(1).completedAt()).isEqualTo(Long.MAX_VALUE);
        History b = new History();
        long id2 = b.invoke(1, "h", new Op.Put("s", "v"), 1);
        b.complete(id2, Outcome.OK, null, 2);
        b.invoke(2, "h", new Op.Get("s"), 3);
        assertThat(b.digest()).isEqualTo(a.digest());
        b.invoke(3, "h", new Op.Get("s"), 4);
        assertThat(b.digest()).isNotEqualTo(a.digest());
    }
}
