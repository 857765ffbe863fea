package io.enif.server.cli;

import io.enif.bench.ycsb.EnifBinding;
import io.enif.bench.ycsb.YcsbLauncher;
import io.enif.bench.ycsb.YcsbLauncher.Outcome;
import io.enif.bench.ycsb.YcsbLauncher.Phase;
import io.enif.bench.ycsb.YcsbLauncher.Plan;
import io.enif.client.ClientConfig;
import io.enif.client.EnifClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code enif bench}: runs a YCSB workload against a cluster, the load phase then the run phase, each in a child JVM
 * with YCSB's own client ({@link YcsbLauncher}), and prints YCSB's reports. The defaults fit the onebox: its meta
 * servers, table {@code temp}, workload A, 10,000 records of 1 KB (10 fields of 100 bytes). The status is 1 when a
 * phase failed or any operation did not return OK.
 */
@Command(
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Run a YCSB workload (load and run phases) against a cluster and print YCSB's report",
        footer = {
            "",
            "Examples:",
            "  enif bench                                  # workload A on the onebox's table temp",
            "  enif bench -P c --records 100000 --operations 100000 --threads 16",
            "  enif bench --table ycsb --create-replicas 3 --create-partitions 8",
            "More: docs/benchmarks.md"
        })
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--meta",
            paramLabel = "<host:port,...>",
            defaultValue = EnifBinding.ONEBOX_META,
            description = "The meta servers (default: ${DEFAULT-VALUE}, the onebox's)")
    String meta;

    @Option(
            names = "--table",
            paramLabel = "<name>",
            defaultValue = "temp",
            description = "The table (default: ${DEFAULT-VALUE}); it must exist unless --create-replicas is given")
    String table;

    @Option(
            names = {"-P", "--workload"},
            paramLabel = "<workload>",
            defaultValue = "a",
            description = "A core workload a..f (or workloada..workloadf), or a YCSB workload file (default: "
                    + "${DEFAULT-VALUE})")
    String workload;

    @Option(
            names = "--phase",
            paramLabel = "<phase>",
            defaultValue = "both",
            description = "load, run or both (default: ${DEFAULT-VALUE})")
    String phase;

    @Option(
            names = {"-t", "--threads"},
            paramLabel = "<n>",
            defaultValue = "8",
            description = "YCSB client threads (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(
            names = "--records",
            paramLabel = "<n>",
            defaultValue = "10000",
            description = "YCSB recordcount (default: ${DEFAULT-VALUE})")
    long records;

    @Option(
            names = "--operations",
            paramLabel = "<n>",
            defaultValue = "10000",
            description = "YCSB operationcount of the run phase (default: ${DEFAULT-VALUE})")
    long operations;

    @Option(
            names = "--field-count",
            paramLabel = "<n>",
            defaultValue = "10",
            description = "Fields per record (default: ${DEFAULT-VALUE})")
    int fieldCount;

    @Option(
            names = "--field-length",
            paramLabel = "<bytes>",
            defaultValue = "100",
            description = "Bytes per field (default: ${DEFAULT-VALUE})")
    int fieldLength;

    @Option(
            names = "--timeout-ms",
            paramLabel = "<ms>",
            defaultValue = "5000",
            description = "Each operation's timeout, retries included (default: ${DEFAULT-VALUE})")
    int timeoutMs;

    @Option(
            names = "--create-replicas",
            paramLabel = "<n>",
            description = "Create the table first (if missing) with this many replicas, and wait until healthy")
    Integer createReplicas;

    @Option(
            names = "--create-partitions",
            paramLabel = "<n>",
            defaultValue = "8",
            description = "Partitions of a table made by --create-replicas (default: ${DEFAULT-VALUE})")
    int createPartitions;

    @Option(
            names = "--create-only",
            description = "Only create the table (with --create-replicas) or check that it exists; run no YCSB phase")
    boolean createOnly;

    @Option(
            names = "--db",
            paramLabel = "<class>",
            defaultValue = "io.enif.bench.ycsb.EnifBinding",
            description = "The YCSB binding (default: ${DEFAULT-VALUE})")
    String db;

    @Option(
            names = "--jvm-opt",
            paramLabel = "<option>",
            description = "An option of the YCSB JVM (repeatable; default: -Xmx1g)")
    List<String> jvmOptions;

    @Option(
            names = "-p",
            paramLabel = "<key=value>",
            description = "Any YCSB or binding property (repeatable); wins over the options above")
    Map<String, String> properties = new LinkedHashMap<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        List<Phase> phases = phases();
        if (threads < 1 || records < 0 || operations < 0 || fieldCount < 1 || fieldLength < 0) {
            throw new IllegalArgumentException("threads and field count must be positive, counts not negative");
        }
        PrintWriter out = spec.commandLine().getOut();
        boolean enif = db.equals(EnifBinding.class.getName());
        if (enif) {
            prepareTable(out);
        }
        if (createOnly) {
            out.println("Table " + table + " is ready.");
            return 0;
        }
        Plan plan = new Plan(db, workload, threads, properties(), jvmOptions == null ? List.of("-Xmx1g") : jvmOptions);
        long failed = 0;
        for (Phase p : phases) {
            out.printf(
                    "== YCSB %s phase: workload %s, %s, %d threads ==%n",
                    p == Phase.LOAD ? "load" : "run", workload, enif ? "table " + table + " on " + meta : db, threads);
            out.flush();
            Outcome outcome = YcsbLauncher.run(p, plan, out);
            if (outcome.exitStatus() != 0) {
                throw new IOException("the YCSB " + p.name().toLowerCase(Locale.ROOT) + " phase exited with status "
                        + outcome.exitStatus());
            }
            failed += outcome.report().failed();
        }
        if (failed > 0) {
            spec.commandLine()
                    .getErr()
                    .println("ERROR: " + failed + " operations did not return OK (see Return= above)");
            return EnifCommandLine.FAILED;
        }
        return 0;
    }

    private List<Phase> phases() {
        return switch (phase) {
            case "load" -> List.of(Phase.LOAD);
            case "run" -> List.of(Phase.RUN);
            case "both" -> List.of(Phase.LOAD, Phase.RUN);
            default -> throw new IllegalArgumentException("--phase must be load, run or both, not '" + phase + "'");
        };
    }

    private Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("table", table);
        p.put("recordcount", String.valueOf(records));
        p.put("operationcount", String.valueOf(operations));
        p.put("fieldcount", String.valueOf(fieldCount));
        p.put("fieldlength", String.valueOf(fieldLength));
        p.put("hdrhistogram.percentiles", "50,95,99,99.9");
        p.put("enif.meta_servers", meta);
        p.put("enif.timeout_ms", String.valueOf(timeoutMs));
        p.putAll(properties);
        return p;
    }

    /** Creates the table when asked, and fails early when it does not exist. */
    private void prepareTable(PrintWriter out) {
        ClientConfig config = ClientConfig.builder()
                .metaServers(meta)
                .operationTimeout(Duration.ofMillis(timeoutMs))
                .build();
        try (EnifClient client = EnifClient.create(config)) {
            if (createReplicas != null) {
                out.printf(
                        "Creating table %s (%d partitions x %d replicas) if missing...%n",
                        table, createPartitions, createReplicas);
                out.flush();
                client.createApp(
                        table,
                        createPartitions,
                        createReplicas,
                        Map.of(),
                        Duration.ofMinutes(3).toMillis());
            }
            client.openTable(table);
        }
    }
}
