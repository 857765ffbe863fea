package io.enif.common.config;

import io.enif.common.error.ErrorCode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The effective configuration of a process: a typed value for every registered key (file value, override or
 * default), the raw sections, and what loading noticed. Built by {@link ConfigLoader}.
 *
 * <p>Reads are lock-free and safe from any thread. Keys tagged mutable can be changed at runtime with {@link #set}
 * (typed) or {@link #update} (ini text); the change is logged, stays in memory only (a restart brings the file or
 * default value back) and is passed to the key's listeners on the updating thread.
 */
public final class Config {
    private static final Logger LOG = LoggerFactory.getLogger(Config.class);

    /** The value of one key and where it came from. */
    record Setting(ConfigKey<?> key, Object value, ValueSource source) {}

    private final ConfigRegistry registry;
    private final String sourceName;
    private final Map<String, Setting> settings;
    private final Map<String, Setting> loaded;
    private final List<ConfigKey<?>> keys;
    private final Map<String, Map<String, String>> rawSections;
    private final List<String> warnings;
    private final List<String> ignoredSections;
    private final Map<String, List<Consumer<Object>>> listeners = new ConcurrentHashMap<>();

    Config(
            ConfigRegistry registry,
            String sourceName,
            List<Setting> settings,
            Map<String, Map<String, String>> rawSections,
            List<String> warnings,
            List<String> ignoredSections) {
        this.registry = registry;
        this.sourceName = sourceName;
        this.settings = new ConcurrentHashMap<>();
        List<ConfigKey<?>> keyList = new ArrayList<>();
        for (Setting setting : settings) {
            this.settings.put(setting.key().qualifiedName(), setting);
            keyList.add(setting.key());
        }
        this.keys = List.copyOf(keyList);
        this.loaded = Map.copyOf(this.settings);
        Map<String, Map<String, String>> raw = new LinkedHashMap<>();
        rawSections.forEach((name, values) -> raw.put(name, Collections.unmodifiableMap(new LinkedHashMap<>(values))));
        this.rawSections = Collections.unmodifiableMap(raw);
        this.warnings = List.copyOf(warnings);
        this.ignoredSections = List.copyOf(ignoredSections);
    }

    /** Every registered key at its default: for tests and tools that read no file. */
    public static Config defaults(ConfigRegistry registry) {
        return ConfigLoader.forRegistry(registry).load();
    }

    /**
     * The effective value of a key.
     *
     * @throws IllegalArgumentException if the key was not registered when this configuration was loaded
     */
    public <T> T get(ConfigKey<T> key) {
        return key.cast(setting(key).value());
    }

    /** Where the effective value of a key came from. */
    public ValueSource source(ConfigKey<?> key) {
        return setting(key).source();
    }

    /** The effective value of a key as ini text. */
    public String text(ConfigKey<?> key) {
        return format(setting(key));
    }

    /**
     * Changes a mutable key at runtime, from ini text (as {@code /updateConfig} does).
     *
     * @return the new value
     * @throws ConfigException ({@code ERR_INVALID_PARAMETERS}) if the key is not mutable or the text is not a valid
     *     value
     */
    public <T> T update(ConfigKey<T> key, String text) {
        ConfigKey<T> registered = registered(key);
        requireMutable(registered);
        T value;
        try {
            value = registered.parse(text.strip());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(
                    ErrorCode.ERR_INVALID_PARAMETERS, registered + " = \"" + text + "\" " + e.getMessage());
        }
        apply(registered, value);
        return value;
    }

    /**
     * Changes a mutable key at runtime.
     *
     * @throws ConfigException ({@code ERR_INVALID_PARAMETERS}) if the key is not mutable or a validator refuses the
     *     value
     */
    public <T> void set(ConfigKey<T> key, T value) {
        ConfigKey<T> registered = registered(key);
        requireMutable(registered);
        try {
            registered.check(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(
                    ErrorCode.ERR_INVALID_PARAMETERS,
                    registered + " = \"" + registered.format(value) + "\" " + e.getMessage());
        }
        apply(registered, value);
    }

    /**
     * Changes a mutable key named as {@code /updateConfig} names it (bare name, or {@code section.name}).
     *
     * @return the key changed
     * @throws ConfigException {@code ERR_OBJECT_NOT_FOUND} ("{@code <name> is not found}") for an unknown name;
     *     {@code ERR_INVALID_PARAMETERS} ("{@code <name> is not mutable}", or a bad value) otherwise
     */
    public ConfigKey<?> update(String name, String text) {
        ConfigKey<?> key = lookup(name)
                .orElseThrow(() -> new ConfigException(ErrorCode.ERR_OBJECT_NOT_FOUND, name + " is not found"));
        update(key, text);
        return key;
    }

    /**
     * Undoes every runtime change of a mutable key: the value read at start (file, override or default) comes back,
     * and the listeners see it. This is what a remote command's {@code DEFAULT} argument does.
     *
     * @return the value now in effect
     * @throws ConfigException ({@code ERR_INVALID_PARAMETERS}) if the key is not mutable
     */
    public <T> T reset(ConfigKey<T> key) {
        ConfigKey<T> registered = registered(key);
        requireMutable(registered);
        Setting start = loaded.get(registered.qualifiedName());
        T value = registered.cast(start.value());
        apply(registered, value, start.source());
        return value;
    }

    /**
     * This configuration as it was loaded, without runtime changes or listeners: what a restarted process reads from
     * the same file (for harnesses that restart a server in the same JVM).
     */
    public Config asLoaded() {
        List<Setting> start =
                keys.stream().map(key -> loaded.get(key.qualifiedName())).toList();
        return new Config(registry, sourceName, start, rawSections, warnings, ignoredSections);
    }

    /** The value a key had when this configuration was loaded, before any runtime change. */
    public <T> T loadedValue(ConfigKey<T> key) {
        ConfigKey<T> registered = registered(key);
        return registered.cast(loaded.get(registered.qualifiedName()).value());
    }

    /** Finds a key of this configuration by bare name or {@code section.name} (see {@link ConfigRegistry#lookup}). */
    public Optional<ConfigKey<?>> lookup(String name) {
        return registry.lookup(name).filter(key -> settings.containsKey(key.qualifiedName()));
    }

    /** Calls {@code listener} with the new value after each runtime change of {@code key}. */
    @SuppressWarnings("unchecked")
    public <T> void addListener(ConfigKey<T> key, Consumer<? super T> listener) {
        ConfigKey<T> registered = registered(key);
        listeners
                .computeIfAbsent(registered.qualifiedName(), k -> new CopyOnWriteArrayList<>())
                .add((Consumer<Object>) listener);
    }

    /** The entries of a raw section (e.g. {@code pegasus.clusters}), in file order; empty if the file has none. */
    public Map<String, String> rawSection(String name) {
        return rawSections.getOrDefault(name, Map.of());
    }

    /**
     * Every raw section whose name starts with {@code prefix}, by section name in file order; for example
     * {@code rawSections("meta_server.apps.")} gives the bootstrap tables.
     */
    public Map<String, Map<String, String>> rawSections(String prefix) {
        Map<String, Map<String, String>> matching = new LinkedHashMap<>();
        rawSections.forEach((name, values) -> {
            if (name.startsWith(prefix)) {
                matching.put(name, values);
            }
        });
        return Collections.unmodifiableMap(matching);
    }

    /** Every key of this configuration, sorted by section and name. */
    public List<ConfigKey<?>> keys() {
        return keys;
    }

    /** The view of one key for {@code /config}. */
    public ConfigEntry entry(ConfigKey<?> key) {
        Setting setting = setting(key);
        return ConfigEntry.of(setting.key(), format(setting), setting.source());
    }

    /** The view of every key, sorted by section and name, for {@code /configs} and {@code config-dump}. */
    public List<ConfigEntry> entries() {
        return keys.stream().map(this::entry).toList();
    }

    /** The file (or other label) this configuration was read from. */
    public String sourceName() {
        return sourceName;
    }

    /** The warnings of loading (unknown sections and keys, keys defined twice), as logged. */
    public List<String> warnings() {
        return warnings;
    }

    /** The sections of the file that were accepted and ignored (rDSN runtime sections). */
    public List<String> ignoredSections() {
        return ignoredSections;
    }

    /** The registry this configuration was loaded against. */
    public ConfigRegistry registry() {
        return registry;
    }

    /** All raw sections, by name in file order. */
    Map<String, Map<String, String>> rawSections() {
        return rawSections;
    }

    private Setting setting(ConfigKey<?> key) {
        Setting setting = settings.get(key.qualifiedName());
        if (setting == null || setting.key() != key && !setting.key().sameDefinition(key)) {
            throw new IllegalArgumentException(key + " is not a registered config key; list it in its module's "
                    + ConfigKeyHolder.class.getSimpleName());
        }
        return setting;
    }

    @SuppressWarnings("unchecked")
    private <T> ConfigKey<T> registered(ConfigKey<T> key) {
        return (ConfigKey<T>) setting(key).key();
    }

    private static void requireMutable(ConfigKey<?> key) {
        if (!key.isMutable()) {
            throw new ConfigException(ErrorCode.ERR_INVALID_PARAMETERS, key.name() + " is not mutable");
        }
    }

    private <T> void apply(ConfigKey<T> key, T value) {
        apply(key, value, ValueSource.RUNTIME);
    }

    /** Serialised, so that listeners see updates in the order they were applied. */
    private synchronized <T> void apply(ConfigKey<T> key, T value, ValueSource source) {
        String old = format(settings.get(key.qualifiedName()));
        settings.put(key.qualifiedName(), new Setting(key, value, source));
        LOG.info("config {} changed at runtime from {} to {} (in memory only)", key, old, key.format(value));
        for (Consumer<Object> listener : listeners.getOrDefault(key.qualifiedName(), List.of())) {
            try {
                listener.accept(value);
            } catch (RuntimeException e) {
                LOG.warn("listener of config {} failed on value {}", key, key.format(value), e);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> String format(Setting setting) {
        ConfigKey<T> key = (ConfigKey<T>) setting.key();
        return key.format(key.cast(setting.value()));
    }
}
