package io.enif.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.server.role.MetaRole;
import io.enif.server.role.ServerRoles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The real run needs a onebox (scripts/check-onebox-chaos.sh); here only what fails before one is touched. */
@Timeout(60)
class ChaosCommandTest {
    private static final ServerRoles ROLES = ServerRoles.of(new MetaRole());

    @Test
    void withoutAOneboxItFailsWithOneErrorLine(@TempDir Path dir) {
        Cli cli = Cli.run(ROLES, "chaos", "--dir", dir.toString(), "--seed", "1");
        assertThat(cli.status()).isEqualTo(EnifCommandLine.FAILED);
        assertThat(cli.out()).startsWith("ERROR: no onebox with meta and replica servers in " + dir);
    }

    @Test
    void badNumbersAreUsageErrors(@TempDir Path dir) {
        Cli cli = Cli.run(ROLES, "chaos", "--dir", dir.toString(), "--threads", "0");
        assertThat(cli.status()).isEqualTo(2);
        assertThat(cli.err()).contains("must be positive");
    }

    @Test
    void helpNamesTheOptions() {
        Cli cli = Cli.run(ROLES, "chaos", "--help");
        assertThat(cli.status()).isZero();
        assertThat(cli.out())
                .contains("--seed")
                .contains("--duration")
                .contains("--threads")
                .contains("--min-faults")
                .contains("--min-throughput")
                .contains("--json");
    }
}
