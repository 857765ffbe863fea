package io.enif.common.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders configuration: the effective ini text ({@code config-dump}), the JSON of {@code /config} and
 * {@code /configs}, and the Markdown reference ({@code docs/config.md}).
 */
public final class ConfigDump {
    private ConfigDump() {}

    /**
     * The effective configuration as ini text that {@link IniParser} reads back to the same values: every key grouped
     * by section (sorted), each under a {@code ;} comment with its description, marked {@code [mutable]} where it is,
     * and saying where a non-default value came from; then the raw sections as read.
     */
    public static String toIni(Config config) {
        StringBuilder out = new StringBuilder();
        out.append("; Effective configuration of ").append(config.sourceName()).append(" (config-dump)\n");
        String section = null;
        for (ConfigEntry entry : config.entries()) {
            if (!entry.section().equals(section)) {
                section = entry.section();
                out.append('\n').append('[').append(section).append("]\n");
            }
            List<String> lines = entry.description().lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                out.append("; ").append(lines.get(i).strip());
                if (i == lines.size() - 1) {
                    out.append(annotations(entry));
                }
                out.append('\n');
            }
            out.append(entry.name())
                    .append(" = ")
                    .append(IniParser.escape(entry.value()))
                    .append("\n\n");
        }
        config.rawSections().forEach((name, values) -> {
            out.append('\n').append('[').append(name).append("]\n");
            values.forEach((key, value) -> out.append(key)
                    .append(" = ")
                    .append(IniParser.escape(value))
                    .append('\n'));
        });
        return out.toString();
    }

    /** The body of {@code GET /config?name=}: {@link ConfigEntry#toFlagMap()} as JSON. */
    public static String toConfigJson(ConfigEntry entry) {
        return ConfigJson.write(entry.toFlagMap());
    }

    /**
     * The body of {@code GET /configs}: an object keyed by key name, each value the {@code /config} object. A name
     * declared in several sections is keyed {@code section.name} instead.
     */
    public static String toConfigsJson(Config config) {
        Map<String, Long> nameCounts =
                config.keys().stream().collect(Collectors.groupingBy(ConfigKey::name, Collectors.counting()));
        Map<String, Object> all = new LinkedHashMap<>();
        for (ConfigEntry entry : config.entries()) {
            String id = nameCounts.get(entry.name()) > 1 ? entry.section() + "." + entry.name() : entry.name();
            all.put(id, entry.toFlagMap());
        }
        return ConfigJson.write(all);
    }

    /**
     * The Markdown reference of every registered key: one table per section (sorted) with key, type, default,
     * mutability, accepted values and description. Deterministic, so a golden-file test can hold
     * {@code docs/config.md} up to date.
     */
    public static String toMarkdown(ConfigRegistry registry) {
        StringBuilder out = new StringBuilder();
        String section = null;
        for (ConfigKey<?> key : registry.keys()) {
            if (!key.section().equals(section)) {
                section = key.section();
                out.append(out.length() == 0 ? "" : "\n")
                        .append("## [")
                        .append(section)
                        .append("]\n\n")
                        .append("| Key | Type | Default | Mutable | Accepted | Description |\n")
                        .append("|---|---|---|---|---|---|\n");
            }
            ConfigEntry entry = ConfigEntry.of(key, key.defaultText(), ValueSource.DEFAULT);
            out.append("| `")
                    .append(entry.name())
                    .append("` | ")
                    .append(cell(entry.type()))
                    .append(" | ")
                    .append(entry.defaultValue().isEmpty() ? "\"\"" : "`" + cell(entry.defaultValue()) + "`")
                    .append(" | ")
                    .append(entry.mutable() ? "yes" : "no")
                    .append(" | ")
                    .append(cell(entry.constraints()))
                    .append(" | ")
                    .append(cell(entry.description()))
                    .append(" |\n");
        }
        return out.toString();
    }

    private static String annotations(ConfigEntry entry) {
        StringBuilder out = new StringBuilder();
        if (entry.mutable()) {
            out.append(" [mutable]");
        }
        if (entry.source() != ValueSource.DEFAULT) {
            String def = entry.defaultValue().isEmpty() ? "\"\"" : entry.defaultValue();
            out.append(" [from ")
                    .append(entry.source().label())
                    .append("; default: ")
                    .append(def)
                    .append(']');
        }
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\r", "").replace('\n', ' ');
    }
}
