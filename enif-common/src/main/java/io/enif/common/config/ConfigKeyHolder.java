package io.enif.common.config;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * A module's list of its configuration keys, found at start-up by {@link java.util.ServiceLoader} so that the
 * registry is complete whatever code paths run (DESIGN §10, "Config keys").
 *
 * <p>Each module implements this once (a public class with a public no-argument constructor) and names it in
 * {@code src/main/resources/META-INF/services/io.enif.common.config.ConfigKeyHolder}. {@link #staticKeysOf} collects
 * the {@code static final ConfigKey} fields of the classes that declare them, so a new key is listed as soon as it is
 * declared.
 */
public interface ConfigKeyHolder {

    /** The keys this module declares. */
    List<ConfigKey<?>> configKeys();

    /**
     * Sections read as raw {@code key = value} maps rather than typed keys, such as {@code meta_server.apps.*}
     * (bootstrap tables) or {@code pegasus.clusters}; see {@link SectionPattern} for the syntax.
     */
    default List<String> rawSections() {
        return List.of();
    }

    /** Further sections to accept and ignore, beyond the rDSN ones the registry already ignores. */
    default List<String> ignoredSections() {
        return List.of();
    }

    /** Every {@code static final ConfigKey} field declared in the given classes, in declaration order. */
    static List<ConfigKey<?>> staticKeysOf(Class<?>... classes) {
        List<ConfigKey<?>> keys = new ArrayList<>();
        for (Class<?> declaring : classes) {
            for (Field field : declaring.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers)
                        && Modifier.isFinal(modifiers)
                        && ConfigKey.class.isAssignableFrom(field.getType())) {
                    try {
                        field.setAccessible(true);
                        keys.add((ConfigKey<?>) field.get(null));
                    } catch (IllegalAccessException | RuntimeException e) {
                        throw new IllegalStateException("cannot read config key field " + field, e);
                    }
                }
            }
        }
        return keys;
    }
}
