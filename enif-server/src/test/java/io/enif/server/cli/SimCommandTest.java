package io.enif.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.server.role.MetaRole;
import io.enif.server.role.ServerRoles;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class SimCommandTest {
    private static final ServerRoles ROLES = ServerRoles.of(new MetaRole());

    @Test
    void seedsEndWithTheCountOfFailures() {
        Cli cli = Cli.run(ROLES, "sim", "--seeds", "2", "--threads", "1");
        assertThat(cli.status()).as(cli.out() + cli.err()).isZero();
        assertThat(cli.out().strip()).endsWith("2 seeds, 0 failures");
    }

    @Test
    void aSeedReplaysWithTheSameDigest() {
        Cli first = Cli.run(ROLES, "sim", "--seed", "3");
        Cli again = Cli.run(ROLES, "sim", "--seed", "3");
        assertThat(first.status()).as(first.out() + first.err()).isZero();
        assertThat(digest(again.out())).isEqualTo(digest(first.out()));
        assertThat(first.out()).contains("seed 3: ok").contains("profile: ops ");
    }

    @Test
    void aFailingSeedPrintsTheCommandThatReplaysIt() {
        Cli cli = Cli.run(ROLES, "sim", "--seed", "1", "--break", "COMMIT_BEFORE_ALL_ACKED");
        assertThat(cli.status()).isEqualTo(EnifCommandLine.FAILED);
        assertThat(cli.out())
                .contains("seed 1: FAILED")
                .contains("replay: ./enif sim --seed 1 --break COMMIT_BEFORE_ALL_ACKED");
    }

    @Test
    void seedAndSeedsExcludeEachOther() {
        Cli cli = Cli.run(ROLES, "sim", "--seed", "1", "--seeds", "2");
        assertThat(cli.status()).isEqualTo(2);
        assertThat(cli.err()).startsWith("ERROR:");
    }

    private static String digest(String out) {
        Matcher m = Pattern.compile("history digest: ([0-9a-f]{16})").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return m.group(1);
    }
}
