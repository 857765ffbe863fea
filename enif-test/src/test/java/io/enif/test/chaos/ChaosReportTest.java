package io.enif.test.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.test.history.Op;
import io.enif.test.history.OpMix;
import io.enif.test.history.Outcome;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ChaosReportTest {

    private static Map<String, long[]> ops(long each) {
        Map<String, long[]> ops = new TreeMap<>();
        for (String type : OpMix.TYPES) {
            ops.put(type, new long[] {each, 0, 1});
        }
        return ops;
    }

    @Test
    void aRunAboveItsMinimumsHasNoShortfall() {
        assertThat(ChaosReport.shortfalls(12, 150.0, ops(100), 10, 100.0, 20)).isEmpty();
    }

    @Test
    void everyMinimumIsChecked() {
        Map<String, long[]> ops = ops(100);
        ops.get("incr")[0] = 3;
        assertThat(ChaosReport.shortfalls(9, 50.0, ops, 10, 100.0, 20))
                .hasSize(3)
                .anySatisfy(s -> assertThat(s).contains("only 9 faults"))
                .anySatisfy(s -> assertThat(s).contains("throughput 50.0"))
                .anySatisfy(s -> assertThat(s).contains("only 3 incr"));
        Map<String, long[]> missing = ops(100);
        missing.remove("multi_put");
        assertThat(ChaosReport.shortfalls(10, 100.0, missing, 10, 100.0, 20))
                .singleElement()
                .asString()
                .contains("only 0 multi_put");
    }

    @Test
    void theVerdictCountsLostWritesAndViolations() {
        ChaosReport pass = new ChaosReport(
                7, 60_000, 50_000, 12, Map.of("kill replica", 12), ops(1000), Map.of(), 2000, 40, 5, List.of());
        assertThat(pass.passed()).isTrue();
        assertThat(pass.acked()).isEqualTo(5000);
        assertThat(pass.throughput()).isEqualTo(100.0);
        assertThat(pass.verdict())
                .startsWith(
                        "chaos: PASS seed 7: 12 faults, 5000 acked ops (100.0/s), 0 lost writes, 0 linearizability");
        assertThat(pass.lines()).last().isEqualTo(pass.verdict());

        ChaosReport fail = new ChaosReport(
                7,
                60_000,
                50_000,
                12,
                Map.of(),
                ops(1000),
                Map.of("ERR_TIMEOUT", 3L),
                -1,
                40,
                5,
                List.of("lost write: h/a holds x", "linearizability: hash key h", "only 3 faults injected"));
        assertThat(fail.passed()).isFalse();
        assertThat(fail.verdict())
                .startsWith("chaos: FAIL")
                .contains("1 lost writes, 1 linearizability violations, 3 failure(s)");
        assertThat(fail.lines()).anyMatch(l -> l.contains("fully healthy NEVER"));
        assertThat(fail.json())
                .startsWith("{\"verdict\":\"FAIL\",\"seed\":7,")
                .contains("\"ops\":{\"check_and_set\":{\"ok\":1000,\"failed\":0,\"unknown\":1}")
                .contains("\"failures\":[\"lost write: h/a holds x\",");
    }

    @Test
    void theRecorderCountsOutcomesByTypeOnOneHistory() {
        ChaosRecorder recorder = new ChaosRecorder();
        long a = recorder.invoke(0, "h", new Op.Put("a", "v"));
        long b = recorder.invoke(1, "h", new Op.Incr("n", 1));
        long c = recorder.invoke(2, "h", new Op.Get("a"));
        recorder.complete(a, "put", Outcome.OK, null, null);
        recorder.complete(b, "incr", Outcome.UNKNOWN, null, "ERR_TIMEOUT");
        recorder.complete(c, "final_get", Outcome.OK, "v", null);
        assertThat(recorder.acked()).isEqualTo(1);
        assertThat(recorder.unknown()).isEqualTo(1);
        assertThat(recorder.count("final_get", Outcome.OK)).isEqualTo(1);
        assertThat(recorder.errors()).containsExactly(Map.entry("ERR_TIMEOUT", 1L));
        assertThat(recorder.operations())
                .hasSize(3)
                .filteredOn(o -> o.outcome() == Outcome.OK)
                .allSatisfy(o -> assertThat(o.completedAt()).isGreaterThanOrEqualTo(o.invokedAt()));
        assertThat(recorder.operations().get(1).completedAt()).isEqualTo(Long.MAX_VALUE);
    }
}
