package io.enif.common.metrics;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A value that goes up and down: either set by its owner ({@link #set(long)}) or read from a supplier on every scrape
 * (a supplier must be quick and must not block).
 */
public final class Gauge implements Metric {
    private final MetricPrototype prototype;
    private final AtomicLong value = new AtomicLong();
    private volatile LongSupplier supplier;

    Gauge(MetricPrototype prototype) {
        this.prototype = Objects.requireNonNull(prototype, "prototype");
    }

    @Override
    public MetricPrototype prototype() {
        return prototype;
    }

    /** Sets the value (and forgets a supplier). */
    public void set(long v) {
        supplier = null;
        value.set(v);
    }

    /** Reads the value from {@code source} from now on. */
    public void follow(LongSupplier source) {
        supplier = Objects.requireNonNull(source, "source");
    }

    /** The current value. */
    public long value() {
        LongSupplier s = supplier;
        return s == null ? value.get() : s.getAsLong();
    }
}
