package io.enif.server.onebox;

import static org.assertj.core.api.Assertions.assertThat;

import io.enif.server.role.MetaRole;
import io.enif.server.role.ServerRoles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The onebox as real processes on fixed ports (base port {@value #BASE_PORT}, so ZooKeeper on 33181 and meta servers on
 * 45601..45603): start and wait, list, stop and start one instance, stop and resume, clear. Opt-in because it binds
 * fixed ports: {@code mvn test -pl enif-server -am -Denif.e2e=true -Dtest=OneboxEndToEndTest
 * -Dsurefire.failIfNoSpecifiedTests=false}. Every process is stopped by {@code clear} in {@code finally}.
 */
@Tag("e2e")
@EnabledIfSystemProperty(named = "enif.e2e", matches = "true")
@Timeout(180)
class OneboxEndToEndTest {
    private static final int BASE_PORT = 45_600;

    @TempDir
    Path root;

    private final StringWriter output = new StringWriter();
    private final PrintWriter out = new PrintWriter(output, true);
    private final ServerRoles roles = ServerRoles.of(new MetaRole());

    @Test
    void startListRestartStopResumeClear() throws Exception {
        Onebox onebox = new Onebox(roles, root, out, out);
        OneboxControl control = new OneboxControl(roles, root, out, out);
        Onebox.StartOptions options =
                new Onebox.StartOptions(3, 3, 8, "temp", true, Duration.ofSeconds(60), BASE_PORT, List.of());
        try {
            assertThat(onebox.start(options)).as(output.toString()).isZero();
            assertThat(output.toString())
                    .contains("Zookeeper started at port 33181")
                    .contains("INFO: meta@3 started on 127.0.0.1:45603")
                    .contains("NOTE: " + Onebox.NO_REPLICA_ROLE)
                    .contains("Meta servers are ready");
            assertThat(onebox.start(options)).as("refuses a second start").isEqualTo(1);
            assertThat(output.toString()).contains("ERROR: some onebox processes are running, start failed");

            assertThat(control.list()).isZero();
            assertThat(output.toString()).contains("3 meta server(s), 0 replica server(s) running; ZooKeeper running");

            assertThat(control.stopInstance("meta", 1)).isZero();
            assertThat(control.stopInstance("meta", 1)).isEqualTo(1);
            assertThat(control.restartInstance("meta", 1, Duration.ZERO)).isZero();
            assertThat(output.toString()).contains("INFO: meta@1 stopped", "INFO: meta@1 is not running");

            assertThat(control.stop()).isZero();
            assertThat(output.toString()).contains("INFO: meta@3 stopped");
            assertThat(onebox.start(options)).as(output.toString()).isZero();
            assertThat(output.toString()).contains("Zookeeper is running at port 33181");
        } finally {
            control.clear();
        }
        assertThat(output.toString()).contains("Clearing zookeeper ... CLEARED");
        assertThat(root).doesNotExist();
    }
}
