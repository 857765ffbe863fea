package io.enif.common.metrics;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Percentiles of recent samples, as Pegasus's percentile metric: the last {@value #WINDOW} samples are kept in a ring
 * and p50/p90/p95/p99/p999 are computed from them when read. {@link #record(long)} is lock-free (one atomic increment
 * and one array store); reading sorts a copy of the window. Also keeps the count and sum of every sample since start,
 * for Prometheus's summary.
 */
public final class Percentile implements Metric {
    /** How many recent samples the percentiles are computed from. */
    public static final int WINDOW = 4096;

    /** The quantiles reported, in Pegasus's order, with the field names of the JSON form. */
    public static final String[] FIELDS = {"p50", "p90", "p95", "p99", "p999"};

    /** The quantiles of {@link #FIELDS}. */
    public static final double[] QUANTILES = {0.5, 0.9, 0.95, 0.99, 0.999};

    private final MetricPrototype prototype;
    private final AtomicLongArray ring = new AtomicLongArray(WINDOW);
    private final AtomicLong next = new AtomicLong();
    private final LongAdder count = new LongAdder();
    private final LongAdder sum = new LongAdder();

    Percentile(MetricPrototype prototype) {
        this.prototype = Objects.requireNonNull(prototype, "prototype");
    }

    @Override
    public MetricPrototype prototype() {
        return prototype;
    }

    /** Adds one sample (e.g. a latency in nanoseconds). */
    public void record(long sample) {
        long i = next.getAndIncrement();
        ring.set((int) (i % WINDOW), sample);
        count.increment();
        sum.add(sample);
    }

    /** The percentiles of the current window, and the totals. */
    public Snapshot snapshot() {
        int n = (int) Math.min(next.get(), WINDOW);
        long[] samples = new long[n];
        for (int i = 0; i < n; i++) {
            samples[i] = ring.get(i);
        }
        Arrays.sort(samples);
        long[] values = new long[QUANTILES.length];
        for (int q = 0; q < QUANTILES.length; q++) {
            values[q] = n == 0 ? 0 : samples[Math.min(n - 1, (int) Math.ceil(QUANTILES[q] * n) - 1)];
        }
        return new Snapshot(values, count.sum(), sum.sum());
    }

    /**
     * What a percentile reports at one moment.
     *
     * @param values the values at {@link #QUANTILES}, in that order (0 when there is no sample)
     * @param count how many samples were recorded since start
     * @param sum their sum
     */
    public record Snapshot(long[] values, long count, long sum) {
        /** The value of field {@code p50}, {@code p90}, ... */
        public long value(String field) {
            for (int i = 0; i < FIELDS.length; i++) {
                if (FIELDS[i].equals(field)) {
                    return values[i];
                }
            }
            throw new IllegalArgumentException("no percentile field " + field);
        }
    }
}
