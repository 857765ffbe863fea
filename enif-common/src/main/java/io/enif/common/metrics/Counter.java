package io.enif.common.metrics;

import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/** A cumulative count; {@link #increment()} and {@link #add(long)} are lock-free and cheap under contention. */
public final class Counter implements Metric {
    private final MetricPrototype prototype;
    private final LongAdder adder = new LongAdder();

    Counter(MetricPrototype prototype) {
        this.prototype = Objects.requireNonNull(prototype, "prototype");
    }

    @Override
    public MetricPrototype prototype() {
        return prototype;
    }

    /** Adds one. */
    public void increment() {
        adder.increment();
    }

    /** Adds {@code n} (not negative). */
    public void add(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("a counter only grows: " + n);
        }
        adder.add(n);
    }

    /** The count so far. */
    public long value() {
        return adder.sum();
    }
}
