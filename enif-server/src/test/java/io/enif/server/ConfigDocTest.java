package io.enif.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.common.config.ConfigDump;
import io.enif.common.config.ConfigRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Holds {@code docs/config.md} equal to what the registry of every module generates, so the operators' reference
 * cannot go stale. Regenerate it with {@code mvn test -pl enif-server -am -Denif.updateDocs=true}.
 */
@Timeout(30)
class ConfigDocTest {
    private static final Path DOC = Path.of("..", "docs", "config.md");
    private static final String HEADER = """
            # Configuration reference

            Every key an Enif server reads, by ini section, generated from the keys declared in the code (the same
            registry `config-dump` and `/configs` print). Do not edit by hand: `ConfigDocTest` in enif-server fails
            when this file is stale, and `mvn test -pl enif-server -am -Denif.updateDocs=true` rewrites it.

            Mutable keys can be changed at run time through `/updateConfig`. Sections of a Pegasus config that only
            the rDSN framework reads (`[core]`, `[apps.*]`, `[threadpool.*]`, `[task.*]`, ...) are accepted and ignored.

            """;

    @Test
    void docsConfigMdIsCurrent() throws IOException {
        String expected = HEADER + ConfigDump.toMarkdown(ConfigRegistry.discover());
        if (Boolean.getBoolean("enif.updateDocs")) {
            Files.createDirectories(DOC.getParent());
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
        }
        assertThat(DOC)
                .as("docs/config.md (regenerate with -Denif.updateDocs=true)")
                .exists();
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8)).isEqualTo(expected);
    }
}
