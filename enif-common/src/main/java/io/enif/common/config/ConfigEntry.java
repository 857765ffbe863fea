package io.enif.common.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One key's effective setting, as shown by {@code /config}, {@code /configs} and {@code config-dump}.
 *
 * @param section the ini section
 * @param name the key name
 * @param type the type's documentation name, e.g. {@code int32}
 * @param flagType what Pegasus's {@code /config} calls the type
 * @param value the effective value as ini text
 * @param defaultValue the default as ini text
 * @param mutable whether {@code /updateConfig} may change it
 * @param description what the key does
 * @param source where the value came from
 * @param constraints what the validators accept, e.g. {@code >= 1024}; empty when there are none
 */
public record ConfigEntry(
        String section,
        String name,
        String type,
        FlagType flagType,
        String value,
        String defaultValue,
        boolean mutable,
        String description,
        ValueSource source,
        String constraints) {

    /** Pegasus's tag of mutable flags, as {@code /config} shows it. */
    public static final String MUTABLE_TAG = "flag_tag::FT_MUTABLE";

    static ConfigEntry of(ConfigKey<?> key, String value, ValueSource source) {
        String constraints = key.validators().stream()
                .map(Validator::describe)
                .filter(d -> !d.isEmpty())
                .collect(Collectors.joining(", "));
        return new ConfigEntry(
                key.section(),
                key.name(),
                key.type().name(),
                key.type().flagType(),
                value,
                key.defaultText(),
                key.isMutable(),
                key.description(),
                source,
                constraints);
    }

    /**
     * The object Pegasus's {@code GET /config?name=} returns, field for field: {@code name}, {@code section},
     * {@code type} ({@code FV_*}), {@code tags} ({@code ""} or {@value #MUTABLE_TAG}), {@code description},
     * {@code value}; all strings.
     */
    public Map<String, String> toFlagMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("section", section);
        map.put("type", flagType.name());
        map.put("tags", mutable ? MUTABLE_TAG : "");
        map.put("description", description);
        map.put("value", value);
        return map;
    }

    /** Every field, for richer views: section, name, type, flag_type, value, default, mutable, source, ... */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("section", section);
        map.put("name", name);
        map.put("type", type);
        map.put("flag_type", flagType.name());
        map.put("value", value);
        map.put("default", defaultValue);
        map.put("mutable", mutable);
        map.put("source", source.label());
        map.put("constraints", constraints);
        map.put("description", description);
        return map;
    }
}
