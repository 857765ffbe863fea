package io.enif.bench.ycsb;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * Turns a folder of YCSB reports into the Markdown tables of {@code docs/benchmarks.md}. Each report is a file named
 * {@code <system>__<workload>__<repetition>.txt} (as {@code bench/compare.sh} writes them); a cell (system ×
 * workload) shows the median over its repetitions, and the spread: min–max of the throughput and {@code (max - min) /
 * median}. A second table gives the throughput ratios the issue asks for, from the medians.
 *
 * <p>Run: {@code java -cp ... io.enif.bench.ycsb.ResultTable <folder>}; the tables go to stdout.
 */
public final class ResultTable {
    /** Systems in the order the tables list them; others follow by name. */
    static final List<String> SYSTEM_ORDER =
            List.of("enif-rf3", "enif-rf1", "cassandra-rf3", "cassandra-rf1", "redis", "rocksdb");

    /** Workloads in the order the tables list them; others follow by name. */
    static final List<String> WORKLOAD_ORDER = List.of("load", "a", "b", "c");

    private final Map<String, Map<String, List<YcsbReport>>> cells = new TreeMap<>();

    /** Adds one repetition's report of {@code system} on {@code workload}. */
    public void add(String system, String workload, YcsbReport report) {
        cells.computeIfAbsent(workload, w -> new TreeMap<>())
                .computeIfAbsent(system, s -> new ArrayList<>())
                .add(report);
    }

