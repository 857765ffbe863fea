package io.enif.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.server.FakeReplicaRole;
import io.enif.server.onebox.Onebox;
import io.enif.server.role.MetaRole;
import io.enif.server.role.ServerRoles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Argument parsing and error messages of {@code enif}: one ERROR line, a non-zero status, never a stack trace. */
@Timeout(30)
class EnifCommandLineTest {
    private static final ServerRoles META_ONLY = ServerRoles.of(new MetaRole());

    @TempDir
    Path dir;

    @Test
    void helpListsEveryCommandAndEachRole() {
        Cli cli = Cli.run(META_ONLY, "--help");
        assertThat(cli.status()).isZero();
        assertThat(cli.out())
                .contains("\n  meta ", "\n  zookeeper ", "\n  onebox ", "\n  version ")
                .doesNotContain("\n  replica ");

        Cli withReplica = Cli.run(ServerRoles.of(new MetaRole(), new FakeReplicaRole()), "--help");
        assertThat(withReplica.out()).contains("\n  replica ", "Run a replica server (test fake)");
    }

    @Test
    void noCommandPrintsUsageWithStatus2() {
        Cli cli = Cli.run(META_ONLY);
        assertThat(cli.status()).isEqualTo(2);
        assertThat(cli.err()).contains("Usage: enif");
    }

    @Test
    void unknownCommandIsOneErrorLineWithAHint() {
        Cli cli = Cli.run(META_ONLY, "metta");
        assertThat(cli.status()).isEqualTo(2);
        assertThat(cli.err())
                .startsWith("ERROR: ")
                .contains("metta")
                .contains("Did you mean")
                .contains("meta");
        assertNoStackTrace(cli);
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertUsageError(Cli.run(META_ONLY, "onebox", "start", "-x"), "Unknown option: '-x'");
        assertUsageError(Cli.run(META_ONLY, "onebox", "start", "-m", "many"), "'many' is not an int");
        assertUsageError(Cli.run(META_ONLY, "meta"), "Missing required option: '--config=<ini>'");
        assertUsageError(
                Cli.run(META_ONLY, "onebox", "start", "--dir", dir.toString(), "--base-port", "80"),
                "--base-port 80 is not in");
        assertUsageError(
                Cli.run(META_ONLY, "onebox", "start", "--dir", dir.toString(), "-m", "0"),
                "meta count 0 is not in 1..99");
        assertUsageError(Cli.run(META_ONLY, "onebox", "start-instance", "--dir", dir.toString()), "Missing required");
        assertUsageError(
                Cli.run(META_ONLY, "onebox", "stop-instance", "-m", "1", "-r", "1", "--dir", dir.toString()),
                "mutually exclusive");
        assertUsageError(Cli.run(META_ONLY, "zookeeper", "--port", "70000", "-d", dir.toString()), "--port 70000");
    }

    @Test
    void missingConfigFileIsAFailureNamingTheFile() {
        Path missing = dir.resolve("missing.ini");
        Cli cli = Cli.run(META_ONLY, "meta", "-c", missing.toString());
        assertThat(cli.status()).isEqualTo(1);
        assertThat(cli.err()).startsWith("ERROR: cannot read config file " + missing);
        assertNoStackTrace(cli);
    }

    @Test
    void badValueNamesSectionKeyAndValue() throws IOException {
        Path ini = dir.resolve("bad.ini");
        Files.writeString(ini, "[replication]\nlb_interval_ms = soon\n");
        Cli cli = Cli.run(META_ONLY, "meta", "-c", ini.toString());
        assertThat(cli.status()).isEqualTo(1);
        assertThat(cli.err()).startsWith("ERROR: ").contains("lb_interval_ms", "soon");
        assertNoStackTrace(cli);
    }

    @Test
    void unsubstitutedPlaceholderIsRefused() throws IOException {
        Path ini = dir.resolve("template.ini");
        Files.writeString(ini, "[meta_server]\nserver_list = %{meta.server.list}\n");
        Cli cli = Cli.run(META_ONLY, "meta", "-c", ini.toString());
        assertThat(cli.status()).isEqualTo(1);
        assertThat(cli.err()).contains("%{meta.server.list}");
    }

    @Test
    void badPortOfTheRoleBlockIsRefused() throws IOException {
        Path ini = dir.resolve("port.ini");
        Files.writeString(ini, "[apps.meta]\nports = 99999\n[zookeeper]\nhosts_list = 127.0.0.1:1\n");
        Cli cli = Cli.run(META_ONLY, "meta", "-c", ini.toString());
        assertThat(cli.status()).isEqualTo(1);
        assertThat(cli.err()).contains("[apps.meta] ports = \"99999\" is not a port");
    }

    @Test
    void unknownOverrideIsRefused() throws IOException {
        Path ini = dir.resolve("ok.ini");
        Files.writeString(ini, "[zookeeper]\nhosts_list = 127.0.0.1:1\n");
        Cli cli = Cli.run(META_ONLY, "meta", "-c", ini.toString(), "-o", "replication.no_such_key=1");
        assertThat(cli.status()).isEqualTo(1);
        assertThat(cli.err()).contains("names no known config key");
    }

    @Test
    void versionPrintsTheBuildVersion() {
        Cli cli = Cli.run(META_ONLY, "version");
        assertThat(cli.status()).isZero();
        assertThat(cli.out()).startsWith("Enif Server ").doesNotContain("unknown");
        assertThat(Cli.run(META_ONLY, "--version").out()).isEqualTo(cli.out());
    }

    @Test
    void oneboxListOfAnEmptyDirectorySaysNothingRuns() {
        Cli cli = Cli.run(META_ONLY, "onebox", "list", "--dir", dir.toString());
        assertThat(cli.status()).isZero();
        assertThat(cli.out())
                .contains("0 meta server(s), 0 replica server(s) running; ZooKeeper not running")
                .contains("NOTE: " + Onebox.NO_REPLICA_ROLE);
        Cli withReplica = Cli.run(
                ServerRoles.of(new MetaRole(), new FakeReplicaRole()), "onebox", "list", "--dir", dir.toString());
        assertThat(withReplica.out()).doesNotContain(Onebox.NO_REPLICA_ROLE);
    }

    @Test
    void instanceCommandsNeedAnExistingInstance() {
        Cli cli = Cli.run(META_ONLY, "onebox", "start-instance", "-m", "1", "--dir", dir.toString());
        assertThat(cli.status()).isEqualTo(1);
        assertThat(cli.err()).startsWith("ERROR: invalid meta_id 1");

        Cli replica = Cli.run(META_ONLY, "onebox", "restart-instance", "-r", "1", "--dir", dir.toString());
        assertThat(replica.status()).isEqualTo(1);
        assertThat(replica.err()).isEqualTo("ERROR: " + Onebox.NO_REPLICA_ROLE + System.lineSeparator());
    }

    @Test
    void oneboxStopWithNothingRunningSaysSo() {
        Cli cli = Cli.run(META_ONLY, "onebox", "stop", "--dir", dir.toString());
        assertThat(cli.status()).isZero();
        assertThat(cli.out()).contains("INFO: no onebox server is running");
    }

    private static void assertUsageError(Cli cli, String message) {
        assertThat(cli.status()).as(cli.err()).isEqualTo(2);
        assertThat(cli.err()).startsWith("ERROR: ").contains(message).contains("--help");
        assertNoStackTrace(cli);
    }

    private static void assertNoStackTrace(Cli cli) {
        assertThat(cli.err()).doesNotContain("\tat ").doesNotContain("Exception in");
        assertThat(cli.out()).doesNotContain("\tat ");
    }
}
