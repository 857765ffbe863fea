package io.enif.bench.ycsb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs one YCSB phase ({@code site.ycsb.Client}, YCSB's own driver and report) in a child JVM with this process's
 * class path. A child per phase, because YCSB's client keeps its measurements in a process-wide singleton and ends
 * with {@code System.exit}: the load phase's figures must not leak into the run phase's report, and the caller must
 * outlive both.
 */
public final class YcsbLauncher {
    /** YCSB's client class. */
    public static final String YCSB_CLIENT = "site.ycsb.Client";

    private YcsbLauncher() {}

    /** A YCSB phase. */
    public enum Phase {
        /** Inserts {@code recordcount} records ({@code -load}). */
        LOAD("-load"),
        /** Runs {@code operationcount} operations of the workload's mix ({@code -t}). */
        RUN("-t");

        private final String flag;

        Phase(String flag) {
            this.flag = flag;
        }

        /** YCSB's command-line flag for the phase. */
        public String flag() {
            return flag;
        }
    }

    /**
     * What to run.
     *
     * @param binding the {@code site.ycsb.DB} class, e.g. {@code io.enif.bench.ycsb.EnifBinding}
     * @param workload a core workload's name ({@link YcsbWorkloads}) or a workload file's path
     * @param threads YCSB client threads
     * @param properties YCSB properties ({@code -p}), applied after the workload's
     * @param jvmOptions options of the child JVM, e.g. {@code -Xmx1g}
     */
    public record Plan(
            String binding, String workload, int threads, Map<String, String> properties, List<String> jvmOptions) {
        public Plan {
            Objects.requireNonNull(binding, "binding");
            Objects.requireNonNull(workload, "workload");
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, not " + threads);
            }
            properties = new LinkedHashMap<>(properties);
            jvmOptions = List.copyOf(jvmOptions);
        }
    }

    /** The child's command line for {@code phase} of {@code plan}, run by {@code java} with {@code classPath}. */
    public static List<String> command(Phase phase, Plan plan, String java, String classPath) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(plan.jvmOptions());
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(YCSB_CLIENT);
        cmd.add(phase.flag());
        cmd.add("-db");
        cmd.add(plan.binding());
        cmd.add("-threads");
        cmd.add(String.valueOf(plan.threads()));
        cmd.add("-s");
        Map<String, String> builtIn = YcsbWorkloads.named(plan.workload()).orElse(null);
        if (builtIn == null) {
            cmd.add("-P");
            cmd.add(plan.workload());
        } else {
            builtIn.forEach((k, v) -> addProperty(cmd, k, v));
        }
        plan.properties().forEach((k, v) -> addProperty(cmd, k, v));
        return cmd;
    }

    private static void addProperty(List<String> cmd, String key, String value) {
        cmd.add("-p");
        cmd.add(key + "=" + value);
    }

    /**
     * How a phase ended.
     *
     * @param exitStatus the child's exit status
     * @param report the figures of the report it printed
     */
    public record Outcome(int exitStatus, YcsbReport report) {}

    /**
     * Runs {@code phase} of {@code plan} and waits for it: the child's stdout (YCSB's report) is copied line by line
     * to {@code out}, its stderr (YCSB's status lines with {@code -s}) goes to this process's stderr.
     */
    public static Outcome run(Phase phase, Plan plan, PrintWriter out) throws IOException, InterruptedException {
        Process process = processBuilder(phase, plan)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
                out.println(line);
            }
            out.flush();
            return new Outcome(process.waitFor(), YcsbReport.parse(lines));
        } finally {
            process.destroy();
        }
    }

    /** A process builder for {@code phase} of {@code plan} with this JVM's {@code java} and class path. */
    public static ProcessBuilder processBuilder(Phase phase, Plan plan) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(command(phase, plan, java, System.getProperty("java.class.path")));
    }
}
