package io.enif.common.metrics;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The definition of a metric, shared by every entity of one type, as Pegasus's {@code METRIC_DEFINE_*}: the entity
 * type it belongs to, its name (Pegasus's name where Pegasus has one, e.g. {@code get_requests}), its kind, unit and
 * description. Declare prototypes as constants next to the code that updates them.
 *
 * @param entityType the entity type, e.g. {@code replica}
 * @param name the metric name, lower case with underscores
 * @param type its kind
 * @param unit its unit, e.g. {@code requests}, {@code nanoseconds}, {@code bytes}, {@code MB}
 * @param description one sentence for operators
 */
public record MetricPrototype(String entityType, String name, MetricType type, String unit, String description) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    public MetricPrototype {
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(description, "description");
        if (!NAME.matcher(Objects.requireNonNull(name, "name")).matches()) {
            throw new IllegalArgumentException("bad metric name '" + name + "'");
        }
        if (!NAME.matcher(entityType).matches()) {
            throw new IllegalArgumentException("bad entity type '" + entityType + "'");
        }
    }

    /** A counter. */
    public static MetricPrototype counter(String entityType, String name, String unit, String description) {
        return new MetricPrototype(entityType, name, MetricType.COUNTER, unit, description);
    }

    /** A gauge. */
    public static MetricPrototype gauge(String entityType, String name, String unit, String description) {
        return new MetricPrototype(entityType, name, MetricType.GAUGE, unit, description);
    }

    /** A percentile. */
    public static MetricPrototype percentile(String entityType, String name, String unit, String description) {
        return new MetricPrototype(entityType, name, MetricType.PERCENTILE, unit, description);
    }
}
