package io.enif.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.server.role.MetaRole;
import io.enif.server.role.ServerRoles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code enif bench}: YCSB's load and run phases in child JVMs, here on the in-process RocksDB binding. */
@Timeout(120)
class BenchCommandTest {
    private static final ServerRoles ROLES = ServerRoles.of(new MetaRole());

    @TempDir
    Path dir;

    @Test
    void loadThenRunPrintsBothOfYcsbsReports() {
        Cli cli = Cli.run(
                ROLES,
                "bench",
                "--db",
                "io.enif.bench.ycsb.RocksDbBinding",
                "-p",
                "rocksdb.dir=" + dir.resolve("db"),
                "-p",
                "rocksdb.block_cache_mb=8",
                "-P",
                "c",
                "--records",
                "200",
                "--operations",
                "300",
                "--threads",
                "2",
                "--field-count",
                "1",
                "--jvm-opt",
                "-Xmx256m");
        assertThat(cli.status()).as(cli.err()).isZero();
        assertThat(cli.out())
                .contains("== YCSB load phase: workload c, io.enif.bench.ycsb.RocksDbBinding, 2 threads ==")
                .contains("[INSERT], Operations, 200")
                .contains("== YCSB run phase")
                .contains("[READ], Operations, 300")
                .contains("[READ], Return=OK, 300")
                .contains("[READ], 99.9PercentileLatency(us)");
        assertThat(cli.out().indexOf("[INSERT], Operations"))
                .isLessThan(cli.out().indexOf("== YCSB run phase"));
    }

    @Test
    void aRunOnAnEmptyStoreFailsOnItsNotFoundReads() {
        Cli cli = Cli.run(
                ROLES,
                "bench",
                "--db",
                "io.enif.bench.ycsb.RocksDbBinding",
                "-p",
                "rocksdb.dir=" + dir.resolve("empty"),
                "-p",
                "rocksdb.block_cache_mb=8",
                "-P",
                "c",
                "--phase",
                "run",
                "--operations",
                "50",
                "--threads",
                "1",
                "--jvm-opt",
                "-Xmx256m");
        assertThat(cli.status()).isEqualTo(1);
        assertThat(cli.out()).contains("[READ], Return=NOT_FOUND, 50").doesNotContain("load phase");
        assertThat(cli.err()).contains("ERROR: 50 operations did not return OK");
    }

    @Test
    void anUnknownPhaseIsRefused() {
        Cli cli = Cli.run(ROLES, "bench", "--phase", "warmup");
        assertThat(cli.status()).isEqualTo(1);
        assertThat(cli.err()).contains("ERROR: --phase must be load, run or both, not 'warmup'");
    }
}
