package io.enif.test.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.test.history.LinearizabilityChecker.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class LinearizabilityCheckerTest {
    private final LinearizabilityChecker checker = LinearizabilityChecker.standard();

    private static Operation op(long id, int client, Op op, long from, long to, Outcome outcome, Object result) {
        return new Operation(id, client, "h", op, from, to, outcome, result);
    }

    private static Operation ok(long id, Op op, long from, long to, Object result) {
        return op(id, (int) id, op, from, to, Outcome.OK, result);
    }

    private static Operation unknown(long id, Op op, long from) {
        return op(id, (int) id, op, from, Long.MAX_VALUE, Outcome.UNKNOWN, null);
    }

    @Test
    void sequentialPutThenGetIsLinearizable() {
        List<Operation> h = List.of(ok(1, new Op.Put("s", "a"), 1, 2, null), ok(2, new Op.Get("s"), 3, 4, "a"));
        assertThat(checker.checkKey(h)).isEqualTo(Verdict.LINEARIZABLE);
    }

    @Test
    void staleReadAfterAcknowledgedWriteIsNot() {
        List<Operation> h = List.of(
                ok(1, new Op.Put("s", "a"), 1, 2, null),
                ok(2, new Op.Put("s", "b"), 3, 4, null),
                ok(3, new Op.Get("s"), 5, 6, "a"));
        assertThat(checker.checkKey(h)).isEqualTo(Verdict.NOT_LINEARIZABLE);
    }

    @Test
    void concurrentWritesMayBeReadInEitherOrder() {
        List<Operation> h = List.of(
                ok(1, new Op.Put("s", "a"), 1, 10, null),
                ok(2, new Op.Put("s", "b"), 2, 9, null),
                ok(3, new Op.Get("s"), 11, 12, "a"),
                ok(4, new Op.Get("s"), 13, 14, "a"));
        assertThat(checker.checkKey(h)).isEqualTo(Verdict.LINEARIZABLE);
    }

    @Test
    void readsMayNotFlipBackOnceAValueWasSeen() {
        List<Operation> h = List.of(
                ok(1, new Op.Put("s", "a"), 1, 20, null),
                ok(2, new Op.Put("s", "b"), 2, 20, null),
                ok(3, new Op.Get("s"), 3, 4, "b"),
                ok(4, new Op.Get("s"), 5, 6, "a"),
                ok(5, new Op.Get("s"), 7, 8, "b"));
        assertThat(checker.checkKey(h)).isEqualTo(Verdict.NOT_LINEARIZABLE);
    }

    @Test
    void readOfMissingKeyBeforeAnyWrite() {
        List<Operation> h = List.of(ok(1, new Op.Get("s"), 1, 2, null), ok(2, new Op.Put("s", "a"), 3, 4, null));
        assertThat(checker.checkKey(h)).isEqualTo(Verdict.LINEARIZABLE);
        List<Operation> bad = List.of(ok(1, new Op.Put("s", "a"), 1, 2, null), ok(2, new Op.Get("s"), 3, 4, null));
        assertThat(checker.checkKey(bad)).isEqualTo(Verdict.NOT_LINEARIZABLE);
    }

    @Test
    void unknownWriteMayHaveHappenedOrNot() {
        List<Operation> happened = List.of(
                ok(1, new Op.Put("s", "a"), 1, 2, null),
                unknown(2, new Op.Put("s", "b"), 3),
                ok(3, new Op.Get("s"), 10, 11, "b"));
        List<Operation> notHappened = List.of(
                ok(1, new Op.Put("s", "a"), 1, 2, null),
                unknown(2, new Op.Put("s", "b"), 3),
                ok(3, new Op.Get("s"), 10, 11, "a"));
        assertThat(checker.checkKey(happened)).isEqualTo(Verdict.LINEARIZABLE);
        assertThat(checker.checkKey(notHappened)).isEqualTo(Verdict.LINEARIZABLE);
    }

    @Test
    void unknownWriteCannotTakeEffectBeforeItWasInvoked() {
        List<Operation> h = List.of(ok(1, new Op.Get("s"), 1, 2, "b"), unknown(2, new Op.Put("s", "b"), 3));
        assertThat(checker.checkKey(h)).isEqualTo(Verdict.NOT_LINEARIZABLE);
    }

    @Test
    void failedWriteNeverHappened() {
        List<Operation> h =
                List.of(op(1, 1, new Op.Put("s", "b"), 1, 2, Outcome.FAILED, null), ok(2, new Op.Get("s"), 3, 4, "b"));
        Verdict v = checker.check(h).verdicts().get("h");
        assertThat(v).isEqualTo(Verdict.NOT_LINEARIZABLE);
    }

    @Test
    void incrementsReturnTheRunningSum() {
        List<Operation> good = List.of(
                ok(1, new Op.Incr("n", 1), 1, 10, 2L),
                ok(2, new Op.Incr("n", 1), 2, 3, 1L),
                ok(3, new Op.Get("n"), 11, 12, "2"));
        assertThat(checker.checkKey(good)).isEqualTo(Verdict.LINEARIZABLE);
        List<Operation> lostIncrement =
                List.of(ok(1, new Op.Incr("n", 1), 1, 2, 1L), ok(2, new Op.Incr("n", 1), 3, 4, 1L));
        assertThat(checker.checkKey(lostIncrement)).isEqualTo(Verdict.NOT_LINEARIZABLE);
    }

    @Test
    void checkAndSetSucceedsOnlyWhenTheCheckHolds() {
        List<Operation> good = List.of(
                ok(1, new Op.CheckAndSet("c", null, "c", "x"), 1, 2, true),
                ok(2, new Op.CheckAndSet("c", null, "c", "y"), 3, 4, false),
                ok(3, new Op.Get("c"), 5, 6, "x"));
        assertThat(checker.checkKey(good)).isEqualTo(Verdict.LINEARIZABLE);
        List<Operation> bothWon = List.of(
                ok(1, new Op.CheckAndSet("c", null, "c", "x"), 1, 5, true),
                ok(2, new Op.CheckAndSet("c", null, "c", "y"), 2, 6, true));
        assertThat(checker.checkKey(bothWon)).isEqualTo(Verdict.NOT_LINEARIZABLE);
    }

    @Test
    void multiPutIsAtomic() {
        List<Operation> torn = List.of(
                ok(1, new Op.MultiPut(Map.of("a", "1", "b", "1")), 1, 2, null),
                ok(2, new Op.MultiPut(Map.of("a", "2", "b", "2")), 3, 10, null),
                ok(3, new Op.Get("a"), 4, 5, "2"),
                ok(4, new Op.Get("b"), 6, 7, "1"));
        assertThat(checker.checkKey(torn)).isEqualTo(Verdict.NOT_LINEARIZABLE);
    }

    @Test
    void keysAreJudgedSeparately() {
        List<Operation> h = List.of(
                new Operation(1, 1, "x", new Op.Put("s", "a"), 1, 2, Outcome.OK, null),
                new Operation(2, 2, "y", new Op.Get("s"), 3, 4, Outcome.OK, "a"),
                new Operation(3, 3, "x", new Op.Get("s"), 5, 6, Outcome.OK, "a"));
        LinearizabilityChecker.Result result = checker.check(h);
        assertThat(result.verdicts())
                .containsEntry("x", Verdict.LINEARIZABLE)
                .containsEntry("y", Verdict.NOT_LINEARIZABLE);
        assertThat(result.ok()).isFalse();
        assertThat(result.problems()).singleElement().asString().startsWith("hash key y");
    }

    @Test
    void manyConcurrentUnknownWritesStayTractable() {
        List<Operation> h = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            h.add(unknown(i + 1, new Op.Put("s", "v" + i), i));
        }
        h.add(ok(100, new Op.Get("s"), 1000, 1001, "v17"));
        h.add(ok(101, new Op.Get("s"), 1002, 1003, "v17"));
        assertThat(checker.checkKey(h)).isEqualTo(Verdict.LINEARIZABLE);
    }

    @Test
    void tinyBudgetGivesUndecided() {
        List<Operation> h = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            h.add(ok(i + 1, new Op.Incr("n", 1), 0, 100, (long) (12 - i)));
        }
        assertThat(new LinearizabilityChecker(3).checkKey(h)).isEqualTo(Verdict.UNDECIDED);
        assertThat(checker.checkKey(h)).isEqualTo(Verdict.LINEARIZABLE);
    }

    @Test
    void retriedUnknownWritesStayTractable() {
        List<Operation> h = new java.util.ArrayList<>();
        long id = 1;
        for (int w = 0; w < 12; w++) {
            for (int retry = 0; retry < 3; retry++) {
                h.add(unknown(id++, new Op.MultiPut(Map.of("a", "v" + w, "b", "v" + w)), 10L * w + retry));
            }
        }
        h.add(ok(100, new Op.Put("b", "z"), 500, 501, null));
        h.add(ok(101, new Op.Get("a"), 502, 503, "v7"));
        h.add(ok(102, new Op.Get("b"), 504, 505, "z"));
        assertThat(new LinearizabilityChecker(200_000).checkKey(h)).isEqualTo(Verdict.LINEARIZABLE);
        h.add(ok(103, new Op.Get("a"), 506, 507, "missing"));
        assertThat(new LinearizabilityChecker(200_000).checkKey(h)).isEqualTo(Verdict.NOT_LINEARIZABLE);
    }

    @Test
    void manyUnknownWritesNobodyReadDoNotMultiplyTheSearch() {
        List<Operation> h = new java.util.ArrayList<>();
        h.add(ok(1, new Op.Put("s", "a"), 1, 2, null));
        for (int i = 0; i < 60; i++) {
            h.add(unknown(10 + i, new Op.Put(i % 2 == 0 ? "s" : "t", "u" + i), 3 + i));
        }
        h.add(ok(100, new Op.Get("s"), 200, 201, "a"));
        h.add(ok(101, new Op.Get("t"), 202, 203, null));
        // A budget far below what 60 open writes would take to search: the unread ones are left out first.
        assertThat(new LinearizabilityChecker(1000).checkKey(h)).isEqualTo(Verdict.LINEARIZABLE);
        // A read that contradicts the acknowledged write is still caught with them around.
        h.add(ok(102, new Op.Get("s"), 204, 205, "zz"));
        assertThat(new LinearizabilityChecker(1000).checkKey(h)).isEqualTo(Verdict.NOT_LINEARIZABLE);
    }

    @Test
    void anUnknownWriteSomeoneReadStaysInTheSearch() {
        List<Operation> h = List.of(
                ok(1, new Op.Put("s", "a"), 1, 2, null),
                unknown(2, new Op.Put("s", "u"), 3),
                ok(3, new Op.Get("s"), 10, 11, "u"),
                ok(4, new Op.Get("s"), 12, 13, "u"));
        assertThat(checker.checkKey(h)).isEqualTo(Verdict.LINEARIZABLE);
        assertThat(LinearizabilityChecker.withoutUnobservedUnknownWrites(h)).hasSize(4);
    }

    @Test
    void unknownWritesOnKeysACheckOrIncrementTouchesAreKept() {
        List<Operation> h = List.of(
                unknown(1, new Op.Put("c", "u"), 1),
                ok(2, new Op.CheckAndSet("c", "w", "c", "v"), 5, 6, false),
                unknown(3, new Op.MultiPut(Map.of("a", "m", "b", "m")), 7));
        assertThat(LinearizabilityChecker.withoutUnobservedUnknownWrites(h))
                .extracting(Operation::id)
                .containsExactly(1L, 2L);
    }
}
