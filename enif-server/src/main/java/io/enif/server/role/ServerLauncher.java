package io.enif.server.role;

import io.enif.common.config.Config;
import io.enif.common.config.ConfigLoader;
import io.enif.common.config.ConfigRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a role's config file into a listening server: loads the ini against every registered key (placeholders from
 * the environment and {@code --var}s, then {@code section.key=value} overrides), resolves the address and starts the
 * role. This is the whole code path of {@code enif <role> -c <ini>} except waiting for the end.
 */
public final class ServerLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(ServerLauncher.class);

    private ServerLauncher() {}

    /**
     * Loads {@code file}.
     *
     * @param variables values for {@code %{name}} / {@code ${name}} placeholders, on top of the environment
     * @param overrides {@code section.key=value} assignments applied on top of the file
     * @throws io.enif.common.config.ConfigException listing every problem of the file
     */
    public static Config loadConfig(Path file, Map<String, String> variables, List<String> overrides) {
        Map<String, String> all = new HashMap<>(System.getenv());
        all.putAll(variables);
        return ConfigLoader.forRegistry(ConfigRegistry.discover())
                .file(file)
                .variables(all)
                .overrides(overrides)
                .load();
    }

    /**
     * Starts a server of {@code role} as {@code config} says and logs where it listens.
     *
     * @throws IOException when the port cannot be bound or a dependency is unreachable
     */
    public static RunningServer launch(ServerRole role, Config config) throws IOException {
        ServerAddress address = ServerAddress.of(config, role);
        RunningServer server = role.start(config, address.host(), address.port());
        LOG.info("{} server listening on {} (config {})", role.name(), server.address(), config.sourceName());
        return server;
    }
}
