package io.enif.common.config;

import io.enif.common.error.ErrorCode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Every configuration key a process knows, plus the sections it reads raw or ignores.
 *
 * <p>A server builds its registry with {@link #discover()}, which asks every {@link ConfigKeyHolder} on the class
 * path; tests may register keys explicitly. Registering the same (section, name) twice is harmless when both
 * declarations agree and a programming error ({@link IllegalStateException}) when they differ.
 *
 * <p>A section of an ini file is one of: <em>keyed</em> (some registered key lives there; unknown keys in it are
 * warned about), <em>raw</em> (read as a map, e.g. {@code [meta_server.apps.temp]}), <em>ignored</em> (rDSN runtime
 * sections such as {@code [threadpool.*]}, accepted for compatibility with Pegasus config files) or <em>unknown</em>
 * (warned about). A keyed section is never ignored, whatever the patterns say.
 */
public final class ConfigRegistry {
    /**
     * Sections of a Pegasus config file that only rDSN's runtime reads (thread pools, task settings, app blocks,
     * loggers, components); Enif accepts and ignores them.
     */
    public static final List<SectionPattern> RDSN_SECTIONS = List.of(
            SectionPattern.of("core"),
            SectionPattern.of("apps.*"),
            SectionPattern.of("threadpool.*"),
            SectionPattern.of("task.*"),
            SectionPattern.of("tools.*"),
            SectionPattern.of("components.*"));

    /** How a section of an ini file is treated. */
    enum SectionKind {
        KEYED,
        RAW,
        IGNORED,
        UNKNOWN
    }

    private final Map<String, Map<String, ConfigKey<?>>> sections = new TreeMap<>();
    private final List<SectionPattern> rawSections = new ArrayList<>();
    private final List<SectionPattern> ignoredSections = new ArrayList<>(RDSN_SECTIONS);

    /** An empty registry, for tests that register their keys explicitly. */
    public static ConfigRegistry create() {
        return new ConfigRegistry();
    }

    /** A registry holding just these keys. */
    public static ConfigRegistry of(ConfigKey<?>... keys) {
        return create().register(keys);
    }

    /** A registry of every key listed by a {@link ConfigKeyHolder} visible to the context class loader. */
    public static ConfigRegistry discover() {
        return discover(Thread.currentThread().getContextClassLoader());
    }

    /** A registry of every key listed by a {@link ConfigKeyHolder} visible to {@code loader}. */
    public static ConfigRegistry discover(ClassLoader loader) {
        ConfigRegistry registry = create();
        for (ConfigKeyHolder holder : ServiceLoader.load(ConfigKeyHolder.class, loader)) {
            registry.register(holder);
        }
        return registry;
    }

    /** Registers a holder's keys and section patterns. */
    public synchronized ConfigRegistry register(ConfigKeyHolder holder) {
        register(holder.configKeys());
        holder.rawSections().forEach(this::registerRawSection);
        holder.ignoredSections().forEach(this::ignoreSection);
        return this;
    }

    /** Registers keys. */
    public ConfigRegistry register(ConfigKey<?>... keys) {
        return register(List.of(keys));
    }

    /**
     * Registers keys.
     *
     * @throws IllegalStateException if a key with the same section and name but another definition is registered
     */
    public synchronized ConfigRegistry register(Collection<? extends ConfigKey<?>> keys) {
        for (ConfigKey<?> key : keys) {
            Map<String, ConfigKey<?>> section = sections.computeIfAbsent(key.section(), s -> new TreeMap<>());
            ConfigKey<?> existing = section.putIfAbsent(key.name(), key);
            if (existing != null && existing != key && !existing.sameDefinition(key)) {
                throw new IllegalStateException(key + " is declared twice with different definitions: "
                        + describe(existing) + " vs " + describe(key));
            }
        }
        return this;
    }

    /** Declares sections read as raw maps, e.g. {@code meta_server.apps.*}; see {@link SectionPattern}. */
    public synchronized ConfigRegistry registerRawSection(String pattern) {
        SectionPattern parsed = SectionPattern.of(pattern);
        if (!rawSections.contains(parsed)) {
            rawSections.add(parsed);
        }
        return this;
    }

    /** Declares sections to accept and ignore, in addition to {@link #RDSN_SECTIONS}. */
    public synchronized ConfigRegistry ignoreSection(String pattern) {
        SectionPattern parsed = SectionPattern.of(pattern);
        if (!ignoredSections.contains(parsed)) {
            ignoredSections.add(parsed);
        }
        return this;
    }

    /** The key registered under {@code [section] name}. */
    public synchronized Optional<ConfigKey<?>> find(String section, String name) {
        Map<String, ConfigKey<?>> keys = sections.get(section);
        return Optional.ofNullable(keys == null ? null : keys.get(name));
    }

    /** Every key named {@code name}, in any section. */
    public synchronized List<ConfigKey<?>> findByName(String name) {
        return sections.values().stream()
                .map(keys -> keys.get(name))
                .filter(key -> key != null)
                .collect(Collectors.toList());
    }

    /**
     * Looks a key up the way {@code /config?name=} and {@code /updateConfig} do: by bare name (Pegasus's flags are
     * unique by name) or, to pick one of several keys of the same name, by {@code section.name}.
     *
     * @throws ConfigException ({@code ERR_INVALID_PARAMETERS}) if a bare name is declared in several sections
     */
    public synchronized Optional<ConfigKey<?>> lookup(String name) {
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            return find(name.substring(0, dot), name.substring(dot + 1));
        }
        List<ConfigKey<?>> matches = findByName(name);
        if (matches.size() > 1) {
            throw new ConfigException(
                    ErrorCode.ERR_INVALID_PARAMETERS,
                    name + " is ambiguous: it is declared in sections "
                            + matches.stream().map(ConfigKey::section).collect(Collectors.joining(", "))
                            + "; use section.name");
        }
        return matches.stream().findFirst();
    }

    /** Whether this exact key, or one with the same definition, is registered. */
    public synchronized boolean contains(ConfigKey<?> key) {
        return find(key.section(), key.name())
                .map(found -> found == key || found.sameDefinition(key))
                .orElse(false);
    }

    /** Every key, sorted by section and then by name. */
    public synchronized List<ConfigKey<?>> keys() {
        List<ConfigKey<?>> all = new ArrayList<>();
        sections.values().forEach(keys -> all.addAll(keys.values()));
        return all;
    }

    /** The raw-section patterns. */
    public synchronized List<SectionPattern> rawSections() {
        return List.copyOf(rawSections);
    }

    /** The ignored-section patterns, starting with {@link #RDSN_SECTIONS}. */
    public synchronized List<SectionPattern> ignoredSections() {
        return List.copyOf(ignoredSections);
    }

    /** How the loader treats {@code [section]}. */
    synchronized SectionKind classify(String section) {
        if (sections.containsKey(section)) {
            return SectionKind.KEYED;
        }
        if (rawSections.stream().anyMatch(p -> p.matches(section))) {
            return SectionKind.RAW;
        }
        if (ignoredSections.stream().anyMatch(p -> p.matches(section))) {
            return SectionKind.IGNORED;
        }
        return SectionKind.UNKNOWN;
    }

    private static String describe(ConfigKey<?> key) {
        return "{type=" + key.type() + ", default=" + key.defaultText() + ", mutable=" + key.isMutable()
                + ", description=\"" + key.description() + "\"}";
    }
}
