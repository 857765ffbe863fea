package io.enif.common.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed ini file: its sections in file order, each with its entries in file order, untyped.
 *
 * @param source the file name (or another label) used in messages
 * @param sections the sections, in file order
 * @param warnings harmless oddities found while parsing (e.g. a key defined twice), one sentence each
 */
public record IniFile(String source, List<Section> sections, List<String> warnings) {

    public IniFile {
        sections = List.copyOf(sections);
        warnings = List.copyOf(warnings);
    }

    /** One {@code key = value} line. */
    public record Entry(String key, String value, int line) {}

    /**
     * One {@code [name]} section.
     *
     * @param name the section name
     * @param line the line of its header
     * @param entries its entries by key, in file order
     */
    public record Section(String name, int line, Map<String, Entry> entries) {
        public Section {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        /** The entries as a plain {@code key → value} map, in file order. */
        public Map<String, String> values() {
            Map<String, String> values = new LinkedHashMap<>();
            entries.forEach((key, entry) -> values.put(key, entry.value()));
            return values;
        }
    }

    /** The section named {@code name}. */
    public Optional<Section> section(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
