package io.enif.common.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The metrics of one process (one meta or replica server; a test JVM may hold several): its entities by id, and
 * collectors that refresh computed gauges just before a scrape renders them.
 */
public final class MetricRegistry {
    private final Map<String, MetricEntity> entities = new ConcurrentHashMap<>();
    private final List<Consumer<MetricRegistry>> collectors = new CopyOnWriteArrayList<>();

    /**
     * The entity with {@code id}, created with {@code type} and {@code attributes} on first use.
     *
     * @throws IllegalArgumentException when the id is taken by an entity of another type
     */
    public MetricEntity entity(String type, String id, Map<String, String> attributes) {
        Objects.requireNonNull(attributes, "attributes");
        MetricEntity e = entities.computeIfAbsent(id, i -> new MetricEntity(type, i, attributes));
        if (!e.type().equals(type)) {
            throw new IllegalArgumentException("entity " + id + " is a " + e.type() + ", not a " + type);
        }
        return e;
    }

    /** The entity with {@code id}, or null. */
    public MetricEntity find(String id) {
        return entities.get(id);
    }

    /** Removes (retires) the entity with {@code id}; its metrics disappear from the next scrape. */
    public void remove(String id) {
        entities.remove(id);
    }

    /** The entities, sorted by type then id. */
    public List<MetricEntity> entities() {
        List<MetricEntity> list = new ArrayList<>(entities.values());
        list.sort((a, b) ->
                a.type().equals(b.type()) ? a.id().compareTo(b.id()) : a.type().compareTo(b.type()));
        return list;
    }

    /** Adds a collector, called (on the scraping thread) before each scrape to refresh computed gauges. */
    public void addCollector(Consumer<MetricRegistry> collector) {
        collectors.add(Objects.requireNonNull(collector, "collector"));
    }

    /** Runs the collectors; a failing collector does not stop the others. */
    public void collect() {
        for (Consumer<MetricRegistry> c : collectors) {
            try {
                c.accept(this);
            } catch (RuntimeException e) {
                // a collector reads state that may be closing; the scrape goes on with the last values
            }
        }
    }
}