    /** Reads every {@code <system>__<workload>__<repetition>.txt} of a folder. */
    public static ResultTable read(Path folder) throws IOException {
        ResultTable table = new ResultTable();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                String[] parts = name.replaceFirst("\\.txt$", "").split("__");
                if (!name.endsWith(".txt") || parts.length != 3) {
                    continue;
                }
                table.add(parts[0], parts[1], YcsbReport.parse(Files.readAllLines(file, StandardCharsets.UTF_8)));
            }
        }
        return table;
    }

    /** The Markdown: one table per workload, then the ratios. */
    public String markdown() {
        StringBuilder out = new StringBuilder();
        for (String workload : ordered(cells.keySet(), WORKLOAD_ORDER)) {
            Map<String, List<YcsbReport>> bySystem = cells.get(workload);
            out.append("Workload ")
                    .append(workload.equals("load") ? "load (inserts)" : workload.toUpperCase(Locale.ROOT))
                    .append("\n\n");
            out.append("| System | Throughput ops/s (median) | min – max | spread | read p50 / p99 / p999 µs"
                    + " | write p50 / p99 / p999 µs | failed ops | runs |\n");
            out.append("|---|---|---|---|---|---|---|---|\n");
            for (String system : ordered(bySystem.keySet(), SYSTEM_ORDER)) {
                List<YcsbReport> runs = bySystem.get(system);
                double[] tput = values(runs, YcsbReport::throughput);
                double median = median(tput);
                out.append("| ")
                        .append(system)
                        .append(" | ")
                        .append(fmt(median))
                        .append(" | ")
                        .append(fmt(min(tput)))
                        .append(" – ")
                        .append(fmt(max(tput)))
                        .append(" | ")
                        .append(pct((max(tput) - min(tput)) / median))
                        .append(" | ")
                        .append(latencies(runs, "READ"))
                        .append(" | ")
                        .append(latencies(runs, workload.equals("load") ? "INSERT" : "UPDATE"))
                        .append(" | ")
                        .append(runs.stream().mapToLong(YcsbReport::failed).sum())
                        .append(" | ")
                        .append(runs.size())
                        .append(" |\n");
            }
            out.append('\n');
        }
        out.append(ratios());
        return out.toString();
    }

    private String ratios() {
        StringBuilder out = new StringBuilder();
        out.append("Throughput ratios (medians)\n\n");
        out.append("| Workload | Enif RF3 / Cassandra RF3 | Enif RF1 / Cassandra RF1 | Enif RF1 / Redis"
                + " | Enif RF3 / Redis | Enif RF1 / RocksDB | Enif RF3 / RocksDB |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        for (String workload : ordered(cells.keySet(), WORKLOAD_ORDER)) {
            out.append("| ")
                    .append(workload)
                    .append(" | ")
                    .append(ratio(workload, "enif-rf3", "cassandra-rf3"))
                    .append(" | ")
                    .append(ratio(workload, "enif-rf1", "cassandra-rf1"))
                    .append(" | ")
                    .append(ratio(workload, "enif-rf1", "redis"))
                    .append(" | ")
                    .append(ratio(workload, "enif-rf3", "redis"))
                    .append(" | ")
                    .append(ratio(workload, "enif-rf1", "rocksdb"))
                    .append(" | ")
                    .append(ratio(workload, "enif-rf3", "rocksdb"))
                    .append(" |\n");
        }
        out.append(
                "\np99 latency ratios, Enif / Cassandra at equal replication (medians; below 1 means Enif is lower)\n\n");
        out.append("| Workload | read RF3 | read RF1 | write RF3 | write RF1 |\n");
        out.append("|---|---|---|---|---|\n");
        for (String workload : ordered(cells.keySet(), WORKLOAD_ORDER)) {
            String write = workload.equals("load") ? "INSERT" : "UPDATE";
            out.append("| ")
                    .append(workload)
                    .append(" | ")
                    .append(p99Ratio(workload, "READ", "enif-rf3", "cassandra-rf3"))
                    .append(" | ")
                    .append(p99Ratio(workload, "READ", "enif-rf1", "cassandra-rf1"))
                    .append(" | ")
                    .append(p99Ratio(workload, write, "enif-rf3", "cassandra-rf3"))
                    .append(" | ")
                    .append(p99Ratio(workload, write, "enif-rf1", "cassandra-rf1"))
                    .append(" |\n");
        }
        return out.toString();
    }

    private String p99Ratio(String workload, String op, String a, String b) {
        double x = p99(workload, op, a);
        double y = p99(workload, op, b);
        return Double.isNaN(x) || Double.isNaN(y) ? "–" : String.format(Locale.ROOT, "%.2f", x / y);
    }

    private double p99(String workload, String op, String system) {
        List<YcsbReport> runs = cells.get(workload).getOrDefault(system, List.of()).stream()
                .filter(r -> r.operations().containsKey(op))
                .toList();
        return median(values(runs, r -> r.operations().get(op).latency(99)));
    }

    private String ratio(String workload, String a, String b) {
        Map<String, List<YcsbReport>> bySystem = cells.get(workload);
        if (!bySystem.containsKey(a) || !bySystem.containsKey(b)) {
            return "–";
        }
        double x = median(values(bySystem.get(a), YcsbReport::throughput));
        double y = median(values(bySystem.get(b), YcsbReport::throughput));
        return String.format(Locale.ROOT, "%.2f", x / y);
    }

    private static String latencies(List<YcsbReport> runs, String op) {
        if (runs.stream().noneMatch(r -> r.operations().containsKey(op))) {
            return "–";
        }
        List<YcsbReport> with =
                runs.stream().filter(r -> r.operations().containsKey(op)).toList();
        return fmt(median(values(with, r -> r.operations().get(op).latency(50))))
                + " / " + fmt(median(values(with, r -> r.operations().get(op).latency(99))))
                + " / " + fmt(median(values(with, r -> r.operations().get(op).latency(99.9))));
    }

    private static double[] values(List<YcsbReport> runs, ToDoubleFunction<YcsbReport> f) {
        return runs.stream().mapToDouble(f).toArray();
    }

    static double median(double[] xs) {
        if (xs.length == 0) {
            return Double.NaN;
        }
        double[] s = xs.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static double min(double[] xs) {
        return Arrays.stream(xs).min().orElse(Double.NaN);
    }

    private static double max(double[] xs) {
        return Arrays.stream(xs).max().orElse(Double.NaN);
    }

    private static String fmt(double x) {
        return Double.isNaN(x) ? "–" : String.format(Locale.ROOT, "%,.0f", x).replace(',', ' ');
    }

    private static String pct(double x) {
        return Double.isNaN(x) ? "–" : String.format(Locale.ROOT, "%.0f %%", x * 100);
    }

    private static List<String> ordered(java.util.Collection<String> names, List<String> order) {
        List<String> out = new ArrayList<>(names);
        out.sort(Comparator.<String>comparingInt(n -> order.contains(n) ? order.indexOf(n) : order.size())
                .thenComparing(Comparator.naturalOrder()));
        return out;
    }

    /** Prints the tables of the reports in the folder given as the only argument. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ResultTable <folder of <system>__<workload>__<rep>.txt>");
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.print(read(Path.of(args[0])).markdown());
    }
}
