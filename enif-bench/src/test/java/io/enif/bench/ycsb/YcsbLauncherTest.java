package io.enif.bench.ycsb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class YcsbLauncherTest {
    @TempDir
    Path dir;

    @Test
    void aBuiltInWorkloadBecomesPropertiesThatTheCallersOverride() {
        YcsbLauncher.Plan plan = new YcsbLauncher.Plan(
                "io.enif.bench.ycsb.EnifBinding", "workloadb", 8, Map.of("readproportion", "0.9"), List.of("-Xmx1g"));
        List<String> cmd = YcsbLauncher.command(YcsbLauncher.Phase.RUN, plan, "java", "cp");
        assertThat(cmd.subList(0, 11))
                .containsExactly(
                        "java",
                        "-Xmx1g",
                        "-cp",
                        "cp",
                        "site.ycsb.Client",
                        "-t",
                        "-db",
                        "io.enif.bench.ycsb.EnifBinding",
                        "-threads",
                        "8",
                        "-s");
        assertThat(cmd).contains("readproportion=0.95", "updateproportion=0.05", "requestdistribution=zipfian");
        assertThat(cmd.lastIndexOf("readproportion=0.9")).isGreaterThan(cmd.indexOf("readproportion=0.95"));
        assertThat(cmd).doesNotContain("-P");
    }

    @Test
    void aWorkloadThatIsNoCoreNameIsAFile() {
        YcsbLauncher.Plan plan = new YcsbLauncher.Plan("x.Db", "/tmp/my-workload", 1, Map.of(), List.of());
        List<String> cmd = YcsbLauncher.command(YcsbLauncher.Phase.LOAD, plan, "java", "cp");
        assertThat(cmd).containsSequence("-load").containsSequence("-P", "/tmp/my-workload");
        assertThat(YcsbWorkloads.named("g")).isEmpty();
        assertThat(YcsbWorkloads.named("WorkloadC").orElseThrow()).containsEntry("readproportion", "1");
    }

    /** YCSB's own client in a child JVM, load then workload A, on the in-process RocksDB binding. */
    @Test
    void loadAndRunPhasesReportEveryOperation() throws Exception {
        Map<String, String> props = Map.of(
                "rocksdb.dir", dir.resolve("db").toString(),
                "rocksdb.block_cache_mb", "8",
                "recordcount", "300",
                "operationcount", "400",
                "fieldcount", "1",
                "fieldlength", "1024",
                "hdrhistogram.percentiles", "50,99,99.9");
        YcsbLauncher.Plan plan =
                new YcsbLauncher.Plan(RocksDbBinding.class.getName(), "a", 2, props, List.of("-Xmx256m"));

        YcsbReport load = runPhase(YcsbLauncher.Phase.LOAD, plan, "load.txt");
        assertThat(load.operations().get("INSERT").count()).isEqualTo(300);
        assertThat(load.failed()).isZero();

        YcsbReport run = runPhase(YcsbLauncher.Phase.RUN, plan, "run.txt");
        assertThat(run.throughput()).isPositive();
        assertThat(run.operations()).doesNotContainKey("INSERT");
        long reads = run.operations().get("READ").count();
        long updates = run.operations().get("UPDATE").count();
        assertThat(reads + updates).isEqualTo(400);
        assertThat(reads).isPositive();
        assertThat(updates).isPositive();
        assertThat(run.failed()).isZero();
        assertThat(run.operations().get("READ").latency(99.9)).isPositive();
    }

    private YcsbReport runPhase(YcsbLauncher.Phase phase, YcsbLauncher.Plan plan, String file) throws Exception {
        Path out = dir.resolve(file);
        Process process = YcsbLauncher.processBuilder(phase, plan)
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(String.join("\n", lines)).isZero();
        return YcsbReport.parse(lines);
    }
}
