package io.enif.meta.server;

import java.util.Map;
import java.util.Objects;

/**
 * A table the leader creates when it finds a cluster without any table, from a {@code [meta_server.apps.<name>]}
 * section ({@code spec/ops-cluster.md} §1.2, DEP-2).
 *
 * @param appName {@code app_name}, by default the section's suffix
 * @param appType {@code app_type}, by default {@code pegasus}
 * @param partitionCount {@code partition_count}, by default 8
 * @param maxReplicaCount {@code max_replica_count}, by default 3
 * @param stateful {@code stateful}, by default true
 */
public record BootstrapTable(
        String appName, String appType, int partitionCount, int maxReplicaCount, boolean stateful) {

    public BootstrapTable {
        Objects.requireNonNull(appName, "appName");
        Objects.requireNonNull(appType, "appType");
    }

    /**
     * Parses one raw section.
     *
     * @param section the section name, e.g. {@code meta_server.apps.temp}
     * @throws IllegalArgumentException naming the section and key when a number is malformed
     */
    public static BootstrapTable parse(String section, Map<String, String> values) {
        String suffix = section.substring(section.lastIndexOf('.') + 1);
        return new BootstrapTable(
                values.getOrDefault("app_name", suffix).trim(),
                values.getOrDefault("app_type", "pegasus").trim(),
                number(section, values, "partition_count", 8),
                number(section, values, "max_replica_count", 3),
                Boolean.parseBoolean(values.getOrDefault("stateful", "true").trim()));
    }

    private static int number(String section, Map<String, String> values, String key, int fallback) {
        String text = values.get(key);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("[" + section + "] " + key + " = '" + text + "' is not a number", e);
        }
    }
}
