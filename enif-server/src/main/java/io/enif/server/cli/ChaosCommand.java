package io.enif.server.cli;

import io.enif.client.ClientConfig;
import io.enif.client.EnifClient;
import io.enif.common.HostPort;
import io.enif.server.onebox.OneboxInstance;
import io.enif.server.onebox.OneboxProcesses;
import io.enif.server.role.ServerRoles;
import io.enif.test.chaos.ChaosConfig;
import io.enif.test.chaos.ChaosReport;
import io.enif.test.chaos.ChaosRun;
import io.enif.test.chaos.ChaosTarget;
import io.enif.test.chaos.FaultTiming;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code enif chaos}: process-level chaos against a running onebox ({@code docs/simulation.md}, "Process-level
 * chaos"). Client threads run a recorded workload while a seeded injector kill -9s, SIGSTOPs/SIGCONTs and restarts meta
 * and replica servers; then everything is healed and the history is checked for lost writes and linearizability.
 * Prints progress about every 10 s and ends with {@code chaos: PASS ...} or {@code chaos: FAIL ...} and the command
 * that replays the seed's fault plan. Exit status 1 on any violation or when a minimum is not reached.
 */
@Command(
        name = "chaos",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Inject process faults (kill -9, SIGSTOP/SIGCONT, restart) into a running onebox under a client workload,"
                    + " then check the history for lost writes and linearizability violations.",
            "Start the onebox with test-profile timers first (see scripts/check-onebox-chaos.sh)."
        })
final class ChaosCommand implements Callable<Integer> {
    private final ServerRoles roles;

    @Spec
    CommandSpec spec;

    @Mixin
    OneboxCommand.DirOption dir = new OneboxCommand.DirOption();

    @Option(
            names = "--seed",
            paramLabel = "S",
            description = "Seed of the fault plan and the workload (default: the clock)")
    Long seed;

    @Option(
            names = "--duration",
            paramLabel = "<seconds>",
            defaultValue = "150",
            description = "Seconds during which faults start (default: ${DEFAULT-VALUE})")
    int durationSeconds;

    @Option(
            names = "--threads",
            paramLabel = "N",
            defaultValue = "6",
            description = "Client threads, one operation at a time each (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(
            names = "--hash-keys",
            paramLabel = "N",
            defaultValue = "8",
            description = "Hash keys the clients share per 10-s key epoch (default: ${DEFAULT-VALUE})")
    int hashKeys;

    @Option(
            names = "--timeout-ms",
            paramLabel = "<ms>",
            defaultValue = "5000",
            description = "Each client call's deadline (default: ${DEFAULT-VALUE})")
    int timeoutMs;

    @Option(names = "--table", defaultValue = "temp", description = "The table (default: ${DEFAULT-VALUE})")
    String table;

    @Option(
            names = "--min-faults",
            paramLabel = "N",
            defaultValue = "10",
            description = "Fail with fewer faults injected (default: ${DEFAULT-VALUE})")
    int minFaults;

    @Option(
            names = "--min-throughput",
            paramLabel = "<ops/s>",
            defaultValue = "100",
            description = "Fail below this many acknowledged operations per second (default: ${DEFAULT-VALUE})")
    double minThroughput;

    @Option(
            names = "--min-ops-per-type",
            paramLabel = "N",
            defaultValue = "20",
            description = "Fail when fewer operations of some type were acknowledged (default: ${DEFAULT-VALUE})")
    long minOpsPerType;

    @Option(
            names = {"-j", "--json"},
            description = "Also print the report as one JSON object")
    boolean json;

    ChaosCommand(ServerRoles roles) {
        this.roles = roles;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (durationSeconds < 1 || threads < 1 || hashKeys < 1 || timeoutMs < 1) {
            throw new ParameterException(
                    spec.commandLine(), "--duration, --threads, --hash-keys and --timeout-ms must be positive");
        }
        long s = seed != null ? seed : System.currentTimeMillis();
        ChaosProcesses processes = new ChaosProcesses(roles, dir.root());
        List<HostPort> metas = new ArrayList<>();
        for (OneboxInstance meta : processes.instances(ChaosTarget.Role.META)) {
            OneboxProcesses.address(meta).map(HostPort::parse).ifPresent(metas::add);
        }
        if (metas.isEmpty() || processes.count(ChaosTarget.Role.REPLICA) == 0) {
            out.println("ERROR: no onebox with meta and replica servers in " + dir.root()
                    + "; start one first (enif onebox start --dir ...)");
            return EnifCommandLine.FAILED;
        }
        ChaosConfig config = new ChaosConfig(
                s,
                durationSeconds * 1000L,
                threads,
                hashKeys,
                10_000,
                timeoutMs,
                table,
                3,
                120_000,
                minFaults,
                minThroughput,
                minOpsPerType,
                FaultTiming.testProfile());
        ClientConfig clientConfig = ClientConfig.builder()
                .metaServers(metas)
                .operationTimeout(Duration.ofMillis(timeoutMs))
                .metaQueryTimeout(Duration.ofMillis(2000))
                .retryPolicy(ClientConfig.RetryKind.EXPONENTIAL)
                .retryBaseInterval(Duration.ofMillis(20))
                .metaRetryDelay(Duration.ofMillis(500))
                .build();
        ChaosReport report;
        try (EnifClient client = EnifClient.create(clientConfig)) {
            report = new ChaosRun(config, processes, client, line -> {
                        out.println(line);
                        out.flush();
                    })
                    .run();
        }
        if (json) {
            out.println(report.json());
        }
        out.println("replay: ./enif chaos --seed " + s + " --duration " + durationSeconds + " --threads " + threads
                + " (the same fault plan; the interleaving of operations differs)");
        out.flush();
        return report.passed() ? 0 : EnifCommandLine.FAILED;
    }
}
