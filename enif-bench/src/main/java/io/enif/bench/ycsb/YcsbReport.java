package io.enif.bench.ycsb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures of one YCSB text report ({@code [OVERALL], Throughput(ops/sec), 812.3}, {@code [READ],
 * 99thPercentileLatency(us), 1234}, {@code [READ], Return=ERROR, 3}, ...): overall throughput and, per operation, the
 * count, the failures and the latency percentiles. Lines that are not report lines are ignored, so a whole log can be
 * parsed.
 *
 * @param throughput operations per second of the phase, or NaN when the report has none
 * @param operations per operation name ({@code READ}, {@code UPDATE}, {@code INSERT}, ...; not the {@code -FAILED}
 *     twins), its figures
 */
public record YcsbReport(double throughput, Map<String, OpStats> operations) {
    private static final Pattern LINE = Pattern.compile("^\\[([A-Z_-]+)],\\s*([^,]+),\\s*([-0-9.Ee+]+|NaN)\\s*$");
    private static final Pattern PERCENTILE = Pattern.compile("^([0-9.]+?)(?:th|st|nd|rd)?PercentileLatency\\(us\\)$");

    /**
     * One operation's figures.
     *
     * @param count operations measured (OK or not)
     * @param failed operations whose return was not OK
     * @param percentiles latency in microseconds by percentile ({@code 50.0}, {@code 99.0}, {@code 99.9}, ...)
     */
    public record OpStats(long count, long failed, Map<Double, Double> percentiles) {
        /** The latency at {@code percentile}, or NaN when the report did not give it. */
        public double latency(double percentile) {
            return percentiles.getOrDefault(percentile, Double.NaN);
        }
    }

    /** Parses a report's lines. */
    public static YcsbReport parse(List<String> lines) {
        double throughput = Double.NaN;
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, Map<Double, Double>> latencies = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher m = LINE.matcher(line.trim());
            if (!m.matches()) {
                continue;
            }
            String op = m.group(1);
            String metric = m.group(2).trim();
            double value = Double.parseDouble(m.group(3));
            if (op.equals("OVERALL")) {
                if (metric.equals("Throughput(ops/sec)")) {
                    throughput = value;
                }
                continue;
            }
            if (op.endsWith("-FAILED") || op.equals("CLEANUP") || op.equals("TOTAL_GCS") || op.startsWith("TOTAL_GC")) {
                continue;
            }
            long[] c = counts.computeIfAbsent(op, k -> new long[2]);
            Map<Double, Double> lat = latencies.computeIfAbsent(op, k -> new LinkedHashMap<>());
            Matcher p = PERCENTILE.matcher(metric);
            if (metric.equals("Operations")) {
                c[0] = (long) value;
            } else if (metric.startsWith("Return=") && !metric.equals("Return=OK")) {
                c[1] += (long) value;
            } else if (p.matches()) {
                lat.put(Double.parseDouble(p.group(1)), value);
            }
        }
        Map<String, OpStats> ops = new LinkedHashMap<>();
        counts.forEach((op, c) -> ops.put(op, new OpStats(c[0], c[1], Map.copyOf(latencies.get(op)))));
        return new YcsbReport(throughput, ops);
    }

    /** Failed operations of every kind. */
    public long failed() {
        return operations.values().stream().mapToLong(OpStats::failed).sum();
    }
}
