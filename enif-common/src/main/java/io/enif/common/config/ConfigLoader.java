package io.enif.common.config;

import io.enif.common.error.ErrorCode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a {@link Config} from an ini file (or text), template variables and command-line overrides.
 *
 * <pre>{@code
 * Config config = ConfigLoader.forRegistry(ConfigRegistry.discover())
 *         .file(Path.of("conf/enif.ini"))
 *         .variables(System.getenv())
 *         .overrides(List.of("replication.prepare_timeout_ms_for_secondaries=5000"))
 *         .load();
 * }</pre>
 *
 * <p>Rules, in order:
 *
 * <ol>
 *   <li>{@code ${NAME}} and {@code %{NAME}} in values are replaced from the variables; a placeholder left in a value
 *       Enif uses is an error (the deploy script forgot to substitute it).
 *   <li>Values of registered keys are parsed and validated; a malformed value is an error naming the file, section,
 *       key and value.
 *   <li>Raw sections ({@link ConfigRegistry#registerRawSection}) are kept as maps.
 *   <li>rDSN runtime sections are accepted and ignored, with one INFO line naming them.
 *   <li>Unknown sections and unknown keys of known sections are a WARN line each, not an error.
 *   <li>Overrides ({@code section.key=value}) apply on top; an override of an unknown key is an error.
 * </ol>
 *
 * <p>All errors are collected and thrown together as one {@link ConfigException}.
 */
public final class ConfigLoader {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigLoader.class);
    private static final String OVERRIDE_SOURCE = "override";

    private record Assignment(String section, String key, String value, String text) {}

    private final ConfigRegistry registry;
    private Path file;
    private String textSource;
    private String text;
    private Map<String, String> variables = Map.of();
    private final List<Assignment> overrides = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    private ConfigLoader(ConfigRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** A loader for the keys of {@code registry}; with nothing else set, it gives every key its default. */
    public static ConfigLoader forRegistry(ConfigRegistry registry) {
        return new ConfigLoader(registry);
    }

    /** Reads this ini file. */
    public ConfigLoader file(Path file) {
        this.file = Objects.requireNonNull(file, "file");
        this.text = null;
        return this;
    }

    /** Reads this ini text; {@code source} names it in messages. */
    public ConfigLoader text(String source, String text) {
        this.textSource = Objects.requireNonNull(source, "source");
        this.text = Objects.requireNonNull(text, "text");
        this.file = null;
        return this;
    }

    /** Substitutes {@code ${NAME}} and {@code %{NAME}} in values from this map (e.g. the environment). */
    public ConfigLoader variables(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
        return this;
    }

    /** Adds overrides of the form {@code section.key=value}, applied in order on top of the file. */
    public ConfigLoader overrides(Collection<String> assignments) {
        assignments.forEach(this::override);
        return this;
    }

    /**
     * Adds an override of the form {@code section.key=value} (the section is everything before the last dot of the
     * left side, so {@code pegasus.server.rocksdb_verbose_log=true} sets {@code [pegasus.server]}).
     */
    public ConfigLoader override(String assignment) {
        int eq = assignment.indexOf('=');
        String left = eq < 0 ? "" : assignment.substring(0, eq).strip();
        int dot = left.lastIndexOf('.');
        if (dot <= 0 || dot == left.length() - 1) {
            errors.add(OVERRIDE_SOURCE + ": '" + assignment + "' is not of the form section.key=value");
        } else {
            overrides.add(new Assignment(
                    left.substring(0, dot),
                    left.substring(dot + 1),
                    assignment.substring(eq + 1).strip(),
                    assignment));
        }
        return this;
    }

    /** Adds an override of one key. */
    public ConfigLoader override(ConfigKey<?> key, String value) {
        overrides.add(new Assignment(key.section(), key.name(), value, key.qualifiedName() + "=" + value));
        return this;
    }

    /**
     * Loads the configuration.
     *
     * @throws ConfigException listing every malformed value, unsubstituted placeholder, syntax error and unknown
     *     override
     */
    public Config load() {
        IniFile ini = file != null
                ? IniParser.parse(file)
                : IniParser.parse(text != null ? textSource : "<defaults>", text != null ? text : "");
        Draft draft = new Draft(ini);
        for (ConfigKey<?> key : registry.keys()) {
            draft.settings.put(key.qualifiedName(), new Config.Setting(key, key.defaultValue(), ValueSource.DEFAULT));
        }
        ini.sections().forEach(section -> readSection(ini.source(), section, draft));
        overrides.forEach(o -> applyOverride(o, draft));

        if (!draft.problems.isEmpty()) {
            throw new ConfigException(ErrorCode.ERR_INVALID_PARAMETERS, draft.problems);
        }
        draft.warnings.forEach(LOG::warn);
        if (!draft.ignored.isEmpty()) {
            LOG.info("{}: ignoring rDSN runtime sections {}", ini.source(), String.join(", ", draft.ignored));
        }
        return new Config(
                registry, ini.source(), List.copyOf(draft.settings.values()), draft.raw, draft.warnings, draft.ignored);
    }

    /** What loading has gathered so far. */
    private final class Draft {
        final Map<String, Config.Setting> settings = new LinkedHashMap<>();
        final Map<String, Map<String, String>> raw = new LinkedHashMap<>();
        final List<String> problems = new ArrayList<>(errors);
        final List<String> warnings = new ArrayList<>();
        final List<String> ignored = new ArrayList<>();

        Draft(IniFile ini) {
            warnings.addAll(ini.warnings());
        }
    }

    private void readSection(String source, IniFile.Section section, Draft draft) {
        String name = section.name();
        switch (registry.classify(name)) {
            case IGNORED -> draft.ignored.add("[" + name + "]");
            case UNKNOWN ->
                draft.warnings.add(source + ":" + section.line() + ": unknown section [" + name + "] ignored ("
                        + section.entries().size() + " keys)");
            case RAW -> {
                Map<String, String> values = draft.raw.computeIfAbsent(name, s -> new LinkedHashMap<>());
                for (IniFile.Entry entry : section.entries().values()) {
                    String where = source + ": [" + name + "] " + entry.key();
                    resolve(where, entry.value(), " (line " + entry.line() + ")", draft.problems)
                            .ifPresent(value -> values.put(entry.key(), value));
                }
            }
            case KEYED -> {
                for (IniFile.Entry entry : section.entries().values()) {
                    Optional<ConfigKey<?>> key = registry.find(name, entry.key());
                    if (key.isEmpty()) {
                        draft.warnings.add(source + ":" + entry.line() + ": unknown key [" + name + "] " + entry.key()
                                + " ignored");
                    } else {
                        String suffix = " (line " + entry.line() + ")";
                        typed(source, key.get(), entry.value(), suffix, ValueSource.FILE, draft);
                    }
                }
            }
        }
    }

    private void applyOverride(Assignment o, Draft draft) {
        Optional<ConfigKey<?>> key = registry.find(o.section(), o.key());
        switch (registry.classify(o.section())) {
            case RAW ->
                resolve(OVERRIDE_SOURCE + ": [" + o.section() + "] " + o.key(), o.value(), "", draft.problems)
                        .ifPresent(value -> draft.raw
                                .computeIfAbsent(o.section(), s -> new LinkedHashMap<>())
                                .put(o.key(), value));
            case KEYED -> {
                if (key.isPresent()) {
                    typed(OVERRIDE_SOURCE, key.get(), o.value(), "", ValueSource.OVERRIDE, draft);
                } else {
                    draft.problems.add(unknownOverride(o));
                }
            }
            default -> draft.problems.add(unknownOverride(o));
        }
    }

    /** Substitutes variables and refuses a value with a placeholder left in it. */
    private Optional<String> resolve(String where, String value, String suffix, List<String> problems) {
        String resolved = Placeholders.substitute(value, variables);
        Optional<String> placeholder = Placeholders.findUnsubstituted(resolved);
        if (placeholder.isPresent()) {
            problems.add(where + " = \"" + resolved + "\" contains the unsubstituted placeholder " + placeholder.get()
                    + suffix);
            return Optional.empty();
        }
        return Optional.of(resolved);
    }

    /** Parses and validates a value of a registered key into the draft, or records why it cannot. */
    private <T> void typed(
            String source, ConfigKey<T> key, String value, String suffix, ValueSource from, Draft draft) {
        Optional<String> resolved = resolve(source + ": " + key, value, suffix, draft.problems);
        if (resolved.isEmpty()) {
            return;
        }
        try {
            draft.settings.put(key.qualifiedName(), new Config.Setting(key, key.parse(resolved.get()), from));
        } catch (IllegalArgumentException e) {
            draft.problems.add(source + ": " + key + " = \"" + resolved.get() + "\" " + e.getMessage() + suffix);
        }
    }

    private static String unknownOverride(Assignment o) {
        return OVERRIDE_SOURCE + ": '" + o.text() + "' names no known config key [" + o.section() + "] " + o.key();
    }
}
