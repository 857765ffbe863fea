package io.enif.common.config;

import java.util.List;

/** The holder of {@link TestKeys}, listed in {@code src/test/resources/META-INF/services}. */
public final class TestConfigKeyHolder implements ConfigKeyHolder {
    @Override
    public List<ConfigKey<?>> configKeys() {
        return ConfigKeyHolder.staticKeysOf(TestKeys.class);
    }

    @Override
    public List<String> rawSections() {
        return List.of("meta_server.apps.*", "pegasus.clusters");
    }

    @Override
    public List<String> ignoredSections() {
        return List.of("pegasus.collector");
    }

    /** A registry of the test keys only, without the class path scan. */
    static ConfigRegistry registry() {
        return ConfigRegistry.create().register(new TestConfigKeyHolder());
    }
}
