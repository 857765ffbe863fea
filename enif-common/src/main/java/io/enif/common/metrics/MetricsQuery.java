package io.enif.common.metrics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The query of a {@code /metrics} request, with Pegasus's filters (spec/ops-cluster.md §13.2 B): {@code types},
 * {@code ids}, {@code attributes} (key,value pairs; an entity matches when any pair matches), {@code metrics} (names),
 * {@code with_metric_fields} (which fields of each metric to show) and {@code detail} (also type, unit and
 * description). An empty filter matches everything. {@code format=json|prometheus} picks the form; any JSON filter
 * implies JSON (DESIGN §10).
 *
 * @param json whether the JSON form is asked for
 * @param types entity types to keep
 * @param ids entity ids to keep
 * @param attributes attribute key/value pairs
 * @param metrics metric names to keep
 * @param fields metric fields to show (empty = the default set)
 * @param detail whether type, unit and description are shown
 */
public record MetricsQuery(
        boolean json,
        Set<String> types,
        Set<String> ids,
        Map<String, Set<String>> attributes,
        Set<String> metrics,
        Set<String> fields,
        boolean detail) {
    private static final Set<String> FILTERS =
            Set.of("with_metric_fields", "types", "ids", "attributes", "metrics", "detail");

    /** Everything, as Prometheus text. */
    public static final MetricsQuery ALL =
            new MetricsQuery(false, Set.of(), Set.of(), Map.of(), Set.of(), Set.of(), false);

    /**
     * Parses the query parameters of a request.
     *
     * @throws IllegalArgumentException with the message for the client, on an unknown parameter or a bad value
     */
    public static MetricsQuery parse(Map<String, List<String>> parameters) {
        boolean json = false;
        for (String name : parameters.keySet()) {
            if (FILTERS.contains(name)) {
                json = true;
            } else if (!name.equals("format")) {
                throw new IllegalArgumentException("unknown parameter: " + name);
            }
        }
        String format = last(parameters, "format");
        if (format != null) {
            switch (format) {
                case "json" -> json = true;
                case "prometheus", "text" -> {
                    if (json) {
                        throw new IllegalArgumentException("the filters need format=json");
                    }
                }
                default -> throw new IllegalArgumentException("invalid format: " + format);
            }
        }
        List<String> attributePairs = list(parameters, "attributes");
        if (attributePairs.size() % 2 != 0) {
            throw new IllegalArgumentException(
                    "invalid attributes: the number of elements must be even, got " + attributePairs.size());
        }
        Map<String, Set<String>> attributes = new LinkedHashMap<>();
        for (int i = 0; i < attributePairs.size(); i += 2) {
            attributes
                    .computeIfAbsent(attributePairs.get(i), k -> new HashSet<>())
                    .add(attributePairs.get(i + 1));
        }
        Set<String> fields = Set.copyOf(list(parameters, "with_metric_fields"));
        String detail = last(parameters, "detail");
        boolean detailed;
        if (detail == null || detail.equals("false")) {
            detailed = false;
        } else if (detail.equals("true") || detail.isEmpty()) {
            detailed = true;
        } else {
            throw new IllegalArgumentException("invalid detail: " + detail + " (true or false)");
        }
        return new MetricsQuery(
                json,
                Set.copyOf(list(parameters, "types")),
                Set.copyOf(list(parameters, "ids")),
                Map.copyOf(attributes),
                Set.copyOf(list(parameters, "metrics")),
                fields,
                detailed);
    }

    /** Whether {@code entity} passes the type, id and attribute filters. */
    public boolean matches(MetricEntity entity) {
        if (!types.isEmpty() && !types.contains(entity.type())) {
            return false;
        }
        if (!ids.isEmpty() && !ids.contains(entity.id())) {
            return false;
        }
        if (attributes.isEmpty()) {
            return true;
        }
        for (Map.Entry<String, Set<String>> a : attributes.entrySet()) {
            String v = entity.attributes().get(a.getKey());
            if (v != null && a.getValue().contains(v)) {
                return true;
            }
        }
        return false;
    }

    /** Whether metric {@code name} passes the metric filter. */
    public boolean matches(String name) {
        return metrics.isEmpty() || metrics.contains(name);
    }

    /** Whether field {@code field} of a metric is shown. */
    public boolean shows(String field) {
        if (!fields.isEmpty()) {
            return fields.contains(field);
        }
        return switch (field) {
            case "type", "unit", "desc" -> detail;
            default -> true;
        };
    }

    private static String last(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }

    /** The comma-separated values of a parameter (every occurrence), empty items dropped. */
    private static List<String> list(Map<String, List<String>> parameters, String name) {
        List<String> out = new ArrayList<>();
        for (String value : parameters.getOrDefault(name, List.of())) {
            for (String item : value.split(",", -1)) {
                if (!item.isEmpty()) {
                    out.add(item);
                }
            }
        }
        return out;
    }
}
