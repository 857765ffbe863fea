package io.enif.bench.ycsb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class YcsbReportTest {
    @TempDir
    Path dir;

    static List<String> report(double throughput, int p99) {
        return List.of(
                "Command line: -t -db io.enif.bench.ycsb.EnifBinding",
                "[OVERALL], RunTime(ms), 1000",
                "[OVERALL], Throughput(ops/sec), " + throughput,
                "[TOTAL_GCS_G1_Young_Generation], Count, 3",
                "[READ], Operations, 950",
                "[READ], AverageLatency(us), 410.5",
                "[READ], 50thPercentileLatency(us), 300",
                "[READ], 99thPercentileLatency(us), " + p99,
                "[READ], 99.9PercentileLatency(us), 5000",
                "[READ], Return=OK, 948",
                "[READ], Return=NOT_FOUND, 2",
                "[READ-FAILED], Operations, 2",
                "[UPDATE], Operations, 50",
                "[UPDATE], 50thPercentileLatency(us), 900",
                "[UPDATE], Return=OK, 50",
                "[CLEANUP], Operations, 4");
    }

    @Test
    void readsThroughputCountsFailuresAndPercentiles() {
        YcsbReport r = YcsbReport.parse(report(812.5, 1200));
        assertThat(r.throughput()).isEqualTo(812.5);
        assertThat(r.operations()).containsOnlyKeys("READ", "UPDATE");
        assertThat(r.operations().get("READ").count()).isEqualTo(950);
        assertThat(r.operations().get("READ").failed()).isEqualTo(2);
        assertThat(r.operations().get("READ").latency(50)).isEqualTo(300);
        assertThat(r.operations().get("READ").latency(99)).isEqualTo(1200);
        assertThat(r.operations().get("READ").latency(99.9)).isEqualTo(5000);
        assertThat(r.operations().get("UPDATE").latency(99)).isNaN();
        assertThat(r.failed()).isEqualTo(2);
    }

    @Test
    void theTableShowsMediansSpreadAndRatios() throws Exception {
        write("enif-rf3__a__1.txt", report(900, 1000));
        write("enif-rf3__a__2.txt", report(1000, 3000));
        write("enif-rf3__a__3.txt", report(1100, 2000));
        write("cassandra-rf3__a__1.txt", report(400, 9000));
        write("notes.txt", List.of("not a report"));
        String md = ResultTable.read(dir).markdown();
        assertThat(md)
                .contains("| enif-rf3 | 1 000 | 900 – 1 100 | 20 % | 300 / 2 000 / 5 000 | 900 / – / – | 6 | 3 |");
        assertThat(md).contains("| cassandra-rf3 | 400 |");
        assertThat(md.indexOf("| enif-rf3 |")).isLessThan(md.indexOf("| cassandra-rf3 |"));
        assertThat(md).contains("| a | 2.50 | – |");
        // Read p99: Enif's median 2 000 µs against Cassandra's 9 000 µs.
        assertThat(md).contains("| a | 0.22 | – | – | – |");
    }

    private void write(String name, List<String> lines) throws Exception {
        Files.write(dir.resolve(name), lines, StandardCharsets.UTF_8);
    }
}
