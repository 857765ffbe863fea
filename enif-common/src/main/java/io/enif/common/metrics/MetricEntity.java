package io.enif.common.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * One thing that is measured, as Pegasus's metric entity: a type ({@code server}, {@code replica}, {@code table},
 * {@code disk}, ...), an id unique in the process ({@code replica@2.3}) and attributes ({@code table_id=2}). Its
 * metrics are created on first use and then looked up without locks; hold on to the returned metric on hot paths.
 */
public final class MetricEntity {
    private final String type;
    private final String id;
    private final Map<String, String> attributes;
    private final Map<String, Metric> metrics = new ConcurrentHashMap<>();

    MetricEntity(String type, String id, Map<String, String> attributes) {
        this.type = Objects.requireNonNull(type, "type");
        this.id = Objects.requireNonNull(id, "id");
        this.attributes = Collections.unmodifiableMap(new TreeMap<>(attributes));
    }

    /** The entity type, e.g. {@code replica}. */
    public String type() {
        return type;
    }

    /** The id, e.g. {@code replica@2.3}. */
    public String id() {
        return id;
    }

    /** The attributes, sorted by key. */
    public Map<String, String> attributes() {
        return attributes;
    }

    /** The counter of {@code prototype}, created on first use. */
    public Counter counter(MetricPrototype prototype) {
        return get(prototype, MetricType.COUNTER, Counter::new, Counter.class);
    }

    /** The gauge of {@code prototype}, created on first use. */
    public Gauge gauge(MetricPrototype prototype) {
        return get(prototype, MetricType.GAUGE, Gauge::new, Gauge.class);
    }

    /** The gauge of {@code prototype}, reading its value from {@code source} on every scrape. */
    public Gauge gauge(MetricPrototype prototype, LongSupplier source) {
        Gauge g = gauge(prototype);
        g.follow(source);
        return g;
    }

    /** The percentile of {@code prototype}, created on first use. */
    public Percentile percentile(MetricPrototype prototype) {
        return get(prototype, MetricType.PERCENTILE, Percentile::new, Percentile.class);
    }

    /** The metrics, sorted by name. */
    public List<Metric> metrics() {
        List<Metric> list = new ArrayList<>(metrics.values());
        list.sort((a, b) -> a.prototype().name().compareTo(b.prototype().name()));
        return list;
    }

    private <M extends Metric> M get(
            MetricPrototype prototype, MetricType expected, Function<MetricPrototype, M> factory, Class<M> kind) {
        if (prototype.type() != expected) {
            throw new IllegalArgumentException(prototype.name() + " is a " + prototype.type() + ", not a " + expected);
        }
        if (!prototype.entityType().equals(type)) {
            throw new IllegalArgumentException(
                    prototype.name() + " belongs to entity type " + prototype.entityType() + ", not " + type);
        }
        Metric m = metrics.get(prototype.name());
        if (m == null) {
            m = metrics.computeIfAbsent(prototype.name(), n -> factory.apply(prototype));
        }
        if (!m.prototype().equals(prototype)) {
            throw new IllegalArgumentException("two definitions of metric " + type + "." + prototype.name());
        }
        return kind.cast(m);
    }

    @Override
    public String toString() {
        return type + "(" + id + ")";
    }
}
