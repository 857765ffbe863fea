package io.enif.common.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code /metrics} JSON document read back (the shell's stat commands and tests read servers' metrics this way).
 *
 * @param cluster the cluster name
 * @param role the server's role
 * @param host its host
 * @param port its port
 * @param entities the entities in the document's order
 */
public record MetricsDocument(String cluster, String role, String host, long port, List<Entity> entities) {

    /**
     * Parses the JSON form.
     *
     * @throws IllegalArgumentException when it is not a metrics document
     */
    @SuppressWarnings("unchecked")
    public static MetricsDocument parse(String json) {
        Object root = JsonReader.parse(json);
        if (!(root instanceof Map<?, ?> doc) || !(doc.get("entities") instanceof List<?> list)) {
            throw new IllegalArgumentException("not a metrics document");
        }
        List<Entity> entities = new ArrayList<>();
        for (Object o : list) {
            Map<String, Object> e = (Map<String, Object>) o;
            Map<String, String> attributes = new LinkedHashMap<>();
            ((Map<String, Object>) e.getOrDefault("attributes", Map.of()))
                    .forEach((k, v) -> attributes.put(k, String.valueOf(v)));
            Map<String, Map<String, Object>> metrics = new LinkedHashMap<>();
            for (Object m : (List<Object>) e.getOrDefault("metrics", List.of())) {
                Map<String, Object> metric = (Map<String, Object>) m;
                metrics.put(String.valueOf(metric.get("name")), metric);
            }
            entities.add(new Entity((String) e.get("type"), (String) e.get("id"), attributes, metrics));
        }
        Object port = doc.get("port");
        return new MetricsDocument(
                (String) doc.get("cluster"),
                (String) doc.get("role"),
                (String) doc.get("host"),
                port instanceof Number n ? n.longValue() : 0,
                entities);
    }

    /** The entities of {@code type}. */
    public List<Entity> ofType(String type) {
        return entities.stream().filter(e -> e.type().equals(type)).toList();
    }

    /** The sum of metric {@code name} (field {@code value}) over the entities of {@code type}. */
    public long sum(String type, String name) {
        long total = 0;
        for (Entity e : ofType(type)) {
            total += e.value(name);
        }
        return total;
    }

    /**
     * One entity.
     *
     * @param type its type
     * @param id its id
     * @param attributes its attributes
     * @param metrics its metrics by name, each the map of its fields
     */
    public record Entity(
            String type, String id, Map<String, String> attributes, Map<String, Map<String, Object>> metrics) {
        /** Field {@code value} of metric {@code name}, 0 when absent. */
        public long value(String name) {
            return field(name, "value");
        }

        /** Field {@code field} of metric {@code name} (e.g. {@code p99}), 0 when absent. */
        public long field(String name, String field) {
            Map<String, Object> m = metrics.get(name);
            Object v = m == null ? null : m.get(field);
            return v instanceof Number n ? n.longValue() : 0;
        }
    }
}
